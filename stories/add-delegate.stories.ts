import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { adapterError } from '../src/adapter/errors.js';
import '../src/elements/add-delegate/pep-add-delegate.js';
import type { PepAddDelegate } from '../src/elements/add-delegate/pep-add-delegate.js';
import {
  click,
  failingOnce,
  failingWith,
  inShadow,
  JANE,
  storyWorld,
  type,
  until,
} from './registration.story-helpers.js';

const meta: Meta = {
  title: 'Elements/Add Delegate',
  component: 'pep-add-delegate',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await storyWorld({ delegates: [] }) })],
  render: (_args, { loaded }) =>
    html`<pep-add-delegate .adapter=${loaded['world'].adapter}></pep-add-delegate>`,
};
export default meta;
type Story = StoryObj;

const form = (canvas: HTMLElement) => canvas.querySelector<PepAddDelegate>('pep-add-delegate')!;

async function fill(el: PepAddDelegate, username = JANE.username) {
  await el.updateComplete;
  type(el, '#username', username);
  type(el, '#email', JANE.email);
  type(el, '#firstName', JANE.firstName);
  type(el, '#lastName', JANE.lastName);
  type(el, '#mobile', JANE.mobile);
  click(el, '#state-IL');
  await el.updateComplete;
}

/** The empty form (all five states). */
export const Form: Story = {};

/** Only the states the producer may assign (`allowed-states="IL TX"`). */
export const LimitedStates: Story = {
  render: (_a, { loaded }) =>
    html`<pep-add-delegate
      allowed-states="IL TX"
      .adapter=${loaded['world'].adapter}
    ></pep-add-delegate>`,
};

/** Create Delegate with nothing typed: every field error, focus on Username. */
export const FieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    click(el, '[part~=submit-button]');
  },
};

/** The username belongs to a producer (here the demo producer's own). */
export const UsernameTaken: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el, 'demoproducer');
    click(el, '[part~=submit-button]');
    await until(() => inShadow(el, '#username-error').textContent !== '');
  },
};

/** The adapter rejected fields (VALIDATION mapped under each field). */
export const AdapterValidation: Story = {
  render: (_a, { loaded }) =>
    html`<pep-add-delegate
      .adapter=${failingWith(loaded['world'].adapter, {
        addDelegate: adapterError('VALIDATION', {
          fields: { email: 'invalid-email', states: 'not-allowed' },
        }),
      })}
    ></pep-add-delegate>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
  },
};

/** A network failure: the input is kept and "Try again" is offered. */
export const NetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-add-delegate
      .adapter=${failingWith(loaded['world'].adapter, { addDelegate: 'NETWORK' })}
    ></pep-add-delegate>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
  },
};

/** "Try again" after a network failure sends the same input once more: the delegate is added. */
export const RetryAfterNetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-add-delegate
      .adapter=${failingOnce(loaded['world'].adapter, 'addDelegate')}
    ></pep-add-delegate>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
    await until(() => !!el.shadowRoot!.querySelector('[part~=retry-button]'));
    click(el, '[part~=retry-button]');
    await until(() => el.step === 'done');
  },
};

/** The producer's session ended meanwhile: log in again (input kept). */
export const SessionExpired: Story = {
  render: (_a, { loaded }) =>
    html`<pep-add-delegate
      .adapter=${failingWith(loaded['world'].adapter, { addDelegate: 'NOT_AUTHENTICATED' })}
    ></pep-add-delegate>`,
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
  },
};

/** "Delegate was added" with Finish. */
export const DelegateAdded: Story = {
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el);
    click(el, '[part~=submit-button]');
    await until(() => el.step === 'done');
  },
};
