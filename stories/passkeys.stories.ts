import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/passkeys/pep-passkeys.js';
import type { PepPasskeys } from '../src/elements/passkeys/pep-passkeys.js';
import { passkeyWorld } from './passkeys.story-helpers.js';
import { click, failingWith, type, until } from './registration.story-helpers.js';

const meta: Meta = {
  title: 'Elements/Passkeys',
  component: 'pep-passkeys',
  tags: ['autodocs'],
  loaders: [
    async () => ({
      world: await passkeyWorld([{ name: 'Work laptop', used: true }, { name: 'Phone' }]),
    }),
  ],
  render: (_args, { loaded }) =>
    html`<pep-passkeys .adapter=${loaded['world'].adapter}></pep-passkeys>`,
};
export default meta;
type Story = StoryObj;

const el = (canvas: HTMLElement) => canvas.querySelector<PepPasskeys>('pep-passkeys')!;
const ready = async (canvas: HTMLElement) => {
  const e = el(canvas);
  await until(() => e.state.list === 'ready');
  await e.updateComplete;
  return e;
};

/** Two passkeys: one used to sign in, one never used. */
export const List: Story = {};

/** No passkeys yet. */
export const Empty: Story = {
  loaders: [async () => ({ world: await passkeyWorld() })],
};

/** The inline Rename form. */
export const Rename: Story = {
  play: async ({ canvasElement }) => click(await ready(canvasElement), '[part~=rename-button]'),
};

/** A name the check refuses (empty): the error next to the field. */
export const RenameError: Story = {
  play: async ({ canvasElement }) => {
    const e = await ready(canvasElement);
    click(e, '[part~=rename-button]');
    await e.updateComplete;
    type(e, '#passkey-name', '');
    click(e, '[part~=submit-button]');
  },
};

/** Delete asks first. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => click(await ready(canvasElement), '[part~=delete-button]'),
};

/** The list could not be loaded (retryable). */
export const LoadError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-passkeys
      .adapter=${failingWith(loaded['world'].adapter, { listPasskeys: 'UNAVAILABLE' })}
    ></pep-passkeys>`,
};

/** Add a passkey failed on the network (retryable). */
export const AddError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-passkeys
      .adapter=${failingWith(loaded['world'].adapter, { startPasskeyRegistration: 'NETWORK' })}
    ></pep-passkeys>`,
  play: async ({ canvasElement }) => click(await ready(canvasElement), '[part~=add-button]'),
};
