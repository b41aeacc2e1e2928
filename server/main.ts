/**
 * The reference server: the wire contract (`server/http/app.ts`, under `/api`) over the shared
 * {@link AuthEngine}, on SQLite, with scrypt password hashes, email through SMTP and SMS through
 * a pluggable sender. `DEMO=1` adds the demo producer, a loopback SMTP sink, the demo portal
 * (wired to the HttpAdapter) and its dev-only routes.
 *
 *   node --import tsx server/main.ts          # configuration from the environment (docs/server.md)
 *   npm run serve                              # --demo (DEMO=1) on http://localhost:8787/
 *
 * `startServer(config)` does the same in-process (tests, benchmarks) and returns a handle whose
 * `close()` is the graceful shutdown SIGINT / SIGTERM trigger: stop accepting connections, let
 * requests in flight finish (up to `shutdownGraceMs`), try a last outbox drain, then close SMTP,
 * the sink and the database.
 *
 * Around the engine: typing templates and queued messages are sealed with `TYPING_KEYS` (demo:
 * a key kept next to the SQLite database, `demo-typing-keys`, or generated per start on
 * PostgreSQL); every email and SMS goes through the outbox, sent in the
 * background by an {@link OutboxWorker} (kicked by each request that queued one, polling every
 * second); request rate limits per client and per account (server/security/rate-limits.ts);
 * password hashing with a bounded queue (503 BUSY beyond it); one JSON log line per security
 * event.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import pg from 'pg';
import { AuthEngine } from '../src/adapter/engine/index.js';
import { OutboxWorker } from '../src/adapter/engine/outbox-worker.js';
import { Keyring } from '../src/adapter/engine/sealing.js';
import type { SecurityEvent, SecurityLog } from '../src/adapter/engine/security.js';
import { systemClock, type Clock } from '../src/core/clock.js';
import { createApp } from './http/app.js';
import {
  ConfigError,
  DEFAULT_RP_NAME,
  confirmLinkUrl,
  loadConfig,
  type ServerConfig,
} from './config.js';
import { defaultConcurrency, ScryptHasher } from './crypto/scrypt-hasher.js';
import { RateLimits, rateLimitTable, type RateLimitOverrides } from './security/rate-limits.js';
import { SqliteStore } from './store/sqlite-store.js';
import { PostgresStore } from './store/postgres/postgres-store.js';
import type { AuthStore } from '../src/adapter/engine/index.js';
import { SmtpSink } from './mail/smtp-sink.js';
import {
  ChannelSender,
  LogSmsSender,
  RecordingSmsSender,
  SmtpEmailSender,
  type LineLogger,
  type SmsSender,
  type SmtpSettings,
} from './mail/senders.js';
import { demoSite } from './demo/demo-site.js';
import { DevOutbox, devRoutes } from './demo/dev-routes.js';
import { demoKeySpecs } from './demo/demo-keys.js';
import { seedDemoDelegates, seedDemoHelpDesk, seedDemoProducer } from './demo/seed.js';

export interface StartOptions {
  /** Log lines (start-up, deliveries, shutdown). Default: console with a prefix. */
  log?: LineLogger;
  /** Time source for every rule (tests). Default: the system clock. */
  clock?: Clock;
  /** The SMS gateway. Default: the log sender (demo: the recording sender). */
  sms?: SmsSender;
  /** How long `close()` waits for requests in flight before cutting connections. Default 5 s. */
  shutdownGraceMs?: number;
  /**
   * Tests only: move the clock (a ManualClock passed as `clock`) through the API's test route
   * `POST /api/__test/advance-time`. Refused when NODE_ENV=production.
   */
  advanceTime?(ms: number): void | Promise<void>;
  /**
   * Request rate limits, overriding `RATE_LIMITS`: `false` turns them off; an object turns them
   * on with some budgets changed (requests per window, per operation and scope; tests).
   */
  rateLimits?: false | RateLimitOverrides;
  /** Where security events go. Default: one JSON line each through `log` ({@link securityLine}). */
  securityLog?: SecurityLog;
}

/** The log line of a security event: `{"ts":"<ISO>","kind":"security",…event}`. */
export function securityLine(event: SecurityEvent): string {
  return JSON.stringify({ ts: new Date().toISOString(), kind: 'security', ...event });
}

