/**
 * `npm run bench:server`: 200 concurrent logins against the reference server on loopback.
 *
 * The server runs as its own process (`node --import tsx server/main.ts`, DEMO=1, a fresh SQLite
 * file) so the load generator does not share its event loop. 200 virtual users each take a
 * cookie jar and a CSRF token, then log in again and again (`POST /api/login`) for at most 30 s:
 * the correct password and remembered device of one of 10 accounts (answer: 200 `authenticated`,
 * a session written to SQLite and set as an HttpOnly cookie, a new CSRF token), and every 20th
 * attempt a wrong password for one never-existing username (answers: `INVALID_CREDENTIALS` ×4,
 * then `ACCOUNT_LOCKED` at exactly the 5th, however many race). Both cost one scrypt derivation
 * on the server, the dominant cost. At the deadline requests still waiting are aborted and
 * counted as unfinished (not as errors).
 *
 * Back-pressure: the server's hashing queue is bounded (SCRYPT_MAX_QUEUE, default 16); a login
 * beyond it is answered at once with 503 `BUSY` and `Retry-After`. That is expected under this
 * load, not an error: the virtual user waits the advised time (or until the deadline) and tries
 * the same login again; the 503s are counted and reported (`503 BUSY` in the outcomes, the
 * `busy` column). Request rate limits are off for the run (`RATE_LIMITS=off`: 200 users on one
 * loopback address would spend the per-client budget in a second), which the server's start-up
 * log warns about.
 *
 * Rows: scrypt at PRODUCTION cost (N=2^17, r=8, p=1), then the same load at a reduced cost
 * (N=2^14), reported separately to show what the rest of the stack sustains.
 *
 *   npm run bench:server                 # both rows
 *   npm run bench:server -- --duration 10 --users 200 --only production
 *   npm run bench:server -- --postgres   # the server on a throwaway PostgreSQL instead
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TabClient } from './http-client.js';
import { typingSamplesFor } from '../src/adapter/memory/typist.js';
import { DEFAULT_SAMPLE_TEXT } from '../src/core/typing/matcher.js';
import {
  createDatabase,
  postgresUnavailable,
  startTestPostgres,
  type TestPostgres,
} from '../test/server/postgres-support.js';

interface Options {
  users: number;
  durationS: number;
  only: string | null;
  /** Run the server on a throwaway PostgreSQL (DATABASE_URL) instead of SQLite. */
  postgres: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { users: 200, durationS: 30, only: null, postgres: false };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i] ?? '';
    if (argv[i] === '--users') opts.users = Number(next());
    else if (argv[i] === '--duration') opts.durationS = Math.min(30, Number(next()));
    else if (argv[i] === '--only') opts.only = next();
    else if (argv[i] === '--postgres') opts.postgres = true;
  }
  return opts;
}

const ACCOUNTS = 10;
const PASSWORD = 'Quiet-River-Stone-2026';
const VICTIM = 'nobody-bench-1';
const EXPECTED_ERRORS = new Set(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'BUSY']);

interface Row {
  label: string;
  scryptN: number;
  durationS: number;
  completed: number;
  ok: number;
  outcomes: Record<string, number>;
  /** 503 BUSY answers (the bounded hashing queue's back-pressure; each retried after Retry-After). */
  busy: number;
  /** Longest Retry-After advised (s). */
  maxRetryAfterS: number;
  unfinished: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  lockedAtAttempt: number | null;
  serverPeakRssMiB: number | null;
  /** Median of 5 sequential logins before the load. */
  idleMs: number;
  /** Until every virtual user had stopped (the window plus aborting what was in flight). */
  wallS: number;
}

/** A client (a browser tab) that reads JSON answers and Retry-After. */
class Client extends TabClient {
  override init(): Promise<void> {
    return super.init('/api/csrf');
  }

  async get(path: string): Promise<unknown> {
    const res = await this.request(path);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }

  async post(
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; json: unknown; retryAfterS: number | null }> {
    const res = await this.postJson(path, JSON.stringify(body), signal);
    const text = await res.text();
    const retryAfter = res.headers.get('retry-after');
    return {
      status: res.status,
      json: text ? JSON.parse(text) : null,
      retryAfterS: retryAfter === null ? null : Number(retryAfter),
    };
  }
}

