/**
 * The reference server's configuration, read from environment variables (docs/server.md lists
 * them). Every problem is collected and reported at once; nothing falls back silently to an
 * unsafe value (scrypt below production cost, SMTP without TLS to a remote host) without it
 * being visible in the start-up log.
 */
import { resolve } from 'node:path';
import {
  DEFAULT_SCRYPT_MAX_QUEUE,
  PRODUCTION_SCRYPT_COST,
  validateCost,
  type ScryptCost,
} from './crypto/scrypt-hasher.js';
import type { SmtpSettings } from './mail/senders.js';
import { Keyring, type KeySpec } from '../src/adapter/engine/sealing.js';

export interface ServerConfig {
  /** TCP port (0 = any free port). Default 8787. */
  port: number;
  /** Interface to bind. Default 127.0.0.1 (loopback only). */
  host: string;
  /** SQLite database file. Default `data/pep-auth.sqlite`. */
  databasePath: string;
  /**
   * PostgreSQL connection string: when set, the store is PostgreSQL (several instances may
   * share it) instead of the SQLite file.
   */
  databaseUrl: string | null;
  /**
   * Origin (and path) of the portal page the emailed links open, without a trailing slash.
   * Null: this server's own URL (`http://localhost:<port>`), known once it listens.
   */
  publicUrl: string | null;
  /** Appended to `publicUrl` for the Confirm Your Email Address link, before `?token=…`. */
  confirmPath: string;
  /** SMTP relay; null only in demo mode, where a loopback SMTP sink receives the mail. */
  smtp: SmtpSettings | null;
  /** scrypt cost for new password hashes. */
  scrypt: ScryptCost;
  /**
   * Demo mode (`DEMO=1`): seed the demo producer, run the loopback SMTP sink (unless SMTP_HOST
   * is set), record text messages for the Outbox panel, serve the demo portal and its dev-only
   * routes. Never in production.
   */
  demo: boolean;
  /** The built demo portal (`npm run build:demo`). */
  demoDir: string;
  /** Port of the demo's SMTP sink (0 = any free port). */
  smtpSinkPort: number;
  supportEmail: string | undefined;
  helpDeskPhone: string | undefined;
  /** Behind a reverse proxy: take scheme and host from X-Forwarded-Proto / -Host. */
  trustProxy: boolean;
  /** Other origins allowed to make state-changing API calls (exact scheme://host[:port]). */
  allowedOrigins: string[];
  /**
   * The keys that seal typing templates and queued messages at rest (`TYPING_KEYS=kid:key,…`,
   * AES-256, the first one seals, all open). Required outside demo mode; null in demo mode
   * without it: the server generates a key at start-up (so a restart cannot open what the
   * previous run sealed: demo data only).
   */
  typingKeys: KeySpec[] | null;
  /** Request rate limits (`RATE_LIMITS`, default on; off only for load tests, with a warning). */
  rateLimits: boolean;
  /** Password derivations allowed to wait (`SCRYPT_MAX_QUEUE`); beyond, 503 BUSY. */
  scryptMaxQueue: number;
  /** A session ends after this many minutes without a call (`IDLE_TIMEOUT_MINUTES`). */
  idleTimeoutMinutes: number;
  /** The help-desk operations and their routes exist (`HELP_DESK`, default on). */
  helpDesk: boolean;
  /** Activity-log entries are kept this many days (`ACTIVITY_RETENTION_DAYS`, default 365). */
  activityRetentionDays: number;
  /**
   * Passkeys (WebAuthn): the relying party (`WEBAUTHN_RP_ID`, `WEBAUTHN_ORIGINS`,
   * `WEBAUTHN_RP_NAME`); `'own-url'` in demo mode without them (the RP is the server's own URL,
   * or PUBLIC_URL); null: off (production without WEBAUTHN_RP_ID, or `PASSKEYS=0`), and the
   * passkey routes do not exist.
   */
  webauthn: WebAuthnConfig | 'own-url' | null;
}

/** A configured relying party. */
interface WebAuthnConfig {
  rpId: string;
  rpName: string;
  origins: string[];
}

