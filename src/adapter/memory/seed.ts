/**
 * Demo data for the reference adapter: the signed-in demo producer of the demo portal, Storybook
 * and the end-to-end tests, and the demo Internet Help Desk user (the reference server seeds the
 * same two in its DEMO mode only).
 */
import type { StateCode } from '../types.js';
import type { MemoryAdapter, ProducerInput, StaffInput } from './memory-adapter.js';

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