async function startServerProcess(
  scryptN: number,
  dbPath: string,
  databaseUrl: string | null,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DEMO: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: dbPath,
      SCRYPT_N: String(scryptN),
      // 200 users on one address: the per-client budgets would end the run at once.
      RATE_LIMITS: 'off',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /listening on (http:\/\/[^\s/]+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return { child, base };
}

function peakRssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runRow(
  label: string,
  scryptN: number,
  opts: Options,
  postgres: TestPostgres | null,
): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-bench-'));
  const databaseUrl = postgres ? await createDatabase(postgres.url) : null;
  const { child, base } = await startServerProcess(scryptN, join(dir, 'bench.sqlite'), databaseUrl);
  try {
    // Setup (not timed): 10 delegates with a password and an enrolled typing pattern, each
    // verified once by an email code (read from the server's SMTP sink) with "Remember this
    // device", so that every timed login is a complete one: password → session cookie.
    const admin = new Client(base);
    await admin.init();
    const accounts: { username: string; deviceToken: string }[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const username = `bench${String(i).padStart(4, '0')}`;
      const email = `${username}@example.com`;
      const fail = (step: string, res: unknown) => {
        throw new Error(`seeding ${username}, ${step}: ${JSON.stringify(res)}`);
      };
      const created = await admin.post('/api/__test/delegates', {
        producer: 'demoproducer',
        username,
        email,
        firstName: 'Bench',
        lastName: `User${'abcdefghij'[i]}`,
        mobile: `(312) 555-${String(1000 + i)}`,
        states: ['IL'],
        password: PASSWORD,
        typingSamples: typingSamplesFor(DEFAULT_SAMPLE_TEXT).enroll,
      });
      if (created.status !== 201) fail('create', created);
      const browser = new Client(base);
      await browser.init();
      const login = await browser.post('/api/login', { username, password: PASSWORD });
      const pendingId = (login.json as { pending?: { pendingId: string } }).pending?.pendingId;
      if (!pendingId) fail('login', login);
      const sent = await browser.post('/api/login/send-code', { pendingId, channel: 'email' });
      if (sent.status !== 200) fail('send code', sent);
      const outbox = (await admin.get('/api/__test/outbox')) as { to: string; text: string }[];
      const mail = outbox.filter((m) => m.to === email).pop();
      const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mail?.text ?? '')?.[1];
      if (!code) fail('code', outbox);
      const verified = await browser.post('/api/login/verify-code', {
        pendingId,
        code,
        rememberDevice: true,
      });
      const deviceToken = (verified.json as { deviceToken?: { token: string } }).deviceToken?.token;
      if (!deviceToken) fail('verify', verified);
      accounts.push({ username, deviceToken: deviceToken! });
    }

    // Unloaded: 5 logins one after another (the cost of one login on an idle server).
    const single = new Client(base);
    await single.init();
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = accounts[i % accounts.length]!;
      const t = performance.now();
      const res = await single.post('/api/login', {
        username: a.username,
        password: PASSWORD,
        deviceToken: a.deviceToken,
      });
      if ((res.json as { status?: string }).status !== 'authenticated') {
        throw new Error(`unloaded login: ${JSON.stringify(res.json)}`);
      }
      idle.push(performance.now() - t);
    }
    idle.sort((a, b) => a - b);

    const clients = await Promise.all(
      Array.from({ length: opts.users }, async () => {
        const c = new Client(base);
        await c.init();
        return c;
      }),
    );

    const latencies: number[] = [];
    const outcomes: Record<string, number> = {};
    let unfinished = 0;
    let busy = 0;
    let maxRetryAfterS = 0;
    let attempt = 0;
    let victimAttempts = 0;
    let lockedAtAttempt: number | null = null;
    const deadline = new AbortController();
    const t0 = performance.now();
    const endAt = t0 + opts.durationS * 1000;
    const timer = setTimeout(() => deadline.abort(), opts.durationS * 1000);

    /** Wait `s` seconds, or until the deadline (whichever first). */
    const pause = (s: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, Math.min(s * 1000, endAt - performance.now())));
        deadline.signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      });

    await Promise.all(
      clients.map(async (client, vu) => {
        let retry: number | null = null;
        while (performance.now() < endAt) {
          // After a 503 BUSY, the same login again (same attempt number).
          const n: number = retry ?? attempt++;
          retry = null;
          const wrong = n % 20 === 19;
          const account = accounts[(vu + n) % accounts.length]!;
          const input = wrong
            ? { username: VICTIM, password: 'Not-The-Password-1' }
            : { username: account.username, password: PASSWORD, deviceToken: account.deviceToken };
          const start = performance.now();
          let outcome: string;
          try {
            const res = await client.post('/api/login', input, deadline.signal);
            const body = res.json as { status?: string; code?: string } | null;
            outcome =
              res.status === 200
                ? `200 ${body?.status ?? '?'}`
                : `${res.status} ${body?.code ?? '?'}`;
            if (res.status === 503 && body?.code === 'BUSY') {
              // Back-pressure, not an error: wait as advised, then the same login again.
              const after = res.retryAfterS ?? 1;
              maxRetryAfterS = Math.max(maxRetryAfterS, after);
              const end = performance.now();
              if (end <= endAt) {
                busy += 1;
                latencies.push(end - start);
                outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
              }
              retry = n;
              await pause(after);
              continue;
            }
            if (wrong) {
              victimAttempts += 1;
              if (body?.code === 'ACCOUNT_LOCKED' && lockedAtAttempt === null) {
                lockedAtAttempt = victimAttempts;
              }
            }
          } catch (err) {
            if (deadline.signal.aborted) {
              unfinished += 1;
              break;
            }
            outcome = `network ${(err as Error).message}`;
          }
          const end = performance.now();
          if (end > endAt) {
            // Answered after the window closed: not part of the measurement.
            unfinished += 1;
            break;
          }
          latencies.push(end - start);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
    clearTimeout(timer);
    const wall = (performance.now() - t0) / 1000;
    // Only answers within the window count, so throughput is over the window itself.
    const elapsed = opts.durationS;
    latencies.sort((a, b) => a - b);
    const ok = outcomes['200 authenticated'] ?? 0;
    return {
      label,
      scryptN,
      durationS: elapsed,
      wallS: Math.round(wall * 10) / 10,
      completed: latencies.length,
      ok,
      outcomes,
      busy,
      maxRetryAfterS,
      unfinished,
      // Logins answered (a 503 BUSY is not one).
      throughput: (latencies.length - busy) / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      lockedAtAttempt,
      serverPeakRssMiB: peakRssMiB(child.pid),
      idleMs: percentile(idle, 50),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

function fmtMs(ms: number): string {
  return Number.isFinite(ms)
    ? ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(0)} ms`
    : '—';
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  const plan: [string, string, number][] = [
    ['production', 'scrypt N=2^17 r=8 p=1 (production)', 2 ** 17],
    ['reduced', 'scrypt N=2^14 r=8 p=1 (REDUCED cost, comparison only)', 2 ** 14],
  ];
  console.log(
    `bench:server — ${opts.users} concurrent virtual users, POST /api/login for at most ${opts.durationS} s ` +
      `per row; ${availableParallelism()} CPUs, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
  );
  if (opts.postgres && postgresUnavailable())
    throw new Error(`--postgres: ${postgresUnavailable()}`);
  const postgres = opts.postgres ? await startTestPostgres() : null;
  if (postgres) console.log('store: PostgreSQL 15 (throwaway cluster, DATABASE_URL)');
  for (const [key, rowLabel, n] of plan) {
    if (opts.only && opts.only !== key) continue;
    const label = postgres ? `${rowLabel}, PostgreSQL` : rowLabel;
    let row: Row;
    try {
      row = await runRow(label, n, opts, postgres);
    } catch (err) {
      await postgres?.stop();
      throw err;
    }
    rows.push(row);
    const unexpected = Object.entries(row.outcomes).filter(
      ([k]) => k !== '200 authenticated' && !EXPECTED_ERRORS.has(k.split(' ')[1] ?? ''),
    );
    console.log(`\n${row.label}`);
    console.log(`  one login on the idle server (median of 5 in a row): ${fmtMs(row.idleMs)}`);
    console.log(
      `  answered ${row.completed} in ${row.durationS} s (${row.completed - row.busy} logins, ${row.busy} BUSY) → ` +
        `${row.throughput.toFixed(1)} logins/s; ` +
        `latency p50 ${fmtMs(row.p50)}, p99 ${fmtMs(row.p99)}, max ${fmtMs(row.max)}`,
    );
    console.log(`  outcomes: ${JSON.stringify(row.outcomes)}`);
    console.log(
      `  back-pressure: ${row.busy} answers 503 BUSY (bounded hashing queue), each retried after ` +
        `its Retry-After (at most ${row.maxRetryAfterS} s); expected under this load, not errors`,
    );
    console.log(
      `  unfinished at the deadline (aborted, not errors): ${row.unfinished}; all stopped after ${row.wallS} s`,
    );
    console.log(
      `  lockout under concurrency: ACCOUNT_LOCKED first at wrong attempt #${row.lockedAtAttempt ?? '—'} (expected 5)`,
    );
    console.log(`  server peak RSS: ${row.serverPeakRssMiB ?? '?'} MiB`);
    console.log(
      `  machine load average after the row (1 min): ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`,
    );
    console.log(`  unexpected errors: ${unexpected.length ? JSON.stringify(unexpected) : 'none'}`);
    if (unexpected.length || (row.lockedAtAttempt !== null && row.lockedAtAttempt !== 5)) {
      process.exitCode = 1;
    }
  }
  await postgres?.stop();
  console.log(
    '\n| scrypt | idle login | answers | logins/s | p50 | p99 | busy (503) | unfinished | other answers |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const errs = Object.entries(r.outcomes)
      .filter(([k]) => k !== '200 authenticated' && k !== '503 BUSY')
      .map(([k, v]) => `${k.split(' ')[1]} ${v}`)
      .join(', ');
    console.log(
      `| ${r.label} | ${fmtMs(r.idleMs)} | ${r.completed} | ${r.throughput.toFixed(1)} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${r.busy} | ${r.unfinished} | ${errs || 'none'} |`,
    );
  }
}

await main();
