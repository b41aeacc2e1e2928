/** Demo data for the reference server: the same demo users as the in-browser demo. */
import { DEMO_HELP_DESK, DEMO_PRODUCER } from '../../src/adapter/memory/seed.js';
import type { AuthEngine } from '../../src/adapter/engine/index.js';

/**
 * Create the demo producer `demoproducer` (password `Demo-Producer-2026!`, licensed in IL, MT,
 * NM, OK and TX, producer id `P-100200`) unless it exists. Resolves true when it was created.
 */
export async function seedDemoProducer(engine: AuthEngine): Promise<boolean> {
  if (await engine.admin.hasAccount(DEMO_PRODUCER.username)) return false;
  return created(() =>
    engine.admin.createProducer({ ...DEMO_PRODUCER, states: [...DEMO_PRODUCER.states] }),
  );
}

/**
 * Create the demo help-desk user `helpdesk1` (DEMO mode only: a production database gets one
 * only through `npm run admin -- create-help-desk-user`) unless it exists. Resolves true when it
 * was created.
 */
export async function seedDemoHelpDesk(engine: AuthEngine): Promise<boolean> {
  if (await engine.admin.hasAccount(DEMO_HELP_DESK.username)) return false;
  return created(() => engine.admin.createHelpDeskUser({ ...DEMO_HELP_DESK }));
}

async function created(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (err) {
    // Another start-up (or request) created it first.
    if ((err as { code?: string }).code === 'USERNAME_TAKEN') return false;
    throw err;
  }
}
