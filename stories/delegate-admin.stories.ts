import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { DEMO_HELP_DESK } from '../src/adapter/memory/seed.js';
import '../src/elements/delegate-admin/pep-delegate-admin.js';
import type { PepDelegateAdmin } from '../src/elements/delegate-admin/pep-delegate-admin.js';
import { click, failingWith, JANE, storyWorld, type, until } from './registration.story-helpers.js';

const BOB = {
  ...JANE,
  username: 'bobsmith1',
  firstName: 'Bob',
  lastName: 'Smith',
  email: 'bob.smith@example.com',
  mobile: '312.555.0177',
  states: ['MT' as const],
};

/** Jane active, Bob locked out (5 wrong passwords), an Internet Help Desk session. */
async function helpDeskWorld(): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld({ delegates: [JANE, BOB], activate: true });
  await adapter.logout();
  for (let i = 0; i < 5; i++)
    await adapter.login({ username: BOB.username, password: 'Wrong-Password-1' }).catch(() => null);
  await adapter.admin.signIn(DEMO_HELP_DESK.username);
  return { adapter };
}

const meta: Meta = {
  title: 'Elements/Delegate Admin (Internet Help Desk)',
  component: 'pep-delegate-admin',
  tags: ['autodocs'],
  loaders: [async () => ({ world: await helpDeskWorld() })],
  render: (_args, { loaded }) =>
    html`<pep-delegate-admin .adapter=${loaded['world'].adapter}></pep-delegate-admin>`,
};
export default meta;
type Story = StoryObj;

const el = (canvas: HTMLElement) => canvas.querySelector<PepDelegateAdmin>('pep-delegate-admin')!;

async function search(e: PepDelegateAdmin, query: string): Promise<void> {
  await until(() => e.state.view === 'search');
  type(e, '#query', query);
  click(e, '[part~=submit-button]');
  await until(() => !e.state.searching && !!e.state.results);
}

async function openBob(e: PepDelegateAdmin): Promise<void> {
  await search(e, 'smith');
  await e.updateComplete;
  click(e, '[part=result]');
  await until(() => !!e.state.delegate);
}

/** The search, before anything is looked for. */
export const Search: Story = {};

/** A search with a result (Bob, locked). */
export const Results: Story = {
  play: async ({ canvasElement }) => search(el(canvasElement), 'smith'),
};

/** Nothing matches. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => search(el(canvasElement), 'nobody-here'),
};

/** The search field's check: at least 2 characters. */
export const QueryTooShort: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.view === 'search');
    type(e, '#query', 'b');
    click(e, '[part~=submit-button]');
  },
};

/** Bob's page: locked until …, Unlock and Deactivate apply; his activity below. */
export const DelegatePage: Story = {
  play: async ({ canvasElement }) => openBob(el(canvasElement)),
};

/** Unlock asked, confirmed without a reason: the error is next to the field. */
export const ReasonRequired: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await openBob(e);
    await e.updateComplete;
    click(e, '[data-action=unlock]');
    await e.updateComplete;
    click(e, '[part~=confirm] [part~=submit-button]');
  },
};

/** Unlocked, with a reason: the notice, and the activity shows it. */
export const Unlocked: Story = {
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await openBob(e);
    await e.updateComplete;
    click(e, '[data-action=unlock]');
    await e.updateComplete;
    type(e, '#reason', 'Caller verified by phone');
    click(e, '[part~=confirm] [part~=submit-button]');
    await until(() => !!e.state.notice);
  },
};

/** Anyone but Internet Help Desk staff: not allowed. */
export const NotAllowed: Story = {
  loaders: [
    async () => {
      const { adapter } = await storyWorld();
      return { world: { adapter } };
    },
  ],
};

/** The search failed (no connection): Try again. */
export const SearchError: Story = {
  render: (_a, { loaded }) =>
    html`<pep-delegate-admin
      .adapter=${failingWith(loaded['world'].adapter, { searchDelegates: 'NETWORK' })}
    ></pep-delegate-admin>`,
  play: async ({ canvasElement }) => {
    const e = el(canvasElement);
    await until(() => e.state.view === 'search');
    type(e, '#query', 'smith');
    click(e, '[part~=submit-button]');
  },
};
