/**
 * Demo data for the reference adapter: the signed-in demo producer of the demo portal, Storybook
 * and the end-to-end tests, and the demo Internet Help Desk user (the reference server seeds the
 * same two in its DEMO mode only).
 */
import type { DelegateInput, StateCode } from '../types.js';
import type { MemoryAdapter, ProducerInput, StaffInput } from './memory-adapter.js';
import { typingSamplesFor } from './typist.js';

export const DEMO_PRODUCER = {
  username: 'demoproducer',
  password: 'Demo-Producer-2026!',
  firstName: 'Pat',
  lastName: 'Morgan',
  email: 'pat.morgan@agency.example',
  mobile: '(312) 555-0100',
  states: ['IL', 'MT', 'NM', 'OK', 'TX'] as StateCode[],
  producerId: 'P-100200',
} as const satisfies ProducerInput;

/**
 * The demo help-desk user: signs in like anyone, then may unlock accounts and reset typing
 * patterns. Demo data only: a production database gets a help-desk user only from an admin
 * (`npm run admin -- create-help-desk-user`).
 */
export const DEMO_HELP_DESK = {
  username: 'helpdesk1',
  password: 'Help-Desk-Demo-2026!',
  firstName: 'Casey',
  lastName: 'Rivera',
  email: 'casey.rivera@helpdesk.example',
  mobile: '(312) 555-0199',
} as const satisfies StaffInput;

/**
 * Create the demo producer `demoproducer` (password `Demo-Producer-2026!`, licensed in IL, MT,
 * NM, OK and TX, producer id `P-100200`) and the demo help-desk user `helpdesk1` (password
 * `Help-Desk-Demo-2026!`), each unless it already exists (e.g. restored from storage).
 */
export async function seedDemo(adapter: MemoryAdapter): Promise<void> {
  if (!adapter.admin.hasAccount(DEMO_PRODUCER.username)) {
    await adapter.admin.createProducer({ ...DEMO_PRODUCER, states: [...DEMO_PRODUCER.states] });
  }
  if (!adapter.admin.hasAccount(DEMO_HELP_DESK.username)) {
    await adapter.admin.createHelpDeskUser({ ...DEMO_HELP_DESK });
  }
}

/**
 * The producer of the demo delegates below: a second demo producer, so that `demoproducer`'s
 * My Delegates list starts empty as before (sign in as this one to see producer controls on
 * existing delegates).
 */
export const DEMO_SECOND_PRODUCER = {
  username: 'demoproducer2',
  password: 'Demo-Producer-2026!',
  firstName: 'Sam',
  lastName: 'Ortiz',
  email: 'sam.ortiz@agency.example',
  mobile: '(312) 555-0101',
  states: ['IL', 'TX'] as StateCode[],
  producerId: 'P-100300',
} as const satisfies ProducerInput;

/**
 * The demo delegates of the Help Desk console (issue 22): `lockeddelegate` (password
 * `Blue-Harbor-2026!`), active with an enrolled typing pattern and locked (as by 5 wrong
 * passwords, for 30 minutes from seeding), so its activity shows the lock; and `activedelegate`
 * (password `Green-Meadow-2026!`), active. Both belong to {@link DEMO_SECOND_PRODUCER}.
 */
export const DEMO_DELEGATES = [
  {
    username: 'lockeddelegate',
    password: 'Blue-Harbor-2026!',
    firstName: 'Lee',
    lastName: 'Locke',
    email: 'lee.locke@agency.example',
    mobile: '(312) 555-0161',
    states: ['IL', 'TX'],
  },
  {
    username: 'activedelegate',
    password: 'Green-Meadow-2026!',
    firstName: 'Ada',
    lastName: 'Active',
    email: 'ada.active@agency.example',
    mobile: '(312) 555-0162',
    states: ['TX'],
  },
] as const satisfies readonly (DelegateInput & { password: string })[];

/**
 * Seed {@link seedDemo}'s accounts plus {@link DEMO_DELEGATES}: the first one locked when it is
 * created, unless they exist. Separate from `seedDemo` so that pages and
 * tests that expect an empty My Delegates list keep it; the Help Desk console demo calls this.
 */
export async function seedDemoDelegates(adapter: MemoryAdapter): Promise<void> {
  await seedDemo(adapter);
  if (!adapter.admin.hasAccount(DEMO_SECOND_PRODUCER.username)) {
    await adapter.admin.createProducer({
      ...DEMO_SECOND_PRODUCER,
      states: [...DEMO_SECOND_PRODUCER.states],
    });
  }
  const [locked] = DEMO_DELEGATES;
  for (const d of DEMO_DELEGATES) {
    if (adapter.admin.hasAccount(d.username)) continue;
    await adapter.admin.createDelegate({
      ...d,
      states: [...d.states],
      producer: DEMO_SECOND_PRODUCER.username,
      typingSamples: typingSamplesFor(adapter.sampleText).enroll,
    });
    if (d === locked) await adapter.admin.lockAccount(d.username);
  }
}