/** What the server needs of its store beyond the engine's contract. */
export type ServerStore = AuthStore & {
  /** Schema versions applied when the store opened the database. */
  readonly appliedMigrations: number[];
  /** Delete every record but the server secret (demo reset). */
  clearAll(): void | Promise<void>;
  close(): void | Promise<void>;
};

export interface RunningServer {
  /** Base URL, e.g. `http://localhost:8787/` (ends with `/`). */
  url: string;
  port: number;
  config: ServerConfig;
  engine: AuthEngine;
  store: ServerStore;
  /** The SQLite store, when DATABASE_URL is not set (null on PostgreSQL). */
  sqlite: SqliteStore | null;
  /** DEMO mode: the loopback SMTP sink (null when SMTP_HOST is set, or outside demo mode). */
  sink: SmtpSink | null;
  /** DEMO mode: every email and SMS sent. */
  outbox: DevOutbox | null;
  /** Sends what the engine queued (`worker.drain()` sends everything due now). */
  worker: OutboxWorker;
  /** The request rate limits (null when off). */
  limiter: RateLimits | null;
  hasher: ScryptHasher;
  /** Graceful shutdown (idempotent). */
  close(): Promise<void>;
}

const consoleLog: LineLogger = {
  info: (line) => console.log(`[pep-auth] ${line}`),
  warn: (line) => console.warn(`[pep-auth] ${line}`),
};

const DEMO_FROM = '"Producer Experience Portal (demo)" <no-reply@portal.localhost>';

