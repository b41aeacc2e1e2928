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
 * requests in flight finish (up to `shutdownGraceMs`), then close SMTP, the sink and the database.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { AuthEngine } from '../src/adapter/engine/index.js';
import type { Clock } from '../src/core/clock.js';
import { createApp } from './http/app.js';
import { ConfigError, confirmLinkUrl, loadConfig, type ServerConfig } from './config.js';
import { ScryptHasher } from './crypto/scrypt-hasher.js';
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
import { seedDemoProducer } from './demo/seed.js';

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

    const hasher = new ScryptHasher(config.scrypt);
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

    let ownUrl = `http://localhost:${config.port}`;
    const engine = new AuthEngine({
      store,
      hasher,
      sender: new ChannelSender(email, sms),
      // The server's own URL is known once it listens (PORT=0 picks a free port).
      confirmLinkUrl: confirmLinkUrl(config, () => ownUrl),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(config.supportEmail ? { supportEmail: config.supportEmail } : {}),
      ...(config.helpDeskPhone ? { helpDeskPhone: config.helpDeskPhone } : {}),
    });
    if (config.demo && (await seedDemoProducer(engine))) {
      log.info('demo: seeded the demo producer "demoproducer"');
    }

    // DEMO (and tests): the API's `/api/__test/*` routes, through which the demo signs its
    // producer in and reads the Outbox. Never outside demo mode or tests.
    const testing =
      outbox || options.advanceTime
        ? {
            ...(outbox ? { outbox: () => outbox.messages() } : {}),
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
        ...(testing ? { testing } : {}),
      }),
    );
    if (config.demo && outbox) {
      app.route(
        '/dev',
        devRoutes({
          outbox,
          reset: async () => {
            await store.clearAll();
            await seedDemoProducer(engine);
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
        await undo();
        log.info('stopped');
      })();
      return closing;
    };
    log.info(
      `listening on ${url}${config.demo ? ' (DEMO mode: demo portal, SMTP sink, dev routes)' : ''}`,
    );
    return { url, port, config, engine, store, sqlite, sink, outbox, close };
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
