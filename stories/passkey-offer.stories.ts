import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/passkey-offer/pep-passkey-offer.js';
import type { PepPasskeyOffer } from '../src/elements/passkey-offer/pep-passkey-offer.js';
import { passkeyWorld, withSoftPasskeyCreation } from './passkeys.story-helpers.js';
import { click, failingWith, until } from './registration.story-helpers.js';

/** The offer's memory of Not now, per story (never the page's localStorage). */
const storage = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => m.set(k, v),
  };
};

const meta: Meta = {
  title: 'Elements/Passkey Offer',
  component: 'pep-passkey-offer',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await passkeyWorld() })],
  render: (_args, { loaded }) =>
    html`<pep-passkey-offer
      username="pat1234"
      .adapter=${loaded['world'].adapter}
      .storage=${storage()}
    ></pep-passkey-offer>`,
};
export default meta;
type Story = StoryObj;

const el = (canvas: HTMLElement) => canvas.querySelector<PepPasskeyOffer>('pep-passkey-offer')!;

/** After login: "Create a passkey to log in faster", Create a passkey / Not now. */
export const Offer: Story = {};

/** Creating failed on the network: the message; Create a passkey tries again. */
export const NetworkError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-passkey-offer
      .adapter=${failingWith(loaded['world'].adapter, { startPasskeyRegistration: 'NETWORK' })}
      .storage=${storage()}
    ></pep-passkey-offer>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.step === 'offer');
    await e.updateComplete;
    click(e, '[part~=submit-button]');
  },
};

/** The session ended meanwhile: the message, and Continue only. */
export const SignedOut: Story = {
  render: (_a, { loaded }) =>
    html`<pep-passkey-offer
      .adapter=${failingWith(loaded['world'].adapter, {
        startPasskeyRegistration: 'NOT_AUTHENTICATED',
      })}
      .storage=${storage()}
    ></pep-passkey-offer>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.step === 'offer');
    await e.updateComplete;
    click(e, '[part~=submit-button]');
  },
};

/** Create a passkey answered (here by a software authenticator): "Your passkey is ready", Continue. */
export const Created: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.step === 'offer');
    await e.updateComplete;
    await withSoftPasskeyCreation(async () => {
      click(e, '[part~=submit-button]');
      await until(() => e.step === 'created');
    });
  },
};
