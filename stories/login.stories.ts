import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { adapterError } from '../src/adapter/errors.js';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import '../src/elements/login/pep-login.js';
import type { PepLogin } from '../src/elements/login/pep-login.js';
import { StorageDeviceStore } from '../src/shared/device-store.js';
import { DELEGATE, pendingLogin, setupDelegate, until } from '../test/support/login.js';
import { withPlatformAuthenticator } from './passkeys.story-helpers.js';
import { failingWith, latestCode } from './registration.story-helpers.js';

/** A device store that keeps nothing between stories. */
const noStorage = new StorageDeviceStore(null);

interface Loaded {
  adapter: AuthAdapter;
  memory: MemoryAdapter;
}

function withFailingLogin(memory: MemoryAdapter): AuthAdapter {
  return new Proxy(memory, {
    get(target, prop, receiver) {
      if (prop === 'login') return async () => Promise.reject(adapterError('NETWORK'));
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

const meta: Meta = {
  title: 'Elements/Login',
  component: 'pep-login',
  tags: ['autodocs'],
  loaders: [
    async (): Promise<Loaded> => {
      const { adapter } = await setupDelegate('Helping families find the right health plan today.');
      return { adapter, memory: adapter };
    },
  ],
  render: (_args, { loaded }) =>
    html`<pep-login
      forgot-username-href="#/delegate/forgot-username"
      forgot-password-href="#/delegate/forgot-password"
      .adapter=${(loaded as Loaded).adapter}
      .deviceStore=${noStorage}
    ></pep-login>`,
};
export default meta;
type Story = StoryObj;

const login = (canvas: HTMLElement) => canvas.querySelector<PepLogin>('pep-login')!;

async function submit(el: PepLogin, password: string): Promise<void> {
  await el.updateComplete;
  const root = el.shadowRoot!;
  for (const [id, value] of [
    ['username', DELEGATE.username],
    ['password', password],
  ] as const) {
    // The credential form is in the element's light DOM (for password managers).
    const input = el.querySelector<HTMLInputElement>(`[name="${id}"]`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  await el.updateComplete; // now submitting: the button is disabled until the adapter answers
  await until(() => !root.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.disabled);
}

/** Username, Password (show / hide), Log In, and the Forgot links. */
export const Credentials: Story = {};

/** Empty fields after Log In: field errors, focus on Username. */
export const EmptyFields: Story = {
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  },
};

/** Wrong username or password: one generic message. */
export const InvalidCredentials: Story = {
  play: async ({ canvasElement }) => submit(login(canvasElement), 'Wrong-Password-1'),
};

/** After the 5th wrong password: locked, with the unlock time and the ways out. */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    for (let i = 1; i <= 5; i++) await submit(el, `Wrong-Password-${i}`);
    // (`submit` waits for each answer: the 5th is the lockout, in any language.)
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim());
  },
};

/** The backend cannot be reached: a retryable error, typed input kept. */
export const NetworkError: Story = {
  render: (_args, { loaded }) =>
    html`<pep-login
      .adapter=${withFailingLogin((loaded as Loaded).memory)}
      .deviceStore=${noStorage}
    ></pep-login>`,
  play: async ({ canvasElement }) => submit(login(canvasElement), DELEGATE.password),
};

/** First login: the typing pattern is enrolled in place. */
export const FirstLoginEnrollPattern: Story = {
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    await submit(el, DELEGATE.password);
    await until(() => el.step === 'enroll');
  },
};

/** A delegate whose typing pattern is enrolled: logging in asks to verify the account. */
async function enrolled(): Promise<Loaded> {
  const { adapter } = await setupDelegate('Helping families find the right health plan today.');
  // The first login through the adapter (the story starts at the password): the pattern is
  // enrolled, and kept only once that login's code verification succeeded (by text message: the
  // stories send the email code themselves, and a destination takes one send per 30 s).
  const first = await pendingLogin(adapter);
  await adapter.sendVerificationCode({ pendingId: first.pendingId, channel: 'sms' });
  await adapter.verifyAccountCode({
    pendingId: first.pendingId,
    code: latestCode(adapter, 'sms'),
    rememberDevice: false,
  });
  await adapter.logout();
  return { adapter, memory: adapter };
}

/** The nested `<pep-verify-account>` of the verify step. */
const verifyStep = (el: PepLogin) => el.shadowRoot!.querySelector('pep-verify-account')!;

/** In the verify step: choose the email code and Send Code. */
async function sendEmailCode(el: PepLogin): Promise<void> {
  await until(() => !!verifyStep(el)?.shadowRoot?.querySelector('#method-email'));
  const root = verifyStep(el).shadowRoot!;
  root.querySelector<HTMLInputElement>('#method-email')!.click();
  await (verifyStep(el) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

/** Later logins: Verify your account. */
export const VerifyAccount: Story = {
  loaders: [enrolled],
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    await submit(el, DELEGATE.password);
    await until(() => el.step === 'verify');
  },
};

/** Password, then the emailed code entered on the verification step. */
async function verifyByEmail(el: PepLogin, memory: MemoryAdapter): Promise<void> {
  await submit(el, DELEGATE.password);
  await until(() => el.step === 'verify');
  await sendEmailCode(el);
  const root = () => verifyStep(el).shadowRoot!;
  await until(() => !!root().querySelector('#code'));
  const input = root().querySelector<HTMLInputElement>('#code')!;
  input.value = latestCode(memory, 'email');
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (verifyStep(el) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  root().querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

/** The emailed code is entered: logged in. */
export const SignedIn: Story = {
  loaders: [enrolled],
  play: async ({ canvasElement, loaded }) => {
    const el = login(canvasElement);
    await verifyByEmail(el, (loaded as Loaded).memory);
    await until(() => el.step === 'done');
  },
};

/** Passkeys on, on a device with a screen lock: after the verification, the offer to create a
 * passkey (the `offer` step). */
export const PasskeyOffer: Story = {
  loaders: [enrolled],
  render: (_args, { loaded }) =>
    html`<pep-login
      .adapter=${(loaded as Loaded).adapter}
      .config=${{ passkeys: true }}
      .deviceStore=${noStorage}
    ></pep-login>`,
  play: async ({ canvasElement, loaded }) => {
    const el = login(canvasElement);
    await withPlatformAuthenticator(async () => {
      await verifyByEmail(el, (loaded as Loaded).memory);
      await until(() => el.step === 'offer');
    });
  },
};

/** The pending login expired during verification: back to Log In, with the reason. */
export const VerificationExpired: Story = {
  loaders: [enrolled],
  render: (_args, { loaded }) =>
    html`<pep-login
      .adapter=${failingWith((loaded as Loaded).memory, { sendVerificationCode: 'FLOW_EXPIRED' })}
      .deviceStore=${noStorage}
    ></pep-login>`,
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    await submit(el, DELEGATE.password);
    await until(() => el.step === 'verify');
    await sendEmailCode(el);
    await until(() => el.step === 'credentials');
  },
};
