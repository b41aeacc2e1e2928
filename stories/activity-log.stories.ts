import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { DEMO_HELP_DESK } from '../src/adapter/memory/seed.js';
import '../src/elements/activity-log/pep-activity-log.js';
import { failingWith, JANE, storyWorld } from './registration.story-helpers.js';

/** Jane (active) locked herself out, the Help Desk unlocked her; she is signed in. */
async function janeWorld(): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld({ delegates: [JANE], activate: true });
  await adapter.logout();
  for (let i = 0; i < 5; i++)
    await adapter
      .login({ username: JANE.username, password: 'Wrong-Password-1' })
      .catch(() => null);
  // The unlock comes strictly after the lockout (the log is newest first, by time).
  await new Promise((later) => setTimeout(later, 5));
  await adapter.admin.signIn(DEMO_HELP_DESK.username);
  const [jane] = await adapter.searchDelegates({ query: JANE.username });
  await adapter.helpDeskAction({
    delegateId: jane!.id,
    action: 'unlock',
    reason: 'Caller verified by phone',
  });
  await adapter.admin.signIn(JANE.username);
  return { adapter };
}

const meta: Meta = {
  title: 'Elements/Activity Log',
  component: 'pep-activity-log',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await janeWorld() })],
  render: (_args, { loaded }) =>
    html`<pep-activity-log page-size="5" .adapter=${loaded['world'].adapter}></pep-activity-log>`,
};
export default meta;
type Story = StoryObj;

/** The signed-in delegate's Recent activity (as on My Information), 5 at a time. */
export const RecentActivity: Story = {};

/** Nothing recorded yet for this account. */
export const Empty: Story = {
  loaders: [
    async () => {
      const { adapter } = await storyWorld();
      await adapter.admin.signIn(DEMO_HELP_DESK.username);
      return { world: { adapter } };
    },
  ],
};

/** The log could not be loaded (no connection): Try again. */
export const LoadError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-activity-log
      .adapter=${failingWith(loaded['world'].adapter, { listMyActivity: 'NETWORK' })}
    ></pep-activity-log>`,
};
