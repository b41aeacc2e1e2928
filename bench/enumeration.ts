/**
 * `npm run bench:enumeration`: can an attacker tell an existing account from a missing one by
 * how long the server takes to answer? For every public endpoint that takes a username, an
 * email address or a phone number, 40 requests name an existing account and 40 a missing one,
 * interleaved in random order, one at a time, over loopback; a Mann-Whitney U test (normal
 * approximation, tie correction, continuity correction, two-sided) compares the two samples of
 * response times. The answers (status and error code) are compared too.
 *
 * Exit code 1 only when some p < 0.001: with ~9 endpoints, chance alone fails a run about once
 * in a hundred, while a real difference of the size issue 19 found (4.4 vs 1.9 ms, p ≈ 1e-11)
 * fails every time.
 *
 * The server: the reference server in this process (`startServer`), DEMO configuration (the
 * loopback SMTP sink takes the emails, so sends succeed), SQLite in a temp dir, scrypt at a LOW
 * cost (N=1024: both paths hash once with the same cost, and a cheap hash lets any other
 * difference show), rate limits OFF (see {@link RATE_LIMITS_NOTE}).
 *
 *   npm run bench:enumeration
 *   npm run bench:enumeration -- --json
 *   npm run bench:enumeration -- --samples 60 --only 'send code'
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { TabClient } from './http-client.js';

/** Why the benchmark turns the request rate limits off (printed with the results). */
export const RATE_LIMITS_NOTE =
  'Rate limits are off: one client sends 80+ requests per endpoint, past every budget. The ' +
  'limits count an existing and a missing account alike (same client and account keys), so ' +
  'with them on the only change would be 429s for both; off, every request does the ' +
  "endpoint's full work, which is what is timed.";

/** The threshold below which a difference fails the run. */
export const ALPHA = 0.001;

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/** Complementary error function (Numerical Recipes `erfcc`, fractional error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface MannWhitney {
  /** U of the first sample. */
  u: number;
  z: number;
  /** Two-sided p-value (normal approximation with tie and continuity correction). */
  p: number;
}

/** Mann-Whitney U test of `a` against `b` (two-sided). */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitney: both samples need values');
  const all = [...a.map((v) => ({ v, first: true })), ...b.map((v) => ({ v, first: false }))];
  all.sort((x, y) => x.v - y.v);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const rank = (i + j) / 2 + 1;
    const size = j - i + 1;
    tieTerm += size ** 3 - size;
    for (let k = i; k <= j; k++) if (all[k]!.first) rankSumA += rank;
    i = j + 1;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, p: 1 };
  const diff = Math.abs(u - mean);
  const z = Math.max(0, diff - 0.5) / Math.sqrt(variance);
  return { u, z, p: Math.min(1, erfc(z / Math.SQRT2)) };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/** One client (a browser tab), with the answer of a POST and its time. */
class Client extends TabClient {
  override init(): Promise<void> {
    return super.init('/csrf');
  }

  /** POST a JSON body; resolves the answer and the time until its body was read (ms). */
  async post(path: string, body: unknown): Promise<{ answer: string; ms: number; json: unknown }> {
    const payload = JSON.stringify(body);
    const start = performance.now();
    const res = await this.postJson(path, payload);
    const text = await res.text();
    const ms = performance.now() - start;
    const json = text ? (JSON.parse(text) as unknown) : null;
    const code = (json as { code?: string } | null)?.code;
    return { answer: code ? `${res.status} ${code}` : String(res.status), ms, json };
  }
}

// ---------------------------------------------------------------------------------------------
// The endpoints
// ---------------------------------------------------------------------------------------------

interface Account {
  username: string;
  email: string;
  mobile: string;
}

interface Endpoint {
  name: string;
  /** Untimed set-up for one request (e.g. Find Account before Send Code). */
  prepare?(client: Client, account: Account): Promise<unknown>;
  /** The timed request. */
  send(client: Client, account: Account, prepared: unknown): ReturnType<Client['post']>;
}

const SEED_PASSWORD = 'Quiet-River-Stone-2026';
const WRONG_PASSWORD = 'Not-The-Password-2026!';

async function flowOf(client: Client, account: Account): Promise<string> {
  const r = await client.post('/password/find-account', {
    username: account.username,
    purpose: 'reset',
  });
  const flowId = (r.json as { flowId?: string }).flowId;
  if (!flowId) throw new Error(`find-account answered ${r.answer}`);
  return flowId;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'login (wrong password)',
    send: (c, a) => c.post('/login', { username: a.username, password: WRONG_PASSWORD }),
  },
  {
    name: 'find account',
    send: (c, a) => c.post('/password/find-account', { username: a.username, purpose: 'reset' }),
  },
  {
    name: 'send code (email)',
    prepare: flowOf,
    send: (c, _a, flowId) => c.post('/password/send-code', { flowId, channel: 'email' }),
  },
  {
    name: 'send code (sms)',
    prepare: flowOf,
    send: (c, _a, flowId) => c.post('/password/send-code', { flowId, channel: 'sms' }),
  },
  {
    name: 'forgot username',
    send: (c, a) => c.post('/username/remind', { email: a.email }),
  },
  {
    name: 'devices/check',
    send: (c, a) =>
      c.post('/devices/check', {
        username: a.username,
        deviceToken: randomBytes(32).toString('base64url'),
      }),
  },
  {
    name: 'help desk unlock (anonymous)',
    send: (c, a) => c.post('/help-desk/unlock-account', { username: a.username }),
  },
  {
    name: 'help desk reset pattern (anonymous)',
    send: (c, a) => c.post('/help-desk/reset-typing-pattern', { username: a.username }),
  },
];

