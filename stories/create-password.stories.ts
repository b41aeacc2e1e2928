import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { adapterError } from '../src/adapter/errors.js';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import '../src/elements/create-password/pep-create-password.js';
import type { PepCreatePassword } from '../src/elements/create-password/pep-create-password.js';
import {
  click,
  failingWith,
  JANE,
  latestCode,
  storyWorld,
  type,
  until,
} from './registration.story-helpers.js';

const meta: Meta = {
  title: 'Elements/Create Password',
  component: 'pep-create-password',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE], confirm: true }) })],
  render: (_args, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      login-href="#/delegate/login"
      .adapter=${loaded['world'].adapter}
    ></pep-create-password>`,
};
export default meta;
type Story = StoryObj;

const el = (canvas: HTMLElement) => canvas.querySelector<PepCreatePassword>('pep-create-password')!;

async function to(e: PepCreatePassword, adapter: MemoryAdapter, step: string) {
  await e.updateComplete;
  const order = ['find', 'choose', 'code', 'password', 'done'];
  const target = order.indexOf(step);
  if (target >= 1) {
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'choose');
  }
  if (target >= 2) {
    await e.updateComplete;
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'code');
  }
  if (target >= 3) {
    await e.updateComplete;
    type(e, '#code', latestCode(adapter));
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'password');
  }
  await e.updateComplete;
}

const adapterOf = (loaded: Record<string, { adapter: MemoryAdapter }>) => loaded['world']!.adapter;

/** Step 1 of 4: Find Account. */
export const FindAccount: Story = {};

/** Step 1 with an invalid username after Find Account. */
export const FindAccountFieldError: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await e.updateComplete;
    type(e, '#username', 'jane');
    click(e, '[part~=submit-button]');
  },
};

/** Step 1 after a network failure (retryable). */
export const FindAccountNetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), { findAccount: 'NETWORK' })}
    ></pep-create-password>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await e.updateComplete;
    click(e, '[part~=submit-button]');
  },
};

/** Step 2 of 4: choose email or text message (masked). */
export const ChooseChannel: Story = {
  play: async ({ canvasElement, loaded }) => to(el(canvasElement), adapterOf(loaded), 'choose'),
};

/** Step 2 when sending is rate limited. */
export const SendRateLimited: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), {
        sendCode: adapterError('RATE_LIMITED', { retryAfter: Date.now() + 30_000 }),
      })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'choose');
    click(e, '[part~=submit-button]');
  },
};

/** Step 2 when sending fails (network): a retryable error, the choice kept. */
export const SendNetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), { sendCode: 'NETWORK' })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'choose');
    click(e, '[part~=submit-button]');
    await until(() => !!e.shadowRoot!.querySelector('[part~=retry-button]'));
  },
};

/** Step 3 of 4: Enter Verification Code. */
export const EnterCode: Story = {
  play: async ({ canvasElement, loaded }) => to(el(canvasElement), adapterOf(loaded), 'code'),
};

/** Step 3 with a wrong code. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'code');
    type(e, '#code', 'ZZZZZZZZ');
    click(e, '[part~=submit-button]');
  },
};

/** Step 3 with an expired code (resend it). */
export const CodeExpired: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), { verifyCode: 'CODE_EXPIRED' })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await e.updateComplete;
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'choose');
    await e.updateComplete;
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'code');
    await e.updateComplete;
    type(e, '#code', latestCode(adapterOf(loaded)));
    click(e, '[part~=submit-button]');
  },
};

/** Step 3 after too many wrong codes: the code is void, request a new one. */
export const TooManyWrongCodes: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), { verifyCode: 'CODE_ATTEMPTS_EXCEEDED' })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'code');
    type(e, '#code', 'ZZZZZZZZ');
    click(e, '[part~=submit-button]');
  },
};

/** Step 3: "resend it" too soon: disabled, with its countdown. */
export const ResendRateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'code');
    click(e, '[part=link]');
  },
};

/** Step 4 of 4: Create New Password with the checklist. */
export const CreateNewPassword: Story = {
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'password');
    type(e, '[name="password"]', 'sunny-day');
  },
};

/** Step 4: the confirmation differs from the password (shown on submit). */
export const PasswordsDoNotMatch: Story = {
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'password');
    type(e, '[name="password"]', 'Sunny-Day-42x');
    type(e, '[name="confirm"]', 'Sunny-Day-42y');
    click(e, '[part~=submit-button]');
  },
};

/** Step 4: the password is one of the last 10. */
export const PasswordReused: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), {
        setPassword: adapterError('PASSWORD_REUSED', { historySize: 10 }),
      })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'password');
    type(e, '[name="password"]', 'Sunny-Day-42x');
    type(e, '[name="confirm"]', 'Sunny-Day-42x');
    click(e, '[part~=submit-button]');
  },
};

/** Step 4 for Forgot Password (`purpose="reset"`): Update Password. */
export const ResetPurpose: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      purpose="reset"
      username="janedoe01"
      .adapter=${adapterOf(loaded)}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => to(el(canvasElement), adapterOf(loaded), 'password'),
};

/** The flow expired: back at Find Account with the message. */
export const FlowExpired: Story = {
  render: (_a, { loaded }) =>
    html`<pep-create-password
      username="janedoe01"
      .adapter=${failingWith(adapterOf(loaded), { sendCode: 'FLOW_EXPIRED' })}
    ></pep-create-password>`,
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'choose');
    click(e, '[part~=submit-button]');
  },
};

/** The password was created: the way to Log In. */
export const Done: Story = {
  play: async ({ canvasElement, loaded }) => {
    const e = el(canvasElement);
    await to(e, adapterOf(loaded), 'password');
    type(e, '[name="password"]', 'Sunny-Day-42x');
    type(e, '[name="confirm"]', 'Sunny-Day-42x');
    click(e, '[part~=submit-button]');
    await until(() => e.step === 'done');
  },
};
