/** Demo data for the reference server: the same demo users as the in-browser demo. */
import {
  DEMO_DELEGATES,
  DEMO_HELP_DESK,
  DEMO_PRODUCER,
  DEMO_SECOND_PRODUCER,
} from '../../src/adapter/memory/seed.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
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

/**
 * Create the demo delegates of the Help Desk console (`DEMO_DELEGATES`: `lockeddelegate`, locked
 * for 30 minutes when created, and `activedelegate`) under the demo producer, unless they exist.
 * Resolves true when any was created.
 */
export async function seedDemoDelegates(engine: AuthEngine): Promise<boolean> {
  const [locked] = DEMO_DELEGATES;
  let any = false;
  if (!(await engine.admin.hasAccount(DEMO_SECOND_PRODUCER.username))) {
    await created(() =>
      engine.admin.createProducer({
        ...DEMO_SECOND_PRODUCER,
        states: [...DEMO_SECOND_PRODUCER.states],
      }),
    );
  }
  for (const d of DEMO_DELEGATES) {
    if (await engine.admin.hasAccount(d.username)) continue;
    const made = await created(() =>
      engine.admin.createDelegate({
        ...d,
        states: [...d.states],
        producer: DEMO_SECOND_PRODUCER.username,
        typingSamples: typingSamplesFor(engine.sampleText).enroll,
      }),
    );
    any ||= made;
    if (made && d === locked) await engine.admin.lockAccount(d.username);
  }
  return any;
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
