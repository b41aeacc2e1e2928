/**
 * The adapter conformance suite against the whole reference server on PostgreSQL
 * (`DATABASE_URL`): HttpAdapter → loopback HTTP → the server (AuthEngine, PostgresStore, scrypt,
 * SMTP into the sink). A fresh database for every test, in a throwaway PostgreSQL
 * (postgres-support.ts); skipped when no PostgreSQL is installed, fails then with CI=true.
 *
 * scrypt runs at N=1024 here (TEST ONLY; production N=2^17).
 */
import { after, describe, it } from 'node:test';
import { installMochaGlobals } from './http-support.js';
import { adapterConformanceSuite } from '../../src/adapter/conformance.js';
import { serverHarness, testConfig } from './server-support.js';
import { createDatabase, testPostgresOrSkip } from './postgres-support.js';

const { postgres, skip } = await testPostgresOrSkip();
after(async () => {
  await postgres?.stop();
});

if (postgres) {
  installMochaGlobals();
  adapterConformanceSuite('Reference server (PostgreSQL, scrypt, SMTP sink) over HTTP', async () =>
    serverHarness(
      testConfig('unused.sqlite', { DATABASE_URL: await createDatabase(postgres.url) }),
    ),
  );
} else {
  describe('Reference server on PostgreSQL', () => {
    it('needs PostgreSQL', { skip }, () => undefined);
  });
}
