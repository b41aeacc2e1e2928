/**
 * A throwaway PostgreSQL cluster for the PostgreSQL store tests: `initdb` into a temp dir, start
 * it on a free loopback port (TCP 127.0.0.1 only, trust auth, fsync off — test data only), stop
 * it and delete the dir afterwards. As root (CI containers) the server binaries run as the
 * `postgres` user through `runuser` (PostgreSQL refuses to run as root).
 *
 * `PEP_PG_TEST_URL=postgres://…` uses that server instead (e.g. a CI service container); the
 * tests then work in fresh schemas they drop afterwards.
 *
 * No PostgreSQL at all: {@link postgresUnavailable} says why, and the test files skip with that
 * one-line message — unless `CI=true`, where they fail.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** Connection string of a database the tests may use (create schemas in). */
  url: string;
  /** Stop the server and remove its files (no-op for PEP_PG_TEST_URL). */
  stop(): Promise<void>;
}

/** The directory holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  const dir = onPath.replace(/\/initdb$/, '');
  if (onPath && existsSync(join(dir, 'pg_ctl'))) return dir;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

/** Null when a server can be had; else the reason (for the skip message). */
export function postgresUnavailable(): string | null {
  if (process.env['PEP_PG_TEST_URL']) return null;
  if (findPostgresBin()) return null;
  return 'PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin; apt-get install postgresql, or set PEP_PG_TEST_URL)';
}

/** `true` when the run must not skip (CI=true). */
export const mustRun = (process.env['CI'] ?? '').toLowerCase() === 'true';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Run a server binary, as `postgres` when we are root. */
function runPg(bin: string, tool: string, args: string[]): SpawnSyncReturns<string> {
  const exe = join(bin, tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' });
}

function check(r: SpawnSyncReturns<string>, what: string): void {
  if (r.status !== 0) {
    throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error}`);
  }
}

/** Start a throwaway cluster (or attach to PEP_PG_TEST_URL). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env['PEP_PG_TEST_URL'];
  if (external) return { url: external, stop: async () => {} };

  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailable()!);
  const dir = mkdtempSync(join(tmpdir(), 'pep-pg-'));
  const data = join(dir, 'data');
  if (isRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) throw new Error('running as root and there is no "postgres" user');
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  check(
    runPg(bin, 'initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]),
    'initdb',
  );

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  // A crashed test run must not leave a server behind.
  process.once('exit', stopSync);

  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const started = runPg(bin, 'pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ]);
    if (started.status === 0) {
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      return {
        url,
        stop: async () => {
          process.removeListener('exit', stopSync);
          await new Promise<void>((resolve) => {
            const exe = join(bin, 'pg_ctl');
            const args = ['-D', data, '-m', 'fast', '-w', 'stop'];
            const child = isRoot
              ? spawn('runuser', ['-u', 'postgres', '--', exe, ...args], { cwd: '/' })
              : spawn(exe, args, { cwd: '/' });
            child.on('exit', () => resolve());
            child.on('error', () => resolve());
          });
          stopped = true;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    lastError = started.stderr || started.stdout;
  }
  stopSync();
  throw new Error(`could not start PostgreSQL: ${lastError}`);
}

let schemaSerial = 0;

/** A fresh schema name (unique per process and call). */
export function freshSchemaName(prefix = 't'): string {
  schemaSerial += 1;
  return `${prefix}_${process.pid}_${schemaSerial}_${Date.now().toString(36)}`;
}

/** Drop a schema created by a test (CASCADE). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

let databaseSerial = 0;

/** A fresh empty database on the server at `url`; resolves its connection string. */
export async function createDatabase(url: string): Promise<string> {
  databaseSerial += 1;
  const name = `pep_test_${process.pid}_${databaseSerial}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

/**
 * For suites that need a server: null and a skip reason when PostgreSQL is missing (unless
 * CI=true, where the suite must fail instead), else a started server.
 */
export async function testPostgresOrSkip(): Promise<{
  postgres: TestPostgres | null;
  skip: string | false;
}> {
  const missing = postgresUnavailable();
  if (missing && !mustRun) return { postgres: null, skip: missing };
  if (missing) throw new Error(`CI=true: ${missing}`);
  return { postgres: await startTestPostgres(), skip: false };
}
