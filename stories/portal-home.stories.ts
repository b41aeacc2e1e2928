import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import '../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../src/elements/portal-home/pep-portal-home.js';
import { demoPortalConfig } from '../demo/portal-config.js';
import { ManualClock, MINUTE } from '../src/core/clock.js';
import { ManualTimers } from './manual-timers.js';
import {
  click,
  failingWith,
  JANE,
  latestCode,
  storyWorld,
  until,
} from './registration.story-helpers.js';

/** Jane, a registered delegate of the demo producer, signed in. */
async function delegateWorld(): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld({ delegates: [JANE], confirm: true });
  await adapter.logout();
  const flow = await adapter.findAccount({ username: JANE.username, purpose: 'create' });
  await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
  await adapter.verifyCode({ flowId: flow.flowId, code: latestCode(adapter) });
  await adapter.setPassword({ flowId: flow.flowId, password: 'Blue-Ocean-Wave7' });
  await adapter.admin.signIn(JANE.username);
  return { adapter };
}

const meta: Meta = {
  title: 'Elements/Portal Home',
  component: 'pep-portal-home',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await delegateWorld() })],
  render: (_args, { loaded }) =>
    html`<pep-portal-home
      login-href="#login"
      .portalConfig=${demoPortalConfig}
      .adapter=${loaded['world'].adapter}
    ></pep-portal-home>`,
};
export default meta;
type Story = StoryObj;

const page = (canvas: HTMLElement) => canvas.querySelector<PepPortalHome>('pep-portal-home')!;

async function ready(el: PepPortalHome): Promise<void> {
  await until(() => el.view !== null);
  await el.updateComplete;
}

/** The delegate's landing page: SSOs explained as not available, quoting offered. */
export const Home: Story = {};

/** The user menu open (My Information, Log Out). */
export const UserMenuOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    click(el, '[part~=menu-button]');
  },
};

/** My Information: the session's profile. */
export const MyInformation: Story = {
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    el.show('information');
  },
};

/** My Hierarchy: the producer who added the delegate, and the assigned states. */
export const MyHierarchy: Story = {
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    el.show('hierarchy');
  },
};

/** Quote & Enroll: Create a Quote, and the two SSOs explained. */
export const QuoteAndEnroll: Story = {
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    el.show('quote');
  },
};

/** A producer's session: every capability, so every link is offered. */
export const ProducerSession: Story = {
  loaders: [async () => ({ world: await storyWorld() })],
};

/** Log Out succeeded (the host usually navigates away on `pep-logged-out`). */
export const LoggedOut: Story = {
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    click(el, '[part~=menu-button]');
    await el.updateComplete;
    click(el, '[data-action=logout]');
    await until(() => el.view === null);
  },
};

/** Log Out failed on the network: a retryable error, the page stays. */
export const LogoutFailed: Story = {
  render: (_a, { loaded }) =>
    html`<pep-portal-home
      login-href="#login"
      .portalConfig=${demoPortalConfig}
      .adapter=${failingWith(loaded['world'].adapter, { logout: 'NETWORK' })}
    ></pep-portal-home>`,
  play: async ({ canvasElement }) => {
    const el = page(canvasElement);
    await ready(el);
    click(el, '[part~=menu-button]');
    await el.updateComplete;
    click(el, '[data-action=logout]');
  },
};

/** No session: the sign-in prompt (and `pep-session-missing` for the host). */
export const NoSession: Story = {
  loaders: [
    async () => {
      const { adapter } = await storyWorld();
      await adapter.logout();
      return { world: { adapter } };
    },
  ],
};

/** The session could not be read: a retryable error. */
export const SessionUnavailable: Story = {
  render: (_a, { loaded }) =>
    html`<pep-portal-home
      .portalConfig=${demoPortalConfig}
      .adapter=${failingWith(loaded['world'].adapter, { getSession: 'UNAVAILABLE' })}
    ></pep-portal-home>`,
};

/**
 * The element on a manual clock (starting now, as the adapter's session does) and manual timers,
 * moved on by `minutes` once the page is there: the idle timeout without waiting.
 */
function idleStory(minutes: number): Story {
  return {
    loaders: [async () => ({ timers: new ManualTimers(new ManualClock(Date.now())) })],
    render: (_a, { loaded }) => {
      const timers = loaded['timers'] as ManualTimers;
      return html`<pep-portal-home
        login-href="#login"
        .portalConfig=${demoPortalConfig}
        .adapter=${loaded['world'].adapter}
        .now=${() => timers.clock.now()}
        .timers=${timers}
      ></pep-portal-home>`;
    },
    play: async ({ canvasElement, loaded }) => {
      const el = page(canvasElement);
      await ready(el);
      (loaded['timers'] as ManualTimers).advance(minutes * MINUTE);
    },
  };
}

/** 28 minutes without activity: "You will be logged out soon", Stay logged in / Log Out. */
export const IdleWarning: Story = idleStory(28);

/** 30 minutes without activity: signed out, and told why. */
export const SignedOutForInactivity: Story = idleStory(30);