/** What authenticators show when a passkey is created, unless `WEBAUTHN_RP_NAME` says. */
export const DEFAULT_RP_NAME = 'Producer Experience Portal';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Readers of environment variables that collect every problem in `problems`. */
function envReader(env: Env, problems: string[]) {
  const text = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be 1/true or 0/false (got "${raw}")`);
    return fallback;
  };
  return { text, int, flag };
}

/** SCRYPT_N / SCRYPT_R / SCRYPT_P, checked by `validateCost`. */
function scryptCost(int: ReturnType<typeof envReader>['int'], problems: string[]): ScryptCost {
  const scrypt = {
    N: int('SCRYPT_N', PRODUCTION_SCRYPT_COST.N, 2, 2 ** 24),
    r: int('SCRYPT_R', PRODUCTION_SCRYPT_COST.r, 1, 64),
    p: int('SCRYPT_P', PRODUCTION_SCRYPT_COST.p, 1, 16),
  };
  try {
    validateCost(scrypt);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return scrypt;
}

/** Read and validate the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = [];
  const { text, int, flag } = envReader(env, problems);

  const demo = flag('DEMO', false);
  const port = int('PORT', 8787, 0, 65535);
  const host = text('HOST') ?? '127.0.0.1';
  if (demo && !LOOPBACK.has(host) && !flag('DEMO_ALLOW_REMOTE', false)) {
    // Demo mode can sign anyone in and shows every code: keep it on this machine.
    problems.push(`DEMO=1 binds loopback only (HOST=${host}); set DEMO_ALLOW_REMOTE=1 to override`);
  }

  let publicUrl = text('PUBLIC_URL') ?? null;
  if (publicUrl !== null) {
    try {
      const u = new URL(publicUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      publicUrl = publicUrl.replace(/\/+$/, '');
    } catch {
      problems.push(`PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
    }
  }
  const confirmPath = text('CONFIRM_PATH') ?? '/#/delegate/verify-email';

  const scrypt = scryptCost(int, problems);

  let smtp: SmtpSettings | null = null;
  const smtpHost = text('SMTP_HOST');
  if (smtpHost) {
    const smtpPort = int('SMTP_PORT', 587, 1, 65535);
    const secure = flag('SMTP_SECURE', smtpPort === 465);
    const user = text('SMTP_USER');
    const pass = env['SMTP_PASS'];
    if (user !== undefined && (pass === undefined || pass === '')) {
      problems.push('SMTP_PASS is required with SMTP_USER');
    }
    const from = text('SMTP_FROM');
    if (!from) problems.push('SMTP_FROM is required with SMTP_HOST');
    smtp = {
      host: smtpHost,
      port: smtpPort,
      secure,
      // STARTTLS is required for any relay off this machine unless explicitly turned off.
      requireTls: flag('SMTP_REQUIRE_TLS', !LOOPBACK.has(smtpHost)),
      rejectUnauthorized: flag('SMTP_TLS_REJECT_UNAUTHORIZED', true),
      ...(user !== undefined ? { user, pass: pass ?? '' } : {}),
      from: from ?? '',
      timeoutMs: int('SMTP_TIMEOUT_MS', 10_000, 100, 120_000),
    };
  } else if (!demo) {
    problems.push('SMTP_HOST is required (or DEMO=1 to use the loopback SMTP sink)');
  }

  const typingKeys = keySpecs(text('TYPING_KEYS'), problems);
  if (!text('TYPING_KEYS') && !demo) {
    problems.push(
      'TYPING_KEYS is required (kid:key, a 32-byte base64url key; `npm run admin -- new-key` makes one)',
    );
  }

  const config: ServerConfig = {
    port,
    host,
    databasePath: resolve(text('DATABASE_PATH') ?? 'data/pep-auth.sqlite'),
    databaseUrl: postgresUrl(text('DATABASE_URL'), problems),
    publicUrl,
    confirmPath,
    smtp,
    scrypt,
    demo,
    demoDir: resolve(text('DEMO_DIR') ?? 'demo/dist'),
    smtpSinkPort: int('SMTP_SINK_PORT', 0, 0, 65535),
    supportEmail: text('SUPPORT_EMAIL'),
    helpDeskPhone: text('HELP_DESK_PHONE'),
    trustProxy: flag('TRUST_PROXY', false),
    allowedOrigins: origins(text('ALLOWED_ORIGINS'), problems),
    typingKeys,
    rateLimits: flag('RATE_LIMITS', true),
    scryptMaxQueue: int('SCRYPT_MAX_QUEUE', DEFAULT_SCRYPT_MAX_QUEUE, 0, 10_000),
    // At most the absolute session length (8 hours).
    idleTimeoutMinutes: int('IDLE_TIMEOUT_MINUTES', 30, 1, 480),
    helpDesk: flag('HELP_DESK', true),
    activityRetentionDays: int('ACTIVITY_RETENTION_DAYS', 365, 1, 3650),
    webauthn: webAuthnConfig(text, flag('PASSKEYS', true), demo, publicUrl, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * WEBAUTHN_RP_ID (a host name: the portal's domain or a parent of it), WEBAUTHN_ORIGINS (the
 * exact origins the portal is served from, each on the RP ID or a subdomain of it; https, or
 * http on localhost; default: PUBLIC_URL's origin), WEBAUTHN_RP_NAME. Off without an RP ID
 * outside demo mode; `PASSKEYS=0` turns them off anywhere.
 */
function webAuthnConfig(
  text: (name: string) => string | undefined,
  on: boolean,
  demo: boolean,
  publicUrl: string | null,
  problems: string[],
): ServerConfig['webauthn'] {
  const rawRpId = text('WEBAUTHN_RP_ID');
  const rawOrigins = text('WEBAUTHN_ORIGINS');
  const rpName = text('WEBAUTHN_RP_NAME') ?? DEFAULT_RP_NAME;
  if (!on) return null;
  if (rawRpId === undefined) {
    if (rawOrigins !== undefined) problems.push('WEBAUTHN_ORIGINS needs WEBAUTHN_RP_ID');
    return demo ? 'own-url' : null;
  }
  const rpId = rawRpId.toLowerCase();
  if (!HOSTNAME.test(rpId)) {
    problems.push(`WEBAUTHN_RP_ID must be a host name like portal.example.com (got "${rawRpId}")`);
    return null;
  }
  const listed = rawOrigins
    ? rawOrigins
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '')
    : publicUrl
      ? [new URL(publicUrl).origin]
      : [];
  if (listed.length === 0) {
    problems.push('WEBAUTHN_ORIGINS is required with WEBAUTHN_RP_ID (or set PUBLIC_URL)');
    return null;
  }
  const origins: string[] = [];
  for (const origin of listed) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {
      url = null;
    }
    const host = url?.hostname ?? '';
    const secure =
      url?.protocol === 'https:' || (url?.protocol === 'http:' && host === 'localhost');
    if (!url || url.origin !== origin || !secure) {
      problems.push(
        `WEBAUTHN_ORIGINS entries must be https origins like https://portal.example.com (got "${origin}")`,
      );
    } else if (host !== rpId && !host.endsWith(`.${rpId}`)) {
      problems.push(`WEBAUTHN_ORIGINS: ${origin} is not on WEBAUTHN_RP_ID ${rpId} or below it`);
    } else {
      origins.push(origin);
    }
  }
  return { rpId, rpName, origins };
}

/** What `npm run admin` needs: the database, the scrypt cost and the sealing keys. */
export interface AdminConfig {
  databasePath: string;
  databaseUrl: string | null;
  scrypt: ScryptCost;
  /** Null when TYPING_KEYS is not set. */
  typingKeys: KeySpec[] | null;
}

/**
 * The admin command's configuration, from the same variables as the server's (DATABASE_PATH,
 * DATABASE_URL, SCRYPT_N/R/P, TYPING_KEYS), validated the same way; no SMTP needed.
 */
export function loadAdminConfig(env: Env = process.env): AdminConfig {
  const problems: string[] = [];
  const { text, int } = envReader(env, problems);
  const scrypt = scryptCost(int, problems);
  const config: AdminConfig = {
    databasePath: resolve(text('DATABASE_PATH') ?? 'data/pep-auth.sqlite'),
    databaseUrl: postgresUrl(text('DATABASE_URL'), problems),
    scrypt,
    typingKeys: keySpecs(text('TYPING_KEYS'), problems),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const KID = /^[A-Za-z0-9_.-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `kid:key,kid:key` → key specs (null when unset). Each key must be 32 bytes of base64url and
 * each id unique; a problem names the key id, never the key.
 */
function keySpecs(value: string | undefined, problems: string[]): KeySpec[] | null {
  if (!value) return null;
  let specs: KeySpec[];
  try {
    specs = Keyring.parseSpecs(value);
  } catch {
    problems.push('TYPING_KEYS must be kid:key pairs, comma-separated (e.g. k1:<43 characters>)');
    return null;
  }
  if (specs.length === 0) {
    problems.push('TYPING_KEYS holds no key');
    return null;
  }
  const seen = new Set<string>();
  let ok = true;
  for (const { kid, key } of specs) {
    if (!KID.test(kid)) {
      problems.push(`TYPING_KEYS: key id "${kid.slice(0, 40)}" must be 1-32 of [A-Za-z0-9_.-]`);
      ok = false;
    } else if (seen.has(kid)) {
      problems.push(`TYPING_KEYS: key id "${kid}" appears twice`);
      ok = false;
    } else if (!BASE64URL.test(key) || Buffer.from(key, 'base64url').length !== 32) {
      problems.push(`TYPING_KEYS: key "${kid}" must be 32 bytes as base64url (43 characters)`);
      ok = false;
    }
    seen.add(kid);
  }
  return ok ? specs : null;
}

/** A `postgres://` / `postgresql://` URL, or null. */
function postgresUrl(value: string | undefined, problems: string[]): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
    return null;
  }
  return value;
}

/** `https://a.example, https://b.example` → exact origins; anything else is a problem. */
function origins(value: string | undefined, problems: string[]): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .filter((o) => {
      try {
        if (new URL(o).origin === o) return true;
      } catch {
        // reported below
      }
      problems.push(
        `ALLOWED_ORIGINS entries must be origins like https://portal.example (got "${o}")`,
      );
      return false;
    });
}

/**
 * The Confirm Your Email Address URL for a link token: `publicUrl` (or `ownUrl()`, the server's
 * own origin, when PUBLIC_URL is not set) + `confirmPath` + `?token=…`.
 */
export function confirmLinkUrl(
  config: Pick<ServerConfig, 'publicUrl' | 'confirmPath'>,
  ownUrl: () => string,
) {
  return (token: string): string =>
    `${config.publicUrl ?? ownUrl().replace(/\/+$/, '')}${config.confirmPath}?token=${encodeURIComponent(token)}`;
}
