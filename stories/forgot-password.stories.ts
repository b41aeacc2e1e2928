import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { adapterError } from '../src/adapter/errors.js';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import '../src/elements/forgot-password/pep-forgot-password.js';
import type { PepForgotPassword } from '../src/elements/forgot-password/pep-forgot-password.js';
import {
  click,
  failingWith,
  inShadow,
  JANE,
  latestCode,
  storyWorld,
  type,
  until,
} from './registration.story-helpers.js';

const OLD_PASSWORD = 'Blue-Ocean-Wave7';
const NEW_PASSWORD = 'Quiet-River-Stone3';

/** Jane, registered with {@link OLD_PASSWORD} (created by SMS code so a reset email is not throttled). */
async function world(): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld({ delegates: [JANE], confirm: true });
  await adapter.logout();
  const flow = await adapter.findAccount({ username: JANE.username, purpose: 'create' });
  await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
  await adapter.verifyCode({ flowId: flow.flowId, code: latestCode(adapter, 'sms') });
  await adapter.setPassword({ flowId: flow.flowId, password: OLD_PASSWORD });
  return { adapter };
}

const meta: Meta = {
  title: 'Elements/Forgot Password',
  component: 'pep-forgot-password',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await world() })],
  render: (_args, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      forgot-username-href="#forgot-username"
      .adapter=${loaded['world'].adapter}
    ></pep-forgot-password>`,
};
export default meta;
type Story = StoryObj;

const widget = (canvas: HTMLElement) =>
  canvas.querySelector<PepForgotPassword>('pep-forgot-password')!;

const settled = (el: PepForgotPassword) =>
  until(
    () =>
      inShadow(el, '[part~=submit-button]')?.getAttribute('aria-disabled') !== 'true' &&
      !!inShadow(el, '[data-step-heading]'),
  );

async function toChoose(el: PepForgotPassword): Promise<void> {
  await el.updateComplete;
  type(el, '#username', JANE.username);
  await el.updateComplete;
  click(el, '[part~=submit-button]');
  await until(() => el.step !== 'find');
}

async function toCode(el: PepForgotPassword, channel: 'email' | 'sms' = 'email'): Promise<void> {
  await toChoose(el);
  click(el, `input[value=${channel}]`);
  await el.updateComplete;
  click(el, '[part~=submit-button]');
  await until(() => el.step !== 'choose');
}

async function toPassword(el: PepForgotPassword, adapter: MemoryAdapter): Promise<void> {
  await toCode(el);
  type(el, '#code', latestCode(adapter, 'email'));
  await el.updateComplete;
  click(el, '[part~=submit-button]');
  await until(() => el.step !== 'code');
}

async function setPassword(el: PepForgotPassword, password: string): Promise<void> {
  type(el, '[name="password"]', password);
  type(el, '[name="confirm"]', password);
  await el.updateComplete;
  click(el, '[part~=submit-button]');
  await settled(el);
}

/** Step 1 of 4: Username → Find Account. */
export const FindAccount: Story = {};

/** Find Account with a username that is too short: the field error. */
export const InvalidUsername: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await el.updateComplete;
    type(el, '#username', 'jan');
    click(el, '[part~=submit-button]');
  },
};

/** Step 2 of 4: "Send an email" / "Send me a text message". */
export const ChooseMethod: Story = {
  play: async ({ canvasElement }) => toChoose(widget(canvasElement)),
};

/** Step 3 of 4: the code was sent by text message; "resend it" counts down. */
export const EnterCode: Story = {
  play: async ({ canvasElement }) => toCode(widget(canvasElement), 'sms'),
};

/** A wrong code: the error, the code kept, "resend it" by the same method. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await toCode(el);
    type(el, '#code', 'ABCDEFGH');
    await el.updateComplete;
    click(el, '[part~=submit-button]');
    await settled(el);
  },
};

/** The code has expired (past its 10 minutes, or replaced): request a new one. */
export const CodeExpired: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, { verifyCode: 'CODE_EXPIRED' })}
    ></pep-forgot-password>`,
  play: async ({ canvasElement, loaded }) => {
    const el = widget(canvasElement);
    await toCode(el);
    type(el, '#code', latestCode(loaded['world'].adapter, 'email'));
    await el.updateComplete;
    click(el, '[part~=submit-button]');
    await settled(el);
  },
};

/** Too many wrong codes: this code no longer works; request a new one. */
export const TooManyWrongCodes: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, { verifyCode: 'CODE_ATTEMPTS_EXCEEDED' })}
    ></pep-forgot-password>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await toCode(el);
    type(el, '#code', 'ABCDEFGH');
    await el.updateComplete;
    click(el, '[part~=submit-button]');
    await settled(el);
  },
};

/** Sending the code failed because of too many sends. */
export const SendRateLimited: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, {
        sendCode: adapterError('RATE_LIMITED', { retryAfter: Date.now() + 10 * 60_000 }),
      })}
    ></pep-forgot-password>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await toChoose(el);
    click(el, '[part~=submit-button]');
    await settled(el);
  },
};

/** Step 4 of 4: Create New Password with the live policy checklist. */
export const CreateNewPassword: Story = {
  play: async ({ canvasElement, loaded }) =>
    toPassword(widget(canvasElement), loaded['world'].adapter),
};

/** One of the last 10 passwords: refused with a clear message. */
export const PasswordReused: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = widget(canvasElement);
    await toPassword(el, loaded['world'].adapter);
    await setPassword(el, OLD_PASSWORD);
  },
};

/** The password was updated: the confirmation and the way back to login. */
export const Updated: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = widget(canvasElement);
    await toPassword(el, loaded['world'].adapter);
    await setPassword(el, NEW_PASSWORD);
  },
};

/** The flow expired between steps: back to Find Account with the reason. */
export const FlowExpired: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, { sendCode: 'FLOW_EXPIRED' })}
    ></pep-forgot-password>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await toChoose(el);
    click(el, '[part~=submit-button]');
    await until(() => el.step === 'find');
  },
};

/** The network failed on Find Account: a retryable error; the username is kept. */
export const NetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-password
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, { findAccount: 'NETWORK' })}
    ></pep-forgot-password>`,
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await el.updateComplete;
    type(el, '#username', JANE.username);
    click(el, '[part~=submit-button]');
    await settled(el);
  },
};
