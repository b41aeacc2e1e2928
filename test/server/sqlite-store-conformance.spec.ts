/**
 * The engine's store conformance suite (src/adapter/engine/store-conformance.ts) against the
 * SQLite store: every repository's round trips, the keyed lock, and the engine's rules under
 * concurrent requests (parallel wrong passwords lock at exactly the 5th; a link, code, flow or
 * pending login is usable once however many requests race). Each test gets a fresh database
 * file (WAL, foreign keys: the real configuration, not `:memory:`).
 */
import { describe, it, beforeEach, afterEach, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformanceSuite } from '../../src/adapter/engine/store-conformance.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-store-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;

storeConformanceSuite(
  'SqliteStore',
  async () => {
    const store = new SqliteStore({ path: join(dir, `store-${++serial}.sqlite`) });
    return { store, dispose: async () => store.close() };
  },
  { describe, it, beforeEach, afterEach },
);
