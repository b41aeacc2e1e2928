import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { adapterError } from '../src/adapter/errors.js';
import '../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../src/elements/forgot-username/pep-forgot-username.js';
import {
  click,
  failingWith,
  inShadow,
  JANE,
  storyWorld,
  type,
  until,
} from './registration.story-helpers.js';

const meta: Meta = {
  title: 'Elements/Forgot Username',
  component: 'pep-forgot-username',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE], confirm: true }) })],
  render: (_args, { loaded }) =>
    html`<pep-forgot-username
      login-href="#login"
      .adapter=${loaded['world'].adapter}
    ></pep-forgot-username>`,
};
export default meta;
type Story = StoryObj;

const widget = (canvas: HTMLElement) =>
  canvas.querySelector<PepForgotUsername>('pep-forgot-username')!;

async function send(el: PepForgotUsername, email: string): Promise<void> {
  await el.updateComplete;
  type(el, '#email', email);
  await el.updateComplete;
  click(el, '[part~=submit-button]');
  await until(() => el.step === 'sent' || inShadow(el, '[role=alert]').textContent!.trim() !== '');
}

/** Step 1: the email address. */
export const Email: Story = {};

/** Send Email with an address that is not valid: the field error, focus on the field. */
export const InvalidEmail: Story = {
  play: async ({ canvasElement }) => {
    const el = widget(canvasElement);
    await el.updateComplete;
    type(el, '#email', 'jane.doe@');
    click(el, '[part~=submit-button]');
  },
};

/** Step 2: the confirmation, with Resend Email counting down (same words for any address). */
export const Sent: Story = {
  play: async ({ canvasElement }) => send(widget(canvasElement), JANE.email),
};

/** An address with no account: exactly the same confirmation, and nothing is sent. */
export const SentUnknownAddress: Story = {
  play: async ({ canvasElement }) => send(widget(canvasElement), 'nobody@example.com'),
};

/** The throttle has passed: Resend Email can be used ("You can resend the email now"). */
export const ResendAvailable: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-username
      login-href="#login"
      .adapter=${loaded['world'].adapter}
      .now=${() => Date.now() + 60_000}
    ></pep-forgot-username>`,
  play: async ({ canvasElement }) => send(widget(canvasElement), JANE.email),
};

/** Too many requests for this address: the error says when it can be tried again. */
export const RateLimited: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-username
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, {
        forgotUsername: adapterError('RATE_LIMITED', { retryAfter: Date.now() + 5 * 60_000 }),
      })}
    ></pep-forgot-username>`,
  play: async ({ canvasElement }) => send(widget(canvasElement), JANE.email),
};

/** The network failed: a retryable error; the typed address is kept. */
export const NetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-forgot-username
      login-href="#login"
      .adapter=${failingWith(loaded['world'].adapter, { forgotUsername: 'NETWORK' })}
    ></pep-forgot-username>`,
  play: async ({ canvasElement }) => send(widget(canvasElement), JANE.email),
};
