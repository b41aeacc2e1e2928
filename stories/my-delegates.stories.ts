import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/my-delegates/pep-my-delegates.js';
import type { PepMyDelegates } from '../src/elements/my-delegates/pep-my-delegates.js';
import { click, failingWith, JANE, storyWorld, until } from './registration.story-helpers.js';

const BOB = {
  ...JANE,
  username: 'bobsmith1',
  firstName: 'Bob',
  lastName: 'Smith',
  email: 'bob.smith@example.com',
  mobile: '312.555.0177',
  states: ['MT' as const],
};

const meta: Meta = {
  title: 'Elements/My Delegates',
  component: 'pep-my-delegates',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE, BOB] }) })],
  render: (_args, { loaded }) =>
    html`<pep-my-delegates .adapter=${loaded['world'].adapter}></pep-my-delegates>`,
};
export default meta;
type Story = StoryObj;

const el = (canvas: HTMLElement) => canvas.querySelector<PepMyDelegates>('pep-my-delegates')!;

/** Two invited delegates. */
export const List: Story = {};

/** No delegates yet. */
export const Empty: Story = {
  loaders: [async () => ({ world: await storyWorld() })],
};

/** Active delegates (they created their passwords). */
export const Active: Story = {
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE, BOB], activate: true }) })],
};

/** Jane is active, Bob locked himself out (5 wrong passwords), a third is invited. */
export const MixedStatuses: Story = {
  loaders: [
    async () => {
      const world = await storyWorld({ delegates: [JANE, BOB], activate: true });
      for (let i = 0; i < 5; i++) {
        await world.adapter
          .login({ username: BOB.username, password: 'Wrong-Password-1' })
          .catch(() => undefined);
      }
      await world.adapter.addDelegate({
        ...JANE,
        username: 'carolann7',
        firstName: 'Carol',
        lastName: 'Ann',
        email: 'carol.ann@example.com',
      });
      return { world };
    },
  ],
};

/** Add Delegate open in the modal dialog, limited to the producer's states. */
export const AddDelegateDialog: Story = {
  // On the docs page, in a frame of its own: the modal dialog would cover the whole page.
  parameters: { docs: { story: { inline: false, height: '760px' } } },
  render: (_a, { loaded }) =>
    html`<pep-my-delegates
      allowed-states="IL TX"
      .adapter=${loaded['world'].adapter}
    ></pep-my-delegates>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.list === 'ready');
    click(e, '[part~=add-button]');
  },
};

/** Resend invitation succeeded. */
export const InvitationResent: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.list === 'ready');
    await e.updateComplete;
    click(e, '[part=resend-button]');
  },
};

/** The list could not be loaded (retryable). */
export const LoadError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-my-delegates
      .adapter=${failingWith(loaded['world'].adapter, { listDelegates: 'UNAVAILABLE' })}
    ></pep-my-delegates>`,
};

/** Resend invitation failed on the network (retryable). */
export const ResendError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-my-delegates
      .adapter=${failingWith(loaded['world'].adapter, { resendInvitation: 'NETWORK' })}
    ></pep-my-delegates>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.list === 'ready');
    await e.updateComplete;
    click(e, '[part=resend-button]');
  },
};

/** The producer is not signed in (NOT_AUTHENTICATED). */
export const NotSignedIn: Story = {
  render: (_a, { loaded }) =>
    html`<pep-my-delegates
      .adapter=${failingWith(loaded['world'].adapter, { listDelegates: 'NOT_AUTHENTICATED' })}
    ></pep-my-delegates>`,
};

/** Deactivate asked: the confirmation under the delegate (Escape or Cancel closes it). */
export const ConfirmDeactivate: Story = {
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE, BOB], activate: true }) })],
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.list === 'ready');
    await e.updateComplete;
    click(e, '[data-control=deactivate]');
  },
};

/** Jane was deactivated by her producer: Reactivate is offered. */
export const Deactivated: Story = {
  loaders: [async () => ({ world: await storyWorld({ delegates: [JANE, BOB], activate: true }) })],
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.list === 'ready');
    await e.updateComplete;
    click(e, '[data-control=deactivate]');
    await e.updateComplete;
    click(e, '[part=confirm-button]');
  },
};
