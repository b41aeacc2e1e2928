/**
 * The adapter conformance suite against the whole reference server: HttpAdapter → loopback TCP
 * → `startServer` (the Hono app, AuthEngine, SQLite store, scrypt hasher) → nodemailer over SMTP
 * → the loopback SMTP sink, from which the codes and links are read. A fresh server and database
 * for every test; the clock is a ManualClock moved through the API's test route.
 *
 * scrypt runs at N=1024 here (TEST ONLY: every test creates and checks passwords; production
 * is N=2^17, covered by scrypt-hasher.spec.ts and the benchmark).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { installMochaGlobals } from './http-support.js';
import { adapterConformanceSuite } from '../../src/adapter/conformance.js';
import { serverHarness, testConfig } from './server-support.js';

installMochaGlobals();

const dir = mkdtempSync(join(tmpdir(), 'pep-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;

adapterConformanceSuite('Reference server (SQLite, scrypt, SMTP sink) over HTTP', () =>
  serverHarness(testConfig(join(dir, `db-${++serial}.sqlite`))),
);