export interface Row {
  endpoint: string;
  medianExistingMs: number;
  medianMissingMs: number;
  p: number;
  /** Answers seen (status and code → count), per group. */
  answersExisting: Record<string, number>;
  answersMissing: Record<string, number>;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function tally(answers: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a] = (out[a] ?? 0) + 1;
  return out;
}

function account(prefix: string, i: number): Account {
  return {
    username: `${prefix}${String(i).padStart(3, '0')}`,
    email: `${prefix}.${i}@agency${i % 7}.example`,
    mobile: `(312) 555-${String(2000 + i).slice(-4)}`,
  };
}

interface Options {
  samples: number;
  json: boolean;
  /** Only the endpoints whose name contains this text. */
  only: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { samples: 40, json: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = true;
    else if (argv[i] === '--only') opts.only = argv[++i] ?? null;
    else if (argv[i] === '--samples') opts.samples = Math.max(5, Number(argv[++i] ?? '40') || 40);
  }
  return opts;
}

/** Start the server, seed the accounts, time every endpoint. */
export async function runEnumerationBench(opts: Options): Promise<Row[]> {
  const { loadConfig } = await import('../server/config.js');
  const { startServer } = await import('../server/main.js');
  const dir = mkdtempSync(join(tmpdir(), 'pep-enumeration-'));
  const quiet = { info: () => undefined, warn: () => undefined };
  const server = await startServer(
    loadConfig({
      DEMO: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      SCRYPT_N: '1024',
    }),
    { log: quiet, securityLog: () => undefined, rateLimits: false, shutdownGraceMs: 0 },
  );
  try {
    const api = `${server.url.replace(/\/$/, '')}/api`;
    const warm = 5;
    const existing: Account[] = [];
    for (let i = 0; i < opts.samples + warm; i++) {
      const a = account('member', i);
      await server.engine.admin.createProducer({
        ...a,
        password: SEED_PASSWORD,
        firstName: 'Sam',
        lastName: 'Member',
        states: ['IL'],
        producerId: `P-${700000 + i}`,
      });
      existing.push(a);
    }
    const missing = Array.from({ length: opts.samples + warm }, (_, i) => account('absent', i));

    const rows: Row[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => !opts.only || e.name.includes(opts.only!))) {
      const client = new Client(api);
      await client.init();
      // Warm-up (untimed): JIT, caches and the connection, on accounts not measured.
      for (let i = opts.samples; i < opts.samples + warm; i++) {
        for (const a of [existing[i]!, missing[i]!]) {
          const prepared = await endpoint.prepare?.(client, a);
          await endpoint.send(client, a, prepared);
        }
      }
      const tasks = shuffle([
        ...existing.slice(0, opts.samples).map((a) => ({ a, exists: true })),
        ...missing.slice(0, opts.samples).map((a) => ({ a, exists: false })),
      ]);
      const times = { true: [] as number[], false: [] as number[] };
      const answers = { true: [] as string[], false: [] as string[] };
      for (const { a, exists } of tasks) {
        const prepared = await endpoint.prepare?.(client, a);
        const r = await endpoint.send(client, a, prepared);
        times[`${exists}`].push(r.ms);
        answers[`${exists}`].push(r.answer);
      }
      rows.push({
        endpoint: endpoint.name,
        medianExistingMs: median(times.true),
        medianMissingMs: median(times.false),
        p: mannWhitney(times.true, times.false).p,
        answersExisting: tally(answers.true),
        answersMissing: tally(answers.false),
      });
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sameAnswers(row: Row): boolean {
  const keys = (r: Record<string, number>) => Object.keys(r).sort().join('|');
  return keys(row.answersExisting) === keys(row.answersMissing);
}

function formatTable(rows: readonly Row[], samples: number): string {
  const head = ['endpoint', 'median existing (ms)', 'median missing (ms)', 'p', 'answers'];
  const body = rows.map((r) => [
    r.endpoint,
    r.medianExistingMs.toFixed(2),
    r.medianMissingMs.toFixed(2),
    r.p < 1e-4 ? r.p.toExponential(1) : r.p.toFixed(4),
    sameAnswers(r)
      ? Object.keys(r.answersExisting).join(', ')
      : `DIFFER: ${JSON.stringify(r.answersExisting)} vs ${JSON.stringify(r.answersMissing)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [
    `Existing vs missing accounts: ${samples} + ${samples} requests per endpoint, random order, loopback.`,
    `Mann-Whitney U (normal approximation, tie correction), two-sided; the run fails when p < ${ALPHA}.`,
    RATE_LIMITS_NOTE,
    'scrypt N=1024 (low cost: both paths hash once at the same cost).',
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const rows = await runEnumerationBench(opts);
  const failed = rows.filter((r) => r.p < ALPHA);
  if (opts.json) {
    console.log(
      JSON.stringify(
        { samples: opts.samples, alpha: ALPHA, rateLimits: RATE_LIMITS_NOTE, rows },
        null,
        2,
      ),
    );
  } else {
    console.log(formatTable(rows, opts.samples));
    console.log(
      failed.length
        ? `\nFAIL: ${failed.map((r) => r.endpoint).join(', ')} (p < ${ALPHA})`
        : `\nOK: no endpoint below p = ${ALPHA}`,
    );
  }
  process.exitCode = failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  });
}
