import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import '../src/elements/auth-provider/pep-auth-provider.js';
import '../src/elements/login/pep-login.js';
import type { PepLogin } from '../src/elements/login/pep-login.js';
import '../src/elements/forgot-username/pep-forgot-username.js';
import { StorageDeviceStore } from '../src/shared/device-store.js';
import { DELEGATE, setupDelegate, until } from '../test/support/login.js';
import { click, type } from './registration.story-helpers.js';

/** A device store that keeps nothing between stories. */
const noStorage = new StorageDeviceStore(null);
const HELP_DESK = '1-800-555-0142';

interface Loaded {
  adapter: MemoryAdapter;
}

// `<pep-auth-provider>` draws nothing of its own: it hands one adapter (and the host
// configuration, such as the help desk phone) to every widget inside it, through context. No
// widget in these stories has its `adapter` property set. (A line comment, not JSDoc: the docs
// page's description is the element's own, from custom-elements.json.)
const meta: Meta = {
  title: 'Elements/Auth Provider',
  component: 'pep-auth-provider',
  tags: ['autodocs'],
  loaders: [
    async (): Promise<Loaded> => {
      const { adapter } = await setupDelegate('Helping families find the right health plan today.');
      return { adapter };
    },
  ],
  render: (_args, { loaded }) =>
    html`<pep-auth-provider .adapter=${(loaded as Loaded).adapter} help-desk-phone=${HELP_DESK}>
      <pep-login .deviceStore=${noStorage}></pep-login>
    </pep-auth-provider>`,
};
export default meta;
type Story = StoryObj;

const login = (canvas: HTMLElement) => canvas.querySelector<PepLogin>('pep-login')!;

async function logIn(el: PepLogin, password: string): Promise<void> {
  await el.updateComplete;
  type(el, '[name="username"]', DELEGATE.username);
  type(el, '[name="password"]', password);
  click(el, '[part~="submit-button"]');
  await el.updateComplete;
  await until(
    () => !el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.disabled,
  );
}

/** One widget inside the provider: `<pep-login>` logs in with the provider's adapter. */
export const ProvidesAdapter: Story = {
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    await logIn(el, DELEGATE.password);
    await until(() => el.step === 'enroll');
  },
};

/** The provider's `help-desk-phone` reaches the widgets: the lockout message gives it. */
export const HelpDeskPhone: Story = {
  play: async ({ canvasElement }) => {
    const el = login(canvasElement);
    for (let i = 1; i <= 5; i++) await logIn(el, `Wrong-Password-${i}`);
    await until(() =>
      el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.includes(HELP_DESK),
    );
  },
};

/** Several widgets share one provider (and so one session and one configuration). */
export const SeveralWidgets: Story = {
  render: (_args, { loaded }) =>
    html`<pep-auth-provider .adapter=${(loaded as Loaded).adapter} help-desk-phone=${HELP_DESK}>
      <pep-login .deviceStore=${noStorage}></pep-login>
      <pep-forgot-username login-href="#login"></pep-forgot-username>
    </pep-auth-provider>`,
};
