import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import type { PendingLogin } from '../src/adapter/types.js';
import type { ManualClock } from '../src/core/clock.js';
import '../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../src/elements/verify-account/pep-verify-account.js';
import { StorageDeviceStore } from '../src/shared/device-store.js';
import {
  TYPIST_B,
  pendingLogin,
  samplesOf,
  setupDelegate,
  verifiedDelegateLogin,
  until,
} from '../test/support/login.js';
import { failingWith, latestCode } from './registration.story-helpers.js';

const SENTENCE = 'Helping families find the right health plan today.';
const noStorage = new StorageDeviceStore(null);

interface Loaded {
  adapter: MemoryAdapter;
  pending: PendingLogin;
  clock: ManualClock;
}

/** A delegate whose pattern is enrolled and who verified once: all three options. */
async function returning(): Promise<Loaded> {
  const { adapter, clock } = await setupDelegate(SENTENCE);
  const pending = await verifiedDelegateLogin(adapter);
  clock.advance(31_000); // past the 30-second send interval of the first login's code
  return { adapter, pending, clock };
}

const meta: Meta = {
  title: 'Elements/Verify Account',
  component: 'pep-verify-account',
  tags: ['autodocs'],
  loaders: [returning],
  render: (_args, { loaded }) =>
    html`<pep-verify-account
      .adapter=${(loaded as Loaded).adapter}
      .pending=${(loaded as Loaded).pending}
      .deviceStore=${noStorage}
    ></pep-verify-account>`,
};
export default meta;
type Story = StoryObj;

const verify = (canvas: HTMLElement) =>
  canvas.querySelector<PepVerifyAccount>('pep-verify-account')!;
const $ = <T extends Element>(el: PepVerifyAccount, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;

const withAdapter = (loaded: Loaded, adapter: unknown) =>
  html`<pep-verify-account
    .adapter=${adapter}
    .pending=${loaded.pending}
    .deviceStore=${noStorage}
  ></pep-verify-account>`;

function enterCode(el: PepVerifyAccount, code: string): void {
  const input = $<HTMLInputElement>(el, '#code');
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
}

async function sendCode(el: PepVerifyAccount, method: 'email' | 'sms' = 'email'): Promise<void> {
  await el.updateComplete;
  $<HTMLInputElement>(el, `#method-${method}`).click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
  await until(() => !!el.shadowRoot!.querySelector('#code'));
}

/** The three ways, in the spec's words. */
export const ChooseMethod: Story = {};

/** Right after enrolling the pattern: only email and SMS (the pattern says why). */
export const AfterEnrollment: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const { adapter, clock } = await setupDelegate(SENTENCE);
      return { adapter, pending: await pendingLogin(adapter), clock };
    },
  ],
};

/** After 3 failed pattern attempts the pattern is turned off until a code verification. */
export const PatternLocked: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const { adapter, clock } = await setupDelegate(SENTENCE);
      const pending = await verifiedDelegateLogin(adapter);
      for (let i = 0; i < 3; i++) {
        await adapter
          .verifyTypingPattern({
            pendingId: pending.pendingId,
            samples: samplesOf(SENTENCE, TYPIST_B),
            rememberDevice: false,
          })
          .catch(() => undefined);
      }
      await adapter.logout();
      return { adapter, pending: await pendingLogin(adapter, false), clock };
    },
  ],
};

/** Email code sent: code entry, resend it, Remember this device, Submit. */
export const EmailCode: Story = {
  play: async ({ canvasElement }) => sendCode(verify(canvasElement)),
};

/** SMS code sent. */
export const SmsCode: Story = {
  play: async ({ canvasElement }) => sendCode(verify(canvasElement), 'sms'),
};

/** A wrong code: attempts left. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await sendCode(el);
    const input = $<HTMLInputElement>(el, '#code');
    input.value = 'ZZZZZZZZ';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await until(() => !!$<HTMLElement>(el, '[role="alert"]').textContent!.trim());
  },
};

/** After the 30-second wait, "resend it" sends a new code: the status says so. */
export const CodeResent: Story = {
  render: (_args, { loaded }) =>
    html`<pep-verify-account
      .adapter=${(loaded as Loaded).adapter}
      .pending=${(loaded as Loaded).pending}
      .deviceStore=${noStorage}
      .now=${() => (loaded as Loaded).clock.now()}
    ></pep-verify-account>`,
  play: async ({ canvasElement, loaded }) => {
    const el = verify(canvasElement);
    await sendCode(el);
    (loaded as Loaded).clock.advance(31_000);
    const link = () => $<HTMLButtonElement>(el, '.resend [part~="link"]');
    await until(() => link().getAttribute('aria-disabled') === 'false');
    link().click();
    await until(() => !!$<HTMLElement>(el, 'p.status').textContent!.trim());
  },
};

/** The tooltip of "Remember this device for 30 days" (shown on hover, focus or click). */
export const RememberTooltip: Story = {
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await sendCode(el);
    // A click (or tap) keeps it open: not focus, which closes it again when the page loses focus
    // (another window, a parallel test page), nor hover, which a moving pointer ends.
    $<HTMLButtonElement>(el, '[part~="tooltip-button"]').click();
  },
};

/** Next on the keyboard pattern: the typing step inside. */
export const KeyboardPattern: Story = {
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await el.updateComplete;
    $<HTMLInputElement>(el, '#method-pattern').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
  },
};

/** The right code: the account is verified (`pep-authenticated` fires). */
export const Verified: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = verify(canvasElement);
    await sendCode(el);
    enterCode(el, latestCode((loaded as Loaded).adapter, 'email'));
    await until(() => !el.shadowRoot!.querySelector('form'));
  },
};

/** Sending the code failed (network): a retryable error on the method step. */
export const SendNetworkError: Story = {
  render: (_args, { loaded }) =>
    withAdapter(
      loaded as Loaded,
      failingWith((loaded as Loaded).adapter, { sendVerificationCode: 'NETWORK' }),
    ),
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await el.updateComplete;
    $<HTMLInputElement>(el, '#method-email').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part~="retry-button"]'));
  },
};

/** The code has expired (or was replaced): ask for a new one. */
export const CodeExpired: Story = {
  render: (_args, { loaded }) =>
    withAdapter(
      loaded as Loaded,
      failingWith((loaded as Loaded).adapter, { verifyAccountCode: 'CODE_EXPIRED' }),
    ),
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await sendCode(el);
    enterCode(el, 'ABCDEFGH');
    await until(() => !!$<HTMLElement>(el, '[role="alert"]').textContent!.trim());
  },
};

/** The pending login expired: log in again (`pep-verification-expired` fires). */
export const LoginExpired: Story = {
  render: (_args, { loaded }) =>
    withAdapter(
      loaded as Loaded,
      failingWith((loaded as Loaded).adapter, { sendVerificationCode: 'FLOW_EXPIRED' }),
    ),
  play: async ({ canvasElement }) => {
    const el = verify(canvasElement);
    await el.updateComplete;
    $<HTMLInputElement>(el, '#method-email').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await until(() => !el.shadowRoot!.querySelector('form'));
  },
};
