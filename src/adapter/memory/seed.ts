/**
 * Demo data for the reference adapter: the signed-in demo producer of the demo portal, Storybook
 * and the end-to-end tests.
 */
import type { StateCode } from '../types.js';
import type { MemoryAdapter, ProducerInput } from './memory-adapter.js';

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
 * Create the demo producer `demoproducer` (password `Demo-Producer-2026!`, licensed in IL, MT,
 * NM, OK and TX, producer id `P-100200`) unless it already exists (e.g. restored from storage).
 */
export async function seedDemo(adapter: MemoryAdapter): Promise<void> {
  if (adapter.admin.hasAccount(DEMO_PRODUCER.username)) return;
  await adapter.admin.createProducer({ ...DEMO_PRODUCER, states: [...DEMO_PRODUCER.states] });
}
