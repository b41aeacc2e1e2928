/**
 * Numbered schema migrations for the SQLite store. Each migration is a file
 * `server/store/migrations/NNNN_name.sql`, applied once, in order, inside a transaction that
 * also records it in `schema_migrations` (version, name, applied_at) and in
 * `PRAGMA user_version`. A database recorded at a version this code does not know (written by a
 * newer server) is refused rather than guessed at.
 *
 * Foreign-key enforcement is off while migrations run (SQLite's documented procedure for
 * rebuilding a table, e.g. to change a CHECK constraint: dropping the old table must not cascade
 * to the rows that reference it); each migration's transaction runs `PRAGMA foreign_key_check`
 * before it commits and rolls back on any violation, and enforcement is restored afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migrations in `dir`, by version; throws on a malformed name or a duplicate version. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name must be NNNN_name.sql: ${file}`);
    list.push({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') });
  }
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migrations must be numbered 1, 2, 3… without gaps (found ${m.version})`);
    }
  });
  return list;
}

/** The highest version recorded in the database (0 for a fresh one). */
function currentVersion(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * Apply every migration newer than the database, each in its own transaction. Resolves the
 * versions applied (empty when the schema was already current).
 */
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): number[] {
  const from = currentVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > latest) {
    throw new Error(
      `the database is at schema version ${from}, newer than this server knows (${latest})`,
    );
  }
  const applied: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return applied;
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  // A no-op inside a transaction: set it before the first one.
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) {
          throw new Error(
            `migration ${m.version} (${m.name}) leaves ${broken.length} foreign key violation(s)`,
          );
        }
        record.run(m.version, m.name, Date.now());
        db.pragma(`user_version = ${m.version}`);
      })();
      applied.push(m.version);
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return applied;
}