export async function startServer(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  const cleanup: (() => void | Promise<void>)[] = [];
  const undo = async () => {
    for (const fn of cleanup.reverse()) await fn();
  };
  try {
    const sqlite = config.databaseUrl ? null : new SqliteStore({ path: config.databasePath });
    const store: ServerStore =
      sqlite ?? (await PostgresStore.open({ connectionString: config.databaseUrl! }));
    cleanup.push(() => store.close());
    const where = sqlite ? config.databasePath : 'PostgreSQL (DATABASE_URL)';
    if (store.appliedMigrations.length) {
      log.info(`database ${where}: schema migrated to v${Math.max(...store.appliedMigrations)}`);
    } else {
      log.info(`database ${where}`);
    }

    const clock = options.clock ?? systemClock;
    const hasher = new ScryptHasher(config.scrypt, defaultConcurrency(), {
      maxQueue: config.scryptMaxQueue,
      clock,
    });
    if (hasher.belowProductionCost) {
      log.warn(
        `scrypt cost N=${config.scrypt.N} r=${config.scrypt.r} p=${config.scrypt.p} is BELOW ` +
          'production (N=131072 r=8 p=1): for tests only',
      );
    }

    let sink: SmtpSink | null = null;
    let smtp: SmtpSettings | null = config.smtp;
    if (!smtp) {
      sink = new SmtpSink({ port: config.smtpSinkPort });
      const sinkPort = await sink.start();
      cleanup.push(() => sink!.close());
      log.info(`demo: SMTP sink on 127.0.0.1:${sinkPort} (no mail leaves this machine)`);
      smtp = {
        host: '127.0.0.1',
        port: sinkPort,
        secure: false,
        requireTls: false,
        rejectUnauthorized: true,
        from: DEMO_FROM,
        timeoutMs: 5000,
      };
    }
    const email = new SmtpEmailSender(smtp, log);
    cleanup.push(() => email.close());
    if (config.smtp) {
      // Say at start-up (without blocking it) whether the relay answers and accepts the login.
      const relay = `${config.smtp.host}:${config.smtp.port}`;
      email.verify().then(
        () => log.info(`smtp: relay ${relay} reachable`),
        (err: unknown) =>
          log.warn(`smtp: relay ${relay} not usable yet: ${(err as Error).message ?? err}`),
      );
    }
    const recorder = config.demo ? new RecordingSmsSender(log) : null;
    const sms = options.sms ?? recorder ?? new LogSmsSender(log);
    const outbox = config.demo && recorder ? new DevOutbox(sink, recorder) : null;

    // Typing templates and queued messages are sealed at rest (AES-256-GCM).
    // Only demo mode runs without TYPING_KEYS (loadConfig requires it otherwise): its key is kept
    // next to the SQLite database (server/demo/demo-keys.ts), or made per run on PostgreSQL.
    const keySpecs =
      config.typingKeys ?? (await demoKeySpecs(sqlite ? config.databasePath : null, log));
    const sealer = await Keyring.fromSpecs(keySpecs);
    if (config.typingKeys) {
      log.info(
        `sealing: ${keySpecs.length} key(s), current "${sealer.currentKid}"` +
          (keySpecs.length > 1 ? ' (older keys open only: `npm run admin -- reseal`)' : ''),
      );
    }

    const securityLog: SecurityLog = options.securityLog ?? ((e) => log.info(securityLine(e)));

    let limiter: RateLimits | null = null;
    const limitsOn = options.rateLimits === undefined ? config.rateLimits : !!options.rateLimits;
    if (limitsOn) {
      const table = rateLimitTable(options.rateLimits || {});
      let backend: ConstructorParameters<typeof RateLimits>[0];
      if (sqlite) {
        backend = { kind: 'sqlite', db: sqlite.db };
      } else {
        // A small pool of its own: the engine counts some requests while it holds a lock
        // transaction (a connection of the store's pool), so counting through that same pool
        // could wait for a connection that only a lock holder can free. Each count is one
        // autocommitted statement, durable at once.
        const limiterPool = new pg.Pool({
          connectionString: config.databaseUrl!,
          max: 4,
          application_name: 'pep-auth-rate-limits',
        });
        limiterPool.on('error', (err) => log.warn(`pg (rate limits): ${err.message}`));
        cleanup.push(() => limiterPool.end());
        backend = {
          kind: 'postgres',
          pool: limiterPool,
          schema: (store as PostgresStore).schema,
        };
      }
      limiter = new RateLimits(backend, { table, clock }).start();
      const l = limiter;
      cleanup.push(() => l.close());
    } else {
      log.warn(
        'RATE_LIMITS=off: login, find account, send code, verify code and forgot username are ' +
          'NOT rate-limited. For load tests only; never in production.',
      );
    }

    const sender = new ChannelSender(email, sms);
    const worker = new OutboxWorker({
      store,
      sealer,
      sender,
      clock,
      log: (line) => log.warn(line),
      securityLog,
    });

    let ownUrl = `http://localhost:${config.port}`;
    // Demo mode without WEBAUTHN_*: passkeys for the server's own URL (or PUBLIC_URL), whose
    // port is known once it listens.
    const siteUrl = () => new URL(config.publicUrl ?? ownUrl);
    const webauthn =
      config.webauthn === 'own-url'
        ? {
            rpId: siteUrl().hostname,
            rpName: DEFAULT_RP_NAME,
            origins: () => [siteUrl().origin],
          }
        : config.webauthn;
    const engine = new AuthEngine({
      store,
      hasher,
      sealer,
      securityLog,
      idleTimeout: config.idleTimeoutMinutes * 60_000,
      helpDesk: config.helpDesk,
      activityRetention: config.activityRetentionDays * 24 * 60 * 60_000,
      ...(webauthn ? { webauthn } : {}),
      onQueued: () => worker.kick(),
      ...(limiter ? { limiter } : {}),
      // The server's own URL is known once it listens (PORT=0 picks a free port).
      confirmLinkUrl: confirmLinkUrl(config, () => ownUrl),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(config.supportEmail ? { supportEmail: config.supportEmail } : {}),
      ...(config.helpDeskPhone ? { helpDeskPhone: config.helpDeskPhone } : {}),
    });
    const seedDemo = async (): Promise<string[]> => {
      const seeded: string[] = [];
      if (await seedDemoProducer(engine)) seeded.push('the demo producer "demoproducer"');
      if (config.helpDesk && (await seedDemoHelpDesk(engine))) {
        seeded.push('the demo help-desk user "helpdesk1"');
      }
      if (await seedDemoDelegates(engine)) {
        seeded.push(
          'the demo delegates "lockeddelegate" (locked) and "activedelegate" of "demoproducer2"',
        );
      }
      return seeded;
    };
    if (config.demo) {
      const seeded = await seedDemo();
      if (seeded.length) log.info(`demo: seeded ${seeded.join(' and ')}`);
    }
    if (!config.helpDesk) log.info('help desk: off (HELP_DESK=0): its routes do not exist');
    if (!webauthn) log.info('passkeys: off (no WEBAUTHN_RP_ID, or PASSKEYS=0): no passkey routes');
    else if (config.webauthn !== 'own-url') {
      log.info(`passkeys: RP ID ${webauthn.rpId}, origins ${config.webauthn!.origins.join(', ')}`);
    }

    // Messages queued before this start (or by another instance) are sent from now on; `close()`
    // stops the worker (the store closes last).
    worker.start(1_000);
    let workerStopped = false;
    cleanup.push(async () => {
      if (!workerStopped) await worker.stop();
    });

    // DEMO (and tests): the API's `/api/__test/*` routes, through which the demo signs its
    // producer in and reads the Outbox. Never outside demo mode or tests.
    const testing =
      outbox || options.advanceTime
        ? {
            // Drain first: every message queued by the calls made so far is in the list.
            ...(outbox
              ? {
                  outbox: async () => {
                    await worker.drain();
                    return outbox.messages();
                  },
                }
              : {}),
            ...(options.advanceTime ? { advanceTime: options.advanceTime } : {}),
          }
        : undefined;
    const app = new Hono();
    app.route(
      '/',
      createApp({
        engine,
        log: (entry) =>
          log.warn(
            `api ${entry.level}: ${entry.method} ${entry.path}: ${entry.message}` +
              (entry.error instanceof Error
                ? ` — ${entry.error.stack ?? entry.error.message}`
                : ''),
          ),
        trustProxy: config.trustProxy,
        allowedOrigins: config.allowedOrigins,
        helpDesk: config.helpDesk,
        ...(testing ? { testing } : {}),
      }),
    );
    if (config.demo && outbox) {
      app.route(
        '/dev',
        devRoutes({
          outbox,
          drain: () => worker.drain(),
          reset: async () => {
            // Nothing queued before the reset is sent after it.
            await worker.drain().catch(() => 0);
            await store.clearAll();
            await seedDemo();
            log.info('demo: data reset');
          },
        }),
      );
      if (!existsSync(join(config.demoDir, 'index.html'))) {
        log.warn(`demo portal not built (${config.demoDir}): run \`npm run build:demo\``);
      }
      app.route('/', demoSite(config.demoDir));
    }

    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    // Slow clients must not hold sockets forever; keep-alive a little past typical proxies.
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const host = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    ownUrl = url;

    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        const grace = options.shutdownGraceMs ?? 5000;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), grace);
        await stopped;
        clearTimeout(timer);
        // Requests are over: stop polling, then one last attempt to send what they queued
        // (bounded by the grace period; what is left is sent by the next start).
        await worker.stop();
        workerStopped = true;
        const last = worker.drain().then(
          (sent) =>
            sent ? log.info(`outbox: sent ${sent} message(s) before stopping`) : undefined,
          (err: unknown) => log.warn(`outbox: last drain failed: ${(err as Error).message ?? err}`),
        );
        let graceOver!: NodeJS.Timeout;
        const late = await Promise.race([
          last.then(() => false),
          new Promise<boolean>((resolve) => {
            graceOver = setTimeout(() => resolve(true), Math.max(grace, 1000));
          }),
        ]);
        clearTimeout(graceOver);
        if (late) {
          log.warn(
            `outbox: messages left queued at stop: ${await store.outbox.count().catch(() => '?')}`,
          );
        }
        await undo();
        log.info('stopped');
      })();
      return closing;
    };
    log.info(
      `listening on ${url}${config.demo ? ' (DEMO mode: demo portal, SMTP sink, dev routes)' : ''}`,
    );
    return {
      url,
      port,
      config,
      engine,
      store,
      sqlite,
      sink,
      outbox,
      worker,
      limiter,
      hasher,
      close,
    };
  } catch (err) {
    await undo();
    throw err;
  }
}

/** The command-line entry: configuration from the environment, shutdown on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    // `--demo` is DEMO=1 (so `npm run serve` needs no shell-specific syntax).
    const demoFlag = process.argv.slice(2).includes('--demo');
    config = loadConfig(demoFlag ? { ...process.env, DEMO: '1' } : process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[pep-auth] ${err.message}\nSee docs/server.md.`);
      process.exit(2);
    }
    throw err;
  }
  const running = await startServer(config);
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      console.error(`[pep-auth] ${signal} again: exiting now`);
      process.exit(1);
    }
    consoleLog.info(`${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[pep-auth] shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error('[pep-auth] failed to start:', err);
    process.exit(1);
  });
}
