/**
 * The adapter conformance suite over real HTTP: HttpAdapter → loopback TCP → the Hono app →
 * AuthEngine over the engine's MemoryStore (SERVER runs the same over SQLite). A fresh engine and
 * server for every test; the harness's back doors are the app's test-only routes (`testing`).
 *
 *   node --import tsx --test test/server/http-conformance.spec.ts
 */
import {
  browserFetch,
  harnessOverApi,
  installMochaGlobals,
  startServer,
  testBackend,
} from './http-support.js';
import { adapterConformanceSuite, type ConformanceHarness } from '../../src/adapter/conformance.js';
import { HttpAdapter } from '../../src/adapter/http/index.js';
import type { AuthStore } from '../../src/adapter/engine/index.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';

installMochaGlobals();

const PORTAL = 'https://portal.example';

/**
 * A harness whose every operation goes over HTTP: the adapter's calls, and the back doors
 * (create producer, sign in, advance the clock, read the outbox) through `/api/__test/*`.
 */
export async function httpHarness(store?: AuthStore): Promise<ConformanceHarness> {
  // Passkeys on, for a portal page of this origin (the API's own origin does not matter).
  const backend = await testBackend(store, {
    webauthn: { rpId: 'portal.example', rpName: 'Portal', origins: [PORTAL] },
  });
  const server = await startServer({
    engine: backend.engine,
    testing: {
      advanceTime: (ms) => backend.clock.advance(ms),
      outbox: async () => {
        await backend.drain();
        return backend.outbox;
      },
    },
  });
  const fetch = browserFetch(server.origin);
  const adapter = new HttpAdapter({ baseUrl: server.baseUrl, fetch, retries: 0 });
  return {
    ...harnessOverApi({ adapter, fetch, apiBase: server.baseUrl, dispose: () => server.close() }),
    passkeys: { origin: PORTAL, authenticator: () => new SoftAuthenticator({ origin: PORTAL }) },
  };
}

adapterConformanceSuite('HttpAdapter over HTTP (MemoryStore)', () => httpHarness());
