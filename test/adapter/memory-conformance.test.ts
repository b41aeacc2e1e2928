import { adapterConformanceSuite } from '../../src/adapter/conformance.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';

/** Passkeys are on by default for the page (WTR serves it from http://localhost:<port>). */
const passkeys = {
  origin: location.origin,
  authenticator: () => new SoftAuthenticator({ origin: location.origin }),
};

// PBKDF2 at 1 000 iterations for speed (production default: 210 000).
adapterConformanceSuite('MemoryAdapter', async () => {
  const clock = new ManualClock();
  const adapter = new MemoryAdapter({ clock, pbkdf2Iterations: 1000 });
  return {
    adapter,
    advanceTime: async (ms) => clock.advance(ms),
    outbox: async () => [...adapter.outbox],
    createProducer: async (p) => void (await adapter.admin.createProducer(p)),
    createHelpDeskUser: async (u) => void (await adapter.admin.createHelpDeskUser(u)),
    signInProducer: async (u) => void (await adapter.admin.signIn(u)),
    passkeys,
  };
});

// The same suite without a controllable clock: time-based tests are skipped, the rest must pass.
adapterConformanceSuite('MemoryAdapter (system clock)', async () => {
  const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
  return {
    adapter,
    outbox: async () => [...adapter.outbox],
    createProducer: async (p) => void (await adapter.admin.createProducer(p)),
    createHelpDeskUser: async (u) => void (await adapter.admin.createHelpDeskUser(u)),
    signInProducer: async (u) => void (await adapter.admin.signIn(u)),
  };
});
