/**
 * Numbered schema migrations for the PostgreSQL store: files
 * `server/store/postgres/migrations/NNNN_name.sql`, applied once, in order, each in its own
 * transaction that also records it in `<schema>.schema_migrations (version, name, applied_at)`.
 *
 * Several instances may start at the same moment against one database: the whole run holds a
 * session-level advisory lock derived from the schema name, so exactly one instance migrates
 * while the others wait, then find the schema current. A database recorded at a version this
 * code does not know (written by a newer server) is refused rather than guessed at.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientBase } from 'pg';
import { loadMigrations, type Migration } from '../migrate.js';

/** One numbered migration (the same file format as SQLite's). */
export type PgMigration = Migration;

const PG_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migrations in `dir`, by version; throws on a malformed name or a gap in the numbers. */
export function loadPgMigrations(dir = PG_MIGRATIONS_DIR): PgMigration[] {
  return loadMigrations(dir);
}

/** A schema name safe to splice into SQL: lower-case letters, digits, `_`; at most 63. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema name must match [a-z_][a-z0-9_]{0,62} (got "${schema}")`);
  }
  return schema;
}

/**
 * Create `schema` if needed and apply every migration newer than it, holding the advisory lock
 * `hashtextextended('<schema>:migrate', 0)` for the whole run. Resolves the versions applied
 * (empty when the schema was already current). `client` must not be inside a transaction.
 */
export async function migratePg(
  client: ClientBase,
  schema: string,
  migrations: PgMigration[] = loadPgMigrations(),
): Promise<number[]> {
  const s = checkSchemaName(schema);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`${s}:migrate`]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${s}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "${s}".schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM "${s}".schema_migrations`,
    );
    const from = rows[0]?.v ?? 0;
    if (from > latest) {
      throw new Error(
        `schema "${s}" is at version ${from}, newer than this server knows (${latest})`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL search_path TO "${s}"`);
        await client.query(m.sql);
        await client.query(`INSERT INTO "${s}".schema_migrations (version, name) VALUES ($1, $2)`, [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`${s}:migrate`]);
  }
}
