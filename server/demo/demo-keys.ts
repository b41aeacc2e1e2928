/**
 * Demo mode's sealing key when `TYPING_KEYS` is not set. On SQLite it is kept in a file next to
 * the database (`<dirname(DATABASE_PATH)>/demo-typing-keys`, mode 0600): created at the first
 * start, reused at every later one, so that typing patterns enrolled in the demo still open after
 * a restart. On PostgreSQL (or an in-memory SQLite database) there is no such place: a key is
 * generated for the run only. The log says which, never the key.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Keyring, type KeySpec } from '../../src/adapter/engine/sealing.js';
import type { LineLogger } from '../mail/senders.js';

/** The demo key file's name, in the database's directory. */
const DEMO_KEY_FILE = 'demo-typing-keys';

/** Where the demo key is kept for a SQLite database file; null when there is none to keep it by. */
function demoKeyPath(databasePath: string | null): string | null {
  if (databasePath === null || databasePath === ':memory:') return null;
  return join(dirname(databasePath), DEMO_KEY_FILE);
}

async function readKeyFile(path: string): Promise<KeySpec[]> {
  let specs: KeySpec[];
  try {
    specs = Keyring.parseSpecs(readFileSync(path, 'utf8'));
    await Keyring.fromSpecs(specs);
  } catch (error) {
    throw new Error(
      `demo key file ${path} is not kid:key (${(error as Error).message}); ` +
        'delete it to create a new one (patterns sealed with the old key will not open)',
      { cause: error },
    );
  }
  return specs;
}

/**
 * The demo's key specs: reused from, or created in, the key file next to the SQLite database
 * `databasePath` (null on PostgreSQL: a key for this run only). Rejects when the file exists but
 * does not hold valid keys (it is never replaced silently).
 */
export async function demoKeySpecs(
  databasePath: string | null,
  log: LineLogger,
): Promise<KeySpec[]> {
  const path = demoKeyPath(databasePath);
  if (path === null) {
    log.warn(
      'demo: TYPING_KEYS not set: generated a sealing key for this run only (' +
        (databasePath === null ? 'PostgreSQL' : 'in-memory database') +
        ': no key file is kept; typing patterns and queued messages sealed by an earlier run ' +
        'will not open — set TYPING_KEYS to keep them)',
    );
    return [Keyring.newKeySpec()];
  }
  const spec = Keyring.newKeySpec();
  try {
    // `wx`: never overwrite a key another start created meanwhile.
    writeFileSync(path, `${spec.kid}:${spec.key}\n`, { mode: 0o600, flag: 'wx' });
    log.warn(
      `demo: TYPING_KEYS not set: created the demo sealing key "${spec.kid}" in ${path} ` +
        '(mode 0600), reused at every start; demo data only, never for production',
    );
    return [spec];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const specs = await readKeyFile(path);
  log.warn(
    `demo: TYPING_KEYS not set: reusing the demo sealing key "${specs[0]!.kid}" from ${path}; ` +
      'demo data only, never for production',
  );
  if ((statSync(path).mode & 0o077) !== 0) {
    log.warn(`demo: ${path} is readable by other users: chmod 600 it`);
  }
  return specs;
}
