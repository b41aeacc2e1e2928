/**
 * The storage-independent authentication engine: every domain rule of the product (lockout,
 * one-time codes, email links, send throttles, password policy and history, remembered devices,
 * typing-pattern failures, password flows, pending logins, sessions, who may call what) in one
 * place, over an async {@link AuthStore}. The in-memory adapter (browser) and the reference
 * server (SQLite, PostgreSQL) both run it, so the rules exist once.
 *
 * Its operations are EXACTLY the {@link AuthAdapter} operations (same names, inputs, results and
 * `AdapterError` codes) with a {@link RequestContext} first and no `CallOptions`. It uses only
 * WebCrypto (`crypto.subtle`, `crypto.getRandomValues`): no DOM, no Node-only API.
 *
 * Error conventions beyond the contract's JSDoc:
 * - A code's 5th wrong entry rejects `CODE_ATTEMPTS_EXCEEDED` (earlier ones `CODE_INVALID` with
 *   `attemptsLeft` 4…1); every later entry, right or not, also `CODE_ATTEMPTS_EXCEEDED`.
 * - A used, replaced or never-sent code rejects `CODE_EXPIRED`.
 * - The 3rd consecutive pattern failure rejects `PATTERN_MISMATCH {attemptsLeft: 0}`; from then
 *   on `PATTERN_UNAVAILABLE {reason: 'locked'}` until a code verification succeeds.
 * - On a first login (`mustEnrollPattern`), codes cannot be sent before the pattern is enrolled
 *   (`FORBIDDEN`; the options are listed with `available: false`).
 * - Who may call what ({@link AuthEngine.authorize}): Add Delegate, List Delegates and Resend
 *   Invitation need a producer session; Report an Issue any session; the help-desk operations
 *   (`unlockAccount`, `resetTypingPattern`) a help-desk session. Without a live session:
 *   `NOT_AUTHENTICATED`; with another role: `FORBIDDEN`; both decided before the input is looked
 *   at, so the answer is the same whether or not a named account exists. With
 *   `helpDesk: false` the help-desk operations reject `NOT_FOUND` for everyone. A help-desk
 *   session that names an unknown username gets `NOT_FOUND`. Every refusal is an
 *   `access.refused` security event.
 * - A typing pattern is bound to an account only by a login that passed a code:
 *   `enrollTypingPattern` seals the template into the pending login (stage `code-only`, same
 *   `pendingId`, email + SMS options only; the new pattern cannot verify that same login,
 *   `FORBIDDEN`), and `verifyAccountCode`'s success writes it to the account. An abandoned or
 *   failed login leaves the account as it was (the next login enrolls again). A remembered
 *   device is created only by a verification that succeeded. `resetTypingPattern` also revokes
 *   remembered devices, so the next login must enroll.
 * - Typing templates are stored sealed (AES-256-GCM with `options.sealer`, bound to the
 *   account: aad `typing:<accountId>`); a legacy unsealed template is still used, and stored
 *   sealed at the account's next pattern write (also when the key was rotated). A sealed
 *   template that does not open (its key id is not held, or it is damaged) never fails a
 *   request: the pattern is unavailable (option `available: false`, `verifyTypingPattern`
 *   rejects `PATTERN_UNAVAILABLE {reason: 'not-enrolled'}`), codes still work, a
 *   `pattern.unreadable` event names the reason, and the stored value is kept.
 * - Wrong passwords count per username whether or not it exists, so unknown usernames lock
 *   too and lockout reveals nothing. Locked: `ACCOUNT_LOCKED` with the same `unlocksAt` for
 *   any password (the lock is not extended). Unknown usernames (and accounts without a
 *   password) cost the same hashing work as known ones (a dummy hash).
 * - Same work, same answer: every message goes to the outbox (`store.outbox`, sealed, aad
 *   `outbox:<itemId>`), one item per request that sends, and a decoy of similar size when the
 *   account does not exist; the outbox worker sends them, so neither the relay's speed nor its
 *   failure reaches an answer. `findAccount` always derives the placeholder destinations,
 *   `checkDevice` always digests the token and reads the device, `sendCode` always reads the
 *   account row. Placeholders have the shape of a real mask (`j•••@g•••.com`, `•••-•••-0101`).
 * - Request rate limits (`options.limiter`, `RATE_LIMITED {retryAfter}`): per client address
 *   and per account (a digest of the username key, or of the email key for Forgot Username,
 *   the same whether or not an account exists), counted first in `login`, `findAccount` and
 *   `forgotUsername`, and right after the flow or pending login is read in the send and
 *   verify operations.
 * - Send throttle (`RATE_LIMITED {retryAfter}`): per account and purpose (create-password,
 *   reset-password, login codes; username reminders per email address); 30 s per destination
 *   (email or SMS), 5 sends per rolling 30 minutes in all. Unknown usernames are throttled the
 *   same.
 * - Passwords must meet the policy, including `not-common` (the common/breached password
 *   dictionary, common-passwords.ts), and not be one of the last 10.
 * - A new password revokes the account's remembered devices and ends all its sessions.
 * - A `BUSY` (or any other) rejection of the password hasher passes through unchanged.
 * - Flows (find account → set password) live 30 minutes (15 after the code is verified);
 *   pending logins 15 minutes. See {@link AUTH_LIMITS}.
 * - Sessions: each session token is its own record (a server holds many). A session start
 *   (login, verification, `admin.signIn`) ends the caller's previous session and puts the new
 *   token in `ctx.sessionToken`; logout, an expired, idle or unknown token, or a password
 *   change of the signed-in account sets it to null. A session ends 8 hours after sign-in, or
 *   after `idleTimeout` (30 minutes) without a call: the next call finds it gone
 *   (`session.idle-expired`). Each call with a live session records it (`lastSeenAt`, written
 *   at most once per 15 s).
 * - Report an Issue validates the whole report and builds its email before anything is
 *   written; any hostile value is a `VALIDATION` field, never an exception.
 * - Passkeys (WebAuthn, on with `options.webauthn`; off: the seven operations reject
 *   `NOT_FOUND` for everyone). `@simplewebauthn/server` verifies, loaded on the first passkey
 *   call. A ceremony (its challenge) is one use and 5 minutes: it is marked used (atomically,
 *   `ceremonies.markUsed`) before its response is verified, so a replay, a second answer or a
 *   late one rejects `PASSKEY_REJECTED {reason: 'expired'}`; a wrong origin or RP ID, no user
 *   verification, a bad signature, another account's user handle, or a signature counter that
 *   does not go up (logged `passkey.cloned`) rejects `{reason: 'invalid'}`; a credential that is
 *   not registered `PASSKEY_UNKNOWN`. Each account has one random WebAuthn user handle (never
 *   the username). A locked account rejects `ACCOUNT_LOCKED` (after the signature is verified,
 *   so a forged assertion learns nothing); a passkey sign-in clears nothing (failed-login
 *   counter included) and starts a session like a verified login. Managing passkeys needs a
 *   delegate or producer session (help-desk `FORBIDDEN`); another account's passkey id is
 *   `NOT_FOUND`. Sign-in is rate-limited like login (`passkey-options` per client,
 *   `passkey-sign-in` per client and per credential id).
 * - Security events (`options.securityLog`, security.ts) for every sign-in, lock, unlock,
 *   password change, code sent, verification, pattern enrollment, reset or unreadable
 *   template, remembered device, session end, rate limit, refused access and passkey
 *   (registered, renamed, deleted, signed in, rejected, cloned): never a secret (nor a
 *   challenge response or key), never a full email or phone; `username` only for an account
 *   that exists.
 *
 * - Delegate administration (issue 22): the Help Desk (`searchDelegates`, `getDelegateDetail`,
 *   `listDelegateActivity`, `helpDeskAction` with a 3–500 character reason) and a producer for
 *   its OWN delegates (`setDelegateActive`, `unlockDelegate`; another producer's delegate is
 *   `NOT_FOUND`, as a missing id). A deactivated account (`deactivatedAt`) does not exist for
 *   the public operations (Find Account, codes, Set Password, Forgot Username, pending logins,
 *   remembered devices, sessions); `login` with the RIGHT password rejects
 *   `ACCOUNT_DEACTIVATED`. Deactivation ends its sessions, forgets its devices and deletes its
 *   passkeys. Unlock, reset-pattern, deactivate and reactivate email the account.
 * - Activity log (`store.activity`): security events of existing accounts become entries
 *   (`activityOf`), written without waiting (reads by this engine wait for its own writes),
 *   never a secret; kept `activityRetention` (default one year), purged by the expiry sweep.
 *
 * Concurrency: see store.ts. Every read-modify-write runs under `store.withLock` (lock order
 * flow | pending | passkey → account → guard → throttle); messages are enqueued after the
 * locks are released.
 */
import { SAMPLE_TEXTS, defaultTypingMatcher } from '../../core/typing/matcher.js';
import { isLanguage, type Language } from '../../core/language.js';
import type { TypingMatcher, TypingTemplate } from '../../core/typing/types.js';
import { systemClock, type Clock, DAY, HOUR, MINUTE, SECOND } from '../../core/clock.js';
import {
  fromBase64Url,
  matchesSaltedDigest,
  saltedDigest,
  sha256,
  toBase64Url,
  tokenDigest,
} from '../../core/hash.js';
import { validateIssueReport } from '../../core/issue-report.js';
import { loadCommonPasswordCheck } from '../../core/common-passwords.js';
import { maskEmail, maskPhone, placeholderEmail, placeholderPhone } from '../../core/mask.js';
import { generateOtp, isOtpShaped, randomToken } from '../../core/otp.js';
import { failedPasswordRules, PASSWORD_HISTORY_SIZE } from '../../core/password-policy.js';
import {
  normalizeCode,
  normalizeEmail,
  normalizeName,
  normalizeUsMobile,
  usernameKey,
  validateDelegateInput,
  validateEmail,
  validateMobile,
  validateName,
  validateUsername,
  type FieldReason,
} from '../../core/validation.js';
import { AdapterError, adapterError } from '../errors.js';
import type * as SimpleWebAuthn from '@simplewebauthn/server';
import {
  STATE_CODES,
  type ActivityEntry,
  type ActivityMethod,
  type ActivityPage,
  type ActivityQuery,
  type ActivityType,
  type DelegateDetail,
  type HelpDeskActionName,
  type AuthAdapter,
  type AuthenticationResponseJSON,
  type Passkey,
  type PasskeyChallenge,
  type PasskeyRegistration,
  type RegistrationResponseJSON,
  type Capabilities,
  type Channel,
  type CodeSent,
  type DelegateInput,
  type DelegateSummary,
  type DeviceToken,
  type EmailConfirmation,
  type IssueReport,
  type IssueTicket,
  type LoginResult,
  type PasswordFlow,
  type PasswordFlowPurpose,
  type PendingLogin,
  type Role,
  type Session,
  type StateCode,
  type TypingSample,
  type UserProfile,
  type VerificationOption,
  type VerifiedLogin,
} from '../types.js';
import { Pbkdf2Hasher, type PasswordHasher } from './hasher.js';
import { enqueueMessage, queuedSize, type QueuedMessage } from './outbox-worker.js';
import { isSealedValue, isUnknownKeyError, type Sealer, type SealedValue } from './sealing.js';
import type {
  LimitedOperation,
  RequestLimiter,
  SecurityEvent,
  SecurityEventType,
  SecurityLog,
} from './security.js';
import {
  accountNoticeMessage,
  codeMessage,
  invitationMessage,
  issueReportMessage,
  passwordChangedMessage,
  usernameReminderMessage,
  type NoticeActor,
  type OutgoingMessage,
} from './messages.js';
import type {
  AccountPatch,
  AccountRecord,
  ActivityCursor,
  ActivityRecord,
  AuthStore,
  CeremonyPurpose,
  CeremonyRecord,
  CodeRecord,
  FlowRecord,
  LoginGuard,
  PasskeyRecord,
  PendingRecord,
  SessionRecord,
  StoredPassword,
} from './store.js';

/** Every limit the engine enforces (issue 3), in one place. */
export const AUTH_LIMITS = {
  /** One-time code validity. */
  codeTtl: 10 * MINUTE,
  /** Wrong entries that void a code (the next guess fails even if right). */
  codeMaxFailures: 5,
  /**
   * Send throttle, per account and purpose (create-password codes, reset-password codes, login
   * codes; username reminders per email address): at most one send per this interval to each
   * destination (channel)…
   */
  sendInterval: 30 * SECOND,
  /** …and at most `sendsPerWindow` sends per rolling `sendWindow` over all channels. */
  sendsPerWindow: 5,
  sendWindow: 30 * MINUTE,
  /** Email link validity (or until used once). */
  linkTtl: 7 * DAY,
  /** The failure that locks: the 5th consecutive wrong password. */
  loginMaxFailures: 5,
  lockDuration: 30 * MINUTE,
  /** Consecutive pattern failures that disable the pattern until a code verification succeeds. */
  patternMaxFailures: 3,
  deviceTtl: 30 * DAY,
  /** A password flow (find account → code → new password). */
  flowTtl: 30 * MINUTE,
  /** A pending login (password accepted, verification outstanding). */
  pendingTtl: 15 * MINUTE,
  /** A session's absolute life. */
  sessionTtl: 8 * HOUR,
  /** A session ends after this long without a call (the engine's `idleTimeout` default). */
  sessionIdle: 30 * MINUTE,
  /** A call with a session records it (`lastSeenAt`) when the last record is this old. */
  sessionTouch: 15 * SECOND,
  /** A WebAuthn ceremony (its challenge) is void this long after it started, or once used. */
  passkeyCeremonyTtl: 5 * MINUTE,
  /** A passkey name: 1–64 characters after trimming. */
  passkeyNameMax: 64,
} as const;

export type AuthLimits = typeof AUTH_LIMITS;

export const DEFAULT_SUPPORT_EMAIL = 'ProducerExperiencePortal@example.com';
export const DEFAULT_HELP_DESK_PHONE = '1-888-706-0583';

/**
 * Per-request context. The engine reads the caller's session token and REPLACES it when a
 * session starts (login/verify/signIn) or ends (logout, password change, expiry): the transport
 * (the MemoryAdapter's own field, or the server's HttpOnly cookie) persists `ctx.sessionToken`
 * after the call, whether the call resolved or rejected (e.g. `reportIssue` with an expired
 * session clears the token and rejects NOT_AUTHENTICATED). The token is an opaque high-entropy
 * string (base64url, 43 characters); the store only sees its SHA-256.
 */
export interface RequestContext {
  sessionToken: string | null;
  /**
   * The client's network address as the transport saw it (the server's socket peer, or the
   * first `X-Forwarded-For` hop behind a trusted proxy); rate limits and the security log use
   * it. Null or absent when unknown (the in-memory adapter).
   */
  clientAddress?: string | null;
}

export interface AuthEngineOptions {
  /** Persistence (see store.ts). */
  store: AuthStore;
  /** Password hashing. Default: PBKDF2-SHA256, 210 000 iterations (WebCrypto). */
  hasher?: PasswordHasher;
  /** Time source for every rule; tests pass a `ManualClock`. Default: `Date.now`. */
  clock?: Clock;
  /** Typing-pattern matcher. Default: `defaultTypingMatcher`. */
  matcher?: TypingMatcher;
  /** The English sentence typed for the pattern. Default: `DEFAULT_SAMPLE_TEXT`. */
  sampleText?: string;
  /**
   * The sentence of each language (`sampleText` wins for English). Default: `SAMPLE_TEXTS`.
   * Enrollment types the login's language (else the delegate's); verification always types
   * the sentence the template was enrolled on.
   */
  sampleTexts?: Partial<Record<Language, string>>;
  /**
   * Find Account reveals whether a username exists (`NOT_FOUND`) instead of answering every
   * username with the same shape. Default false (issue 3, rule 9).
   */
  revealAccounts?: boolean;
  /** The *Confirm Your Email Address* URL for a link token. */
  confirmLinkUrl: (token: string) => string;
  /** Where Report an Issue emails go. Default {@link DEFAULT_SUPPORT_EMAIL}. */
  supportEmail?: string;
  /** The Internet Help Desk number quoted in emails. Default {@link DEFAULT_HELP_DESK_PHONE}. */
  helpDeskPhone?: string;
  /**
   * Seals typing templates and queued messages at rest (AES-256-GCM, see sealing.ts). The
   * reference server builds it from `TYPING_KEYS`; the in-memory adapter keeps a generated key
   * with its state.
   */
  sealer: Sealer;
  /** Request rate limits per client address and per account (security.ts). Default: none. */
  limiter?: RequestLimiter;
  /** Where security events go (security.ts). Default: nowhere. */
  securityLog?: SecurityLog;
  /** A session ends after this long without a call (ms). Default 30 minutes. */
  idleTimeout?: number;
  /**
   * The help-desk operations (unlock, reset typing pattern) exist. Default true; false refuses
   * them to everyone (`NOT_FOUND`), as if they did not exist.
   */
  helpDesk?: boolean;
  /**
   * Called after a request enqueued messages (outbox-worker.ts), so a worker can send them now
   * instead of at its next poll. Never awaited.
   */
  onQueued?: () => void;
  /**
   * The domains a placeholder email (Find Account for a username that does not exist) is drawn
   * from. Default {@link DEFAULT_PLACEHOLDER_DOMAINS}: the common webmail domains.
   */
  placeholderDomains?: readonly string[];
  /**
   * Passkeys (WebAuthn) are on, for this relying party. Absent: the seven passkey operations
   * reject `NOT_FOUND` for everyone, as if they did not exist.
   */
  webauthn?: WebAuthnOptions;
  /**
   * How long activity-log entries are kept (ms). Default {@link DEFAULT_ACTIVITY_RETENTION}
   * (one year). Older entries are deleted by the expiry sweep (at most once a minute of clock
   * time) and never listed.
   */
  activityRetention?: number;
}

/** Activity-log entries are kept one year unless `activityRetention` says otherwise. */
export const DEFAULT_ACTIVITY_RETENTION = 365 * DAY;

/** What a help-desk action may be (`helpDeskAction`). */
export const HELP_DESK_ACTIONS: readonly HelpDeskActionName[] = [
  'unlock',
  'reset-pattern',
  'forget-devices',
  'resend-invitation',
  'deactivate',
  'reactivate',
];

/** A help-desk action's reason: 3–500 characters after trim. */
export const ACTION_REASON_LIMITS = { min: 3, max: 500 } as const;

/** Search results of `searchDelegates`, at most. */
const SEARCH_LIMIT = 20;

/** Who did something to an account (not the account itself), with their reason. */
interface ActingAccount {
  account: AccountRecord;
  reason: string | null;
}

/**
 * How long an activity entry waits before it is written: after the answer has gone, never in it
 * (see `AuthEngine.activity`).
 */
const ACTIVITY_WRITE_DELAY = 20;

/** The activity entry a security event makes (null: not an activity of the account's own). */
function activityOf(
  type: SecurityEventType,
  extra: Pick<SecurityEvent, 'reason' | 'method'>,
): { type: ActivityType; method: ActivityMethod | null; outcome: 'success' | 'failure' } | null {
  const ok = (t: ActivityType, method: ActivityMethod | null = null) => ({
    type: t,
    method,
    outcome: 'success' as const,
  });
  const channelOrPattern = (m: unknown): ActivityMethod | null =>
    m === 'email' || m === 'sms' || m === 'pattern' ? m : null;
  switch (type) {
    case 'login.succeeded':
      return extra.reason === 'remembered-device' ? ok('sign-in', 'device') : null;
    case 'login.failed':
      return { type: 'sign-in-failed', method: null, outcome: 'failure' };
    case 'login.refused-locked':
      return {
        type: 'sign-in-failed',
        method: extra.reason === 'passkey' ? 'passkey' : null,
        outcome: 'failure',
      };
    case 'account.locked':
      return ok('locked');
    case 'account.unlocked':
      return ok('unlocked');
    case 'account.deactivated':
      return ok('deactivated');
    case 'account.reactivated':
      return ok('reactivated');
    case 'devices.forgotten':
      return ok('devices-forgotten');
    case 'invitation.resent':
      return ok('invitation-resent');
    case 'password.changed':
      return ok(extra.reason === 'create' ? 'password-created' : 'password-changed');
    case 'code.sent':
      return ok('code-sent', channelOrPattern(extra.method));
    case 'verification.succeeded':
      return ok('verification-passed', channelOrPattern(extra.method));
    case 'verification.failed':
      return {
        type: 'verification-failed',
        method: channelOrPattern(extra.method),
        outcome: 'failure',
      };
    case 'pattern.enrolled':
      return ok('pattern-enrolled', 'pattern');
    case 'pattern.reset':
      return ok('pattern-reset', 'pattern');
    case 'device.remembered':
      return ok('device-remembered', 'device');
    case 'passkey.registered':
      return ok('passkey-added', 'passkey');
    case 'passkey.deleted':
      return ok('passkey-removed', 'passkey');
    case 'passkey.signed-in':
      return ok('sign-in', 'passkey');
    default:
      return null;
  }
}

/** The account unless it is deactivated (then, to every public operation, it does not exist). */
function live(account: AccountRecord | null): AccountRecord | null {
  return account && !account.deactivatedAt ? account : null;
}

/** An activity cursor as the client holds it (`<at>.<id>`), or null when malformed. */
function parseCursor(raw: unknown): ActivityCursor | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(raw);
  return m ? { at: Number(m[1]), id: m[2]! } : null;
}

/** The relying party passkeys are made for and checked against. */
export interface WebAuthnOptions {
  /** The RP ID: the site's registrable domain or a parent of it (`portal.example.com`). */
  rpId: string;
  /** Shown by the authenticator when a passkey is created (`Producer Experience Portal`). */
  rpName: string;
  /**
   * Every origin the portal is served from (`https://portal.example.com`); exact matches. A
   * function is read at each verification (a server that learns its own URL once it listens).
   */
  origins: readonly string[] | (() => readonly string[]);
}

/** The signature algorithms a passkey may use: ES256 (-7) and RS256 (-257). */
export const PASSKEY_ALGORITHMS: readonly number[] = [-7, -257];

const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

type WebAuthnLib = typeof SimpleWebAuthn;
let webAuthnLib: Promise<WebAuthnLib> | null = null;

/**
 * `@simplewebauthn/server`, loaded on the first passkey operation only (a large module the
 * in-memory adapter's bundle fetches only when passkeys are used). A failed load is retried.
 */
function loadWebAuthn(): Promise<WebAuthnLib> {
  if (!webAuthnLib) {
    const pending = import('@simplewebauthn/server');
    webAuthnLib = pending;
    pending.catch(() => {
      if (webAuthnLib === pending) webAuthnLib = null;
    });
  }
  return webAuthnLib;
}

/** A passkey as the contract shows it (never the key or the counter). */
function passkeyView(p: PasskeyRecord): Passkey {
  return { id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt };
}

/** The name of a passkey (1–64 characters after trim, no control characters), or VALIDATION. */
function passkeyName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  let reason: FieldReason | null = null;
  if (name === '') reason = 'required';
  else if ([...name].length > AUTH_LIMITS.passkeyNameMax) reason = 'too-long';
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) reason = 'invalid-characters';
  if (reason) throw validation({ name: reason });
  return name;
}

/** The short, public form of a credential id in security events. */
const passkeyTag = (id: string): string => id.slice(0, 8);

function cleanTransports(raw: unknown): string[] {
  return Array.isArray(raw)
    ? raw.filter((t): t is string => typeof t === 'string' && TRANSPORTS.has(t))
    : [];
}

/** Common webmail domains: where placeholder destinations of unknown usernames seem to point. */
export const DEFAULT_PLACEHOLDER_DOMAINS: readonly string[] = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
  'aol.com',
  'comcast.net',
];

/** Who may call an operation ({@link AuthEngine.authorize}). */
export type Access = 'session' | 'producer' | 'help-desk';

/**
 * What `admin.createProducer` needs: a delegate record's fields (`mobile` in any common US
 * format, stored E.164), a password that meets the policy, and the producer id.
 */
export interface ProducerInput extends DelegateInput {
  password: string;
  producerId: string;
}

/**
 * What `admin.createHelpDeskUser` needs: an Internet Help Desk staff member (role `help-desk`,
 * no producer, no states). The fields are validated like a producer's; the password must meet
 * the policy. `mobile`: any common US format; stored E.164.
 */
export interface StaffInput extends Omit<DelegateInput, 'states'> {
  password: string;
}

/** What `admin.createDelegate` needs: Add Delegate's fields plus the producer's username. */
export interface DelegateSeed extends DelegateInput {
  producer: string;
  password?: string;
  typingSamples?: TypingSample[];
}

/** Back-office operations (seeding, tests, a host whose producer login lives elsewhere). */
export interface AuthEngineAdmin {
  /** Create a producer account (active, email confirmed). Rejects USERNAME_TAKEN / VALIDATION / PASSWORD_POLICY. */
  createProducer(input: ProducerInput): Promise<UserProfile>;
  /**
   * Create a delegate of `producer` directly, sending nothing: with `password` it is active
   * (email confirmed), with `typingSamples` (3 attempts at `sampleText`) its pattern is already
   * enrolled. Rejects NOT_FOUND (producer), VALIDATION, USERNAME_TAKEN, PASSWORD_POLICY,
   * PATTERN_INVALID_SAMPLES.
   */
  createDelegate(input: DelegateSeed): Promise<DelegateSummary>;
  /**
   * Create a help-desk user (role `help-desk`, active, email confirmed): the only way such an
   * account comes to exist. It signs in like anyone (password, pattern enrollment, codes).
   * Rejects USERNAME_TAKEN / VALIDATION / PASSWORD_POLICY.
   */
  createHelpDeskUser(input: StaffInput): Promise<UserProfile>;
  /** Start a session for `username` without a password (into `ctx`). Rejects NOT_FOUND. */
  signIn(ctx: RequestContext, username: string): Promise<Session>;
  /**
   * Lock `username` as 5 wrong passwords would (for `lockDuration`), recorded in its activity
   * as a lock by the system; no security event (seeding a demo). Rejects NOT_FOUND.
   */
  lockAccount(username: string): Promise<void>;
  /** True when an account with this username exists (case-insensitive). */
  hasAccount(username: string): Promise<boolean>;
}

/** An adapter method as an engine method: the context first, the input second, no options. */
export type EngineMethod<F> = F extends (...args: infer A) => infer R
  ? A extends [infer I, ...unknown[]]
    ? (ctx: RequestContext, input: I) => R
    : (ctx: RequestContext) => R
  : never;

/** Every {@link AuthAdapter} operation as the engine offers it. */
export type AuthEngineOperations = { [K in keyof AuthAdapter]: EngineMethod<AuthAdapter[K]> };

/** Least clock time between two expiry sweeps of one engine. */
const PRUNE_INTERVAL = 60_000;

const CAPABILITIES: Record<Role, Capabilities> = {
  delegate: {
    quote: true,
    onExchangeEnrollmentSso: false,
    medicareQuotingSso: false,
    manageDelegates: false,
    helpDesk: false,
  },
  producer: {
    quote: true,
    onExchangeEnrollmentSso: true,
    medicareQuotingSso: true,
    manageDelegates: true,
    helpDesk: false,
  },
  'help-desk': {
    quote: false,
    onExchangeEnrollmentSso: false,
    medicareQuotingSso: false,
    manageDelegates: false,
    helpDesk: true,
  },
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Add Delegate input with every field forced to its declared type (hostile callers). */
function cleanDelegateInput(input: DelegateInput): DelegateInput {
  return {
    username: str(input?.username),
    email: str(input?.email),
    firstName: str(input?.firstName),
    lastName: str(input?.lastName),
    mobile: str(input?.mobile),
    states: Array.isArray(input?.states)
      ? (input.states.filter((x) => typeof x === 'string') as StateCode[])
      : [],
    // Kept as sent (validateDelegateInput refuses anything but `en` / `es`).
    ...(input?.language !== undefined ? { language: input.language } : {}),
  };
}

function validation(fields: Record<string, FieldReason>): AdapterError<'VALIDATION'> {
  return adapterError('VALIDATION', { fields });
}

function isChannel(value: unknown): value is Channel {
  return value === 'email' || value === 'sms';
}

/** The input object of a call, or an empty one for a hostile `null` / non-object. */
function inputOf<T extends object>(input: T | null | undefined): Partial<T> {
  return typeof input === 'object' && input !== null ? input : {};
}

/** A result plus what to enqueue once the locks are released (one item per request). */
interface WithMail<T> {
  value: T;
  mail: QueuedMessage;
}

/**
 * Stands in for the person of a message that will not be sent (an unknown username or email):
 * a decoy is as large as the message built for it, with typical field lengths.
 */
const STAND_IN = {
  firstName: 'Alexandra',
  lastName: 'Montgomery',
  username: 'amontgomery01',
  email: 'alexandra.montgomery@example.com',
  mobile: '+13125550100',
} as const;

/** The typing-template aad: a sealed template opens only for its own account. */
const typingAad = (accountId: string): string => `typing:${accountId}`;

/**
 * A Report an Issue input with every field forced to its declared type, read from the input's
 * own properties only (hostile callers: inherited or prototype values are ignored).
 */
function cleanIssueReport(raw: IssueReport): IssueReport {
  const input: object = inputOf<IssueReport>(raw);
  const own = (key: string): unknown =>
    Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
  const out: IssueReport = {
    description: str(own('description')),
    stepsTaken: str(own('stepsTaken')),
    agentName: str(own('agentName')),
    producerId: str(own('producerId')),
    productType: str(own('productType')) as IssueReport['productType'],
    state: str(own('state')) as IssueReport['state'],
    observedAt: str(own('observedAt')),
  };
  const clientName = own('clientName');
  if (clientName !== undefined && clientName !== null) out.clientName = str(clientName);
  const shot = own('screenshot');
  if (shot !== undefined && shot !== null) {
    const s: object = typeof shot === 'object' ? shot : {};
    const field = (key: string): unknown =>
      Object.hasOwn(s, key) ? (s as Record<string, unknown>)[key] : undefined;
    const size = field('size');
    out.screenshot = {
      name: str(field('name')),
      type: str(field('type')),
      size: typeof size === 'number' ? size : Number.NaN,
    };
  }
  return out;
}

/**
 * The authentication engine. See the module comment. One instance serves any number of
 * concurrent requests against one store.
 */
export class AuthEngine implements AuthEngineOperations {
  readonly limits: AuthLimits = AUTH_LIMITS;
  readonly store: AuthStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly matcher: TypingMatcher;
  /** The English sentence (`sampleTexts.en`). */
  readonly sampleText: string;
  /** The sentence of each language. */
  readonly sampleTexts: Readonly<Record<Language, string>>;
  readonly revealAccounts: boolean;
  readonly supportEmail: string;
  readonly helpDeskPhone: string;
  /** A session ends after this long without a call (ms). */
  readonly idleTimeout: number;
  /** Whether the help-desk operations exist. */
  readonly helpDesk: boolean;
  readonly placeholderDomains: readonly string[];
  /** The relying party of passkeys; null when passkeys are off. */
  readonly webauthn: Readonly<WebAuthnOptions> | null;
  private readonly sealer: Sealer;
  private readonly limiter: RequestLimiter | null;
  private readonly securityLog: SecurityLog | null;
  private readonly onQueued: (() => void) | null;
  private readonly confirmLinkUrl: (token: string) => string;
  private dummyHash: Promise<StoredPassword> | null = null;
  /** Clock time of the last expiry sweep (see {@link pruneExpired}). */
  private lastPrune = Number.NEGATIVE_INFINITY;
  /** How long activity entries are kept (ms). */
  readonly activityRetention: number;
  /** Activity writes not yet settled: a read of the log waits for them (read your writes). */
  private readonly activityWrites = new Set<Promise<void>>();
  /** Orders this engine's activity entries of one millisecond (the id's sortable prefix). */
  private activitySeq = 0;

  /** Back-office operations; not part of the adapter contract. */
  readonly admin: AuthEngineAdmin;

  constructor(options: AuthEngineOptions) {
    this.store = options.store;
    this.hasher = options.hasher ?? new Pbkdf2Hasher();
    this.clock = options.clock ?? systemClock;
    this.matcher = options.matcher ?? defaultTypingMatcher;
    this.sampleTexts = {
      ...SAMPLE_TEXTS,
      ...options.sampleTexts,
      ...(options.sampleText !== undefined ? { en: options.sampleText } : {}),
    };
    this.sampleText = this.sampleTexts.en;
    this.revealAccounts = options.revealAccounts ?? false;
    this.confirmLinkUrl = options.confirmLinkUrl;
    this.supportEmail = options.supportEmail ?? DEFAULT_SUPPORT_EMAIL;
    this.helpDeskPhone = options.helpDeskPhone ?? DEFAULT_HELP_DESK_PHONE;
    this.idleTimeout = options.idleTimeout ?? AUTH_LIMITS.sessionIdle;
    if (!(this.idleTimeout > 0)) throw new RangeError('idleTimeout must be a positive number');
    this.helpDesk = options.helpDesk ?? true;
    this.activityRetention = options.activityRetention ?? DEFAULT_ACTIVITY_RETENTION;
    if (!(this.activityRetention > 0)) {
      throw new RangeError('activityRetention must be a positive number');
    }
    const domains = options.placeholderDomains ?? DEFAULT_PLACEHOLDER_DOMAINS;
    if (domains.length === 0) throw new RangeError('placeholderDomains must not be empty');
    this.placeholderDomains = [...domains];
    const rp = options.webauthn;
    if (rp && (!rp.rpId || !rp.rpName || (Array.isArray(rp.origins) && !rp.origins.length))) {
      throw new RangeError('webauthn needs an rpId, an rpName and at least one origin');
    }
    this.webauthn = rp
      ? {
          rpId: rp.rpId,
          rpName: rp.rpName,
          origins: typeof rp.origins === 'function' ? rp.origins : [...rp.origins],
        }
      : null;
    this.sealer = options.sealer;
    this.limiter = options.limiter ?? null;
    this.securityLog = options.securityLog ?? null;
    this.onQueued = options.onQueued ?? null;
    // Ready before the first login, so even that one costs what a known user's costs.
    void this.getDummyHash().catch(() => undefined);
    this.admin = {
      createProducer: (input) => this.createProducer(input),
      createDelegate: (input) => this.createDelegate(input),
      createHelpDeskUser: (input) => this.createHelpDeskUser(input),
      signIn: (ctx, username) => this.signIn(ctx, username),
      lockAccount: (username) => this.lockAccount(username),
      hasAccount: async (username) =>
        (await this.store.accounts.getByUsername(usernameKey(String(username ?? '')))) !== null,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Authority
  // -------------------------------------------------------------------------------------------

  /**
   * Check that the caller may call an operation of the given access (see the module comment)
   * and record the session's use: `session` any signed-in user, `producer` a producer,
   * `help-desk` Internet Help Desk staff. Rejects NOT_AUTHENTICATED (no live session: the
   * token is cleared from `ctx`), FORBIDDEN (another role), NOT_FOUND (`help-desk` while the
   * help-desk operations are off), and emits `access.refused`. A transport calls it before it
   * reads a request body; the operations check the same themselves. `operation` names the
   * operation in the security event (default: the access).
   */
  async authorize(ctx: RequestContext, access: Access, operation?: string): Promise<void> {
    await this.requireAccess(ctx, access, operation ?? access);
  }

  // -------------------------------------------------------------------------------------------
  // Delegates
  // -------------------------------------------------------------------------------------------

  async addDelegate(ctx: RequestContext, input: DelegateInput): Promise<DelegateSummary> {
    const producer = await this.requireAccess(ctx, 'producer', 'add-delegate');
    const account = await this.newDelegate(producer, input);
    if (!(await this.store.accounts.create(account))) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    const mail = await this.store.withLock(`account:${account.id}`, () =>
      this.issueLink(account, producer),
    );
    await this.enqueue({ kind: 'message', message: mail });
    return this.summary(account);
  }

  async listDelegates(ctx: RequestContext): Promise<DelegateSummary[]> {
    const producer = await this.requireAccess(ctx, 'producer', 'list-delegates');
    const mine = await this.store.accounts.listDelegates(producer.id);
    const out: DelegateSummary[] = [];
    for (const a of mine) out.push(await this.summary(a));
    return out;
  }

  async resendInvitation(ctx: RequestContext, input: { delegateId: string }): Promise<void> {
    const producer = await this.requireAccess(ctx, 'producer', 'resend-invitation');
    const id = inputOf(input).delegateId;
    const account = typeof id === 'string' ? await this.store.accounts.get(id) : null;
    if (!account || account.role !== 'delegate' || account.producerAccountId !== producer.id) {
      throw adapterError('NOT_FOUND');
    }
    // A deactivated delegate receives nothing until reactivated.
    if (account.deactivatedAt) throw adapterError('FORBIDDEN');
    const mail = await this.store.withLock(`account:${account.id}`, () =>
      this.issueLink(account, producer),
    );
    await this.enqueue({ kind: 'message', message: mail });
  }

  async confirmEmail(_ctx: RequestContext, input: { token: string }): Promise<EmailConfirmation> {
    const digest = await tokenDigest(String(inputOf(input).token ?? ''));
    const found = await this.store.links.get(digest);
    const owner = found ? await this.store.accounts.get(found.accountId) : null;
    if (!found || !owner) throw adapterError('LINK_INVALID');
    // Links of one account change only under its lock: a link cannot be used twice.
    return this.store.withLock(`account:${owner.id}`, async () => {
      const link = await this.store.links.get(digest);
      const account = link ? await this.store.accounts.get(link.accountId) : null;
      if (!link || !account) throw adapterError('LINK_INVALID');
      if (link.usedAt !== null) throw adapterError('LINK_USED');
      if (link.voided || this.now() >= link.expiresAt) throw adapterError('LINK_EXPIRED');
      await this.store.links.update(digest, { usedAt: this.now() });
      await this.store.accounts.update(account.id, { emailConfirmed: true });
      return { username: account.username };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Create / forgot password
  // -------------------------------------------------------------------------------------------

  async findAccount(
    ctx: RequestContext,
    input: { username: string; purpose: PasswordFlowPurpose },
  ): Promise<PasswordFlow> {
    const { username: rawUsername, purpose: rawPurpose } = inputOf(input);
    const username = String(rawUsername ?? '');
    const key = usernameKey(username);
    const limitKey = await this.accountLimitKey(key);
    await this.limit(ctx, 'find-account', limitKey, null);
    const reason = validateUsername(username);
    if (reason) throw validation({ username: reason });
    const purpose: PasswordFlowPurpose = rawPurpose === 'create' ? 'create' : 'reset';
    await this.pruneExpired();
    // A deactivated account is answered exactly as a missing one (no code, no hint).
    const account = live(await this.store.accounts.getByUsername(key));
    // Derived whether or not the account exists: the same work either way.
    const placeholder = await this.placeholder(key);
    if (!account && this.revealAccounts) throw adapterError('NOT_FOUND');
    const masked = account ? this.masked(account) : placeholder;
    const flowId = randomToken(32);
    await this.store.flows.create({
      digest: await tokenDigest(flowId),
      purpose,
      accountId: account?.id ?? null,
      // The account's limit key: the send throttle and the request limits derive from it.
      throttleKey: limitKey ?? '',
      masked,
      expiresAt: this.now() + AUTH_LIMITS.flowTtl,
      code: null,
      verified: false,
    });
    return {
      flowId,
      destinations: [
        { channel: 'email', masked: masked.email },
        { channel: 'sms', masked: masked.sms },
      ],
    };
  }

  async sendCode(
    ctx: RequestContext,
    input: { flowId: string; channel: Channel },
  ): Promise<CodeSent> {
    const { flowId, channel } = inputOf(input);
    const digest = await this.flowDigest(flowId);
    const { value, mail } = await this.store.withLock(
      `flow:${digest}`,
      async (): Promise<WithMail<CodeSent>> => {
        const flow = await this.flowByDigest(digest);
        // Read the account row even for an unknown username (no id matches ''): same work.
        const account = live(await this.store.accounts.get(flow.accountId ?? ''));
        await this.limit(ctx, 'send-code', flow.throttleKey || null, account);
        if (!isChannel(channel)) throw validation({ channel: 'required' });
        const { resendAvailableAt } = await this.throttle(
          ctx,
          await tokenDigest(`flow:${flow.purpose}:${flow.throttleKey}`),
          channel,
          account,
        );
        const { code, record } = await this.newCode(channel);
        await this.store.flows.update(digest, { code: record, verified: false });
        const message = codeMessage(account ?? STAND_IN, channel, code, this.helpDeskPhone);
        if (account) {
          this.log('code.sent', ctx, account, {
            method: channel,
            destination: flow.masked[channel],
            reason: `${flow.purpose}-password`,
          });
        }
        return {
          value: {
            channel,
            masked: flow.masked[channel],
            expiresAt: record.expiresAt,
            resendAvailableAt,
          },
          // An unknown username gets the same answer, and a decoy goes to the outbox.
          mail: account
            ? { kind: 'message', message }
            : { kind: 'decoy', size: queuedSize(message) },
        };
      },
    );
    await this.enqueue(mail);
    return value;
  }

  async verifyCode(ctx: RequestContext, input: { flowId: string; code: string }): Promise<void> {
    const { flowId, code } = inputOf(input);
    const digest = await this.flowDigest(flowId);
    await this.store.withLock(`flow:${digest}`, async () => {
      const flow = await this.flowByDigest(digest);
      const account = live(await this.store.accounts.get(flow.accountId ?? ''));
      await this.limit(ctx, 'verify-code', flow.throttleKey || null, account);
      await this.verifiedCode(ctx, account, flow.code, code, (c) =>
        this.store.flows.update(digest, { code: c }),
      );
      await this.store.flows.update(digest, {
        verified: true,
        expiresAt: Math.min(flow.expiresAt, this.now() + AUTH_LIMITS.pendingTtl),
      });
    });
  }

  async setPassword(
    ctx: RequestContext,
    input: { flowId: string; password: string },
  ): Promise<void> {
    const { flowId, password } = inputOf(input);
    const digest = await this.flowDigest(flowId);
    const mail = await this.store.withLock(`flow:${digest}`, async () => {
      const flow = await this.flowByDigest(digest);
      const found = flow.accountId ? live(await this.store.accounts.get(flow.accountId)) : null;
      if (!flow.verified || !found) throw adapterError('FLOW_EXPIRED');
      return this.store.withLock(`account:${found.id}`, async () => {
        const account = live(await this.store.accounts.get(found.id));
        if (!account) throw adapterError('FLOW_EXPIRED');
        await this.changePassword(ctx, account, String(password ?? ''), flow.purpose);
        await this.store.flows.delete(digest);
        return passwordChangedMessage(account, flow.purpose, this.helpDeskPhone);
      });
    });
    await this.enqueue({ kind: 'message', message: mail });
  }

  // -------------------------------------------------------------------------------------------
  // Login and verification
  // -------------------------------------------------------------------------------------------

  async login(
    ctx: RequestContext,
    input: { username: string; password: string; deviceToken?: string; language?: Language },
  ): Promise<LoginResult> {
    const raw = inputOf(input);
    const username = String(raw.username ?? '');
    const password = String(raw.password ?? '');
    await this.limit(ctx, 'login', await this.accountLimitKey(usernameKey(username)), null);
    const empty: Record<string, FieldReason> = {};
    if (username.trim() === '') empty['username'] = 'required';
    if (password === '') empty['password'] = 'required';
    if (Object.keys(empty).length) throw validation(empty);
    await this.pruneExpired();

    const account = await this.store.accounts.getByUsername(usernameKey(username));
    // Same hashing work whether or not the account (or its password) exists. A hasher's
    // rejection (BUSY when its queue is full) passes through as it is.
    const stored = account?.password ?? (await this.getDummyHash());
    const matches = await this.hasher.verify(password, stored);
    const ok = matches && account !== null && account.password !== null;

    const key = await this.guardKey(username);
    await this.store.withLock(`guard:${key}`, async () => {
      const current = await this.store.guards.get(key);
      const guard = this.effectiveGuard(current);
      if (guard.lockedUntil !== null) {
        // Not in the activity log: a refused attempt writes nothing for an unknown username,
        // so it writes nothing for a real one either (same work; the lock itself is logged).
        this.log('login.refused-locked', ctx, account, { until: guard.lockedUntil }, null, false);
        throw adapterError('ACCOUNT_LOCKED', { unlocksAt: guard.lockedUntil });
      }
      if (!ok) {
        const failures = guard.failures + 1;
        const reason = !account
          ? 'unknown-username'
          : account.password
            ? 'wrong-password'
            : 'no-password';
        this.log('login.failed', ctx, account, { reason });
        if (failures >= AUTH_LIMITS.loginMaxFailures) {
          const unlocksAt = this.now() + AUTH_LIMITS.lockDuration;
          await this.store.guards.put(key, { failures, lockedUntil: unlocksAt });
          this.log('account.locked', ctx, account, { until: unlocksAt });
          throw adapterError('ACCOUNT_LOCKED', { unlocksAt });
        }
        await this.store.guards.put(key, { failures, lockedUntil: null });
        throw adapterError('INVALID_CREDENTIALS');
      }
      if (current) await this.store.guards.delete(key);
    });
    if (!account || !account.password) throw adapterError('INVALID_CREDENTIALS');
    if (account.deactivatedAt) {
      // Only after the RIGHT password: knowing it is not enumeration.
      this.log('login.failed', ctx, account, { reason: 'deactivated' });
      throw adapterError('ACCOUNT_DEACTIVATED');
    }
    if (this.hasher.needsRehash?.(account.password)) {
      await this.rehash(account, account.password, password);
    }

    const deviceToken = raw.deviceToken;
    if (typeof deviceToken === 'string' && deviceToken !== '') {
      if (account.typing !== null && (await this.validDevice(account, deviceToken)) !== null) {
        this.log('login.succeeded', ctx, account, { reason: 'remembered-device' });
        return { status: 'authenticated', session: await this.startSession(ctx, account) };
      }
      this.log('device.refused', ctx, account);
    }
    const pendingId = randomToken(32);
    const stage = account.typing === null ? 'enroll' : 'verify';
    // A template that does not open (unknown key id, damaged) leaves the codes: see openTyping.
    const template = stage === 'verify' ? await this.openTyping(ctx, account) : null;
    // To enroll: the widget's language, else the delegate's. To verify: the enrolled sentence's.
    const sampleLang: Language =
      stage === 'verify'
        ? (template?.lang ?? 'en')
        : isLanguage(raw.language)
          ? raw.language
          : (account.language ?? 'en');
    const pending: PendingRecord = {
      digest: await tokenDigest(pendingId),
      accountId: account.id,
      stage,
      expiresAt: this.now() + AUTH_LIMITS.pendingTtl,
      code: null,
      enrolled: null,
      sampleLang,
    };
    await this.store.pendings.create(pending);
    this.log('login.succeeded', ctx, account, { reason: 'verification-required' });
    return {
      status: 'verification-required',
      pending: this.pendingView(pendingId, pending, account, template),
    };
  }

  async sendVerificationCode(
    ctx: RequestContext,
    input: { pendingId: string; channel: Channel },
  ): Promise<CodeSent> {
    const { pendingId, channel } = inputOf(input);
    const digest = await this.pendingDigest(pendingId);
    const { value, mail } = await this.store.withLock(
      `pending:${digest}`,
      async (): Promise<WithMail<CodeSent>> => {
        const { pending, account } = await this.pendingByDigest(digest);
        await this.limit(
          ctx,
          'send-code',
          await this.accountLimitKey(account.usernameKey),
          account,
        );
        if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
        if (!isChannel(channel)) throw validation({ channel: 'required' });
        const { resendAvailableAt } = await this.throttle(
          ctx,
          await tokenDigest(`login-code:${account.usernameKey}`),
          channel,
          account,
        );
        const { code, record } = await this.newCode(channel);
        await this.store.pendings.update(digest, { code: record });
        const masked = this.masked(account)[channel];
        this.log('code.sent', ctx, account, {
          method: channel,
          destination: masked,
          reason: 'login',
        });
        return {
          value: { channel, masked, expiresAt: record.expiresAt, resendAvailableAt },
          mail: {
            kind: 'message',
            message: codeMessage(account, channel, code, this.helpDeskPhone),
          },
        };
      },
    );
    await this.enqueue(mail);
    return value;
  }

  async verifyAccountCode(
    ctx: RequestContext,
    input: { pendingId: string; code: string; rememberDevice: boolean },
  ): Promise<VerifiedLogin> {
    const { pendingId, code, rememberDevice } = inputOf(input);
    const digest = await this.pendingDigest(pendingId);
    return this.store.withLock(`pending:${digest}`, async () => {
      const { pending, account } = await this.pendingByDigest(digest);
      await this.limit(
        ctx,
        'verify-code',
        await this.accountLimitKey(account.usernameKey),
        account,
      );
      if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
      await this.verifiedCode(ctx, account, pending.code, code, (c) =>
        this.store.pendings.update(digest, { code: c }),
      );
      // The code passed: bind the pattern enrolled by this login (if any), re-enable the
      // pattern, and store a legacy or old-key template sealed with the current key.
      const bound = await this.store.withLock(`account:${account.id}`, async () => {
        const current = (await this.store.accounts.get(account.id)) ?? account;
        const patch: AccountPatch = { patternFailures: 0 };
        if (pending.enrolled) {
          patch.typing = await this.resealed(pending.enrolled, account.id);
        } else {
          const upgraded = await this.upgradedTyping(current);
          if (upgraded) patch.typing = upgraded;
        }
        await this.store.accounts.update(account.id, patch);
        return { ...current, ...patch };
      });
      if (pending.enrolled) this.log('pattern.enrolled', ctx, bound);
      return this.completeLogin(ctx, bound, digest, rememberDevice === true);
    });
  }

  async enrollTypingPattern(
    _ctx: RequestContext,
    input: { pendingId: string; samples: TypingSample[] },
  ): Promise<PendingLogin> {
    const { pendingId, samples: raw } = inputOf(input);
    const digest = await this.pendingDigest(pendingId);
    return this.store.withLock(`pending:${digest}`, async () => {
      const { pending, account } = await this.pendingByDigest(digest);
      if (pending.stage !== 'enroll') throw adapterError('FORBIDDEN');
      const samples = Array.isArray(raw) ? raw : [];
      const lang = pending.sampleLang ?? 'en';
      const template = this.matcher.enroll(samples, this.sampleTexts[lang]);
      if (!template) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
      // Held with this pending login; the account gets it only when a code verifies the login.
      // The sentence's language goes with it: every later login asks for this sentence.
      const enrolled = await this.sealer.seal({ ...template, lang }, typingAad(account.id));
      await this.store.pendings.update(digest, { stage: 'code-only', enrolled });
      return this.pendingView(
        String(pendingId),
        { ...pending, stage: 'code-only', enrolled },
        account,
      );
    });
  }

  async verifyTypingPattern(
    ctx: RequestContext,
    input: { pendingId: string; samples: TypingSample[]; rememberDevice: boolean },
  ): Promise<VerifiedLogin> {
    const { pendingId, samples: raw, rememberDevice } = inputOf(input);
    const digest = await this.pendingDigest(pendingId);
    return this.store.withLock(`pending:${digest}`, async () => {
      const found = await this.pendingByDigest(digest);
      const { pending } = found;
      await this.limit(
        ctx,
        'verify-code',
        await this.accountLimitKey(found.account.usernameKey),
        found.account,
      );
      const verified = await this.store.withLock(`account:${found.account.id}`, async () => {
        const account = (await this.store.accounts.get(found.account.id)) ?? found.account;
        if (pending.stage === 'code-only') throw adapterError('FORBIDDEN');
        const template = pending.stage === 'enroll' ? null : await this.openTyping(ctx, account);
        if (!template) throw adapterError('PATTERN_UNAVAILABLE', { reason: 'not-enrolled' });
        if (account.patternFailures >= AUTH_LIMITS.patternMaxFailures) {
          this.log('verification.failed', ctx, account, { method: 'pattern', reason: 'locked' });
          throw adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
        }
        const samples = Array.isArray(raw) ? raw : [];
        const decision = this.matcher.verify(template, samples);
        if (!decision) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
        if (!decision.accepted) {
          const patternFailures = account.patternFailures + 1;
          await this.store.accounts.update(account.id, { patternFailures });
          this.log('verification.failed', ctx, account, { method: 'pattern', reason: 'mismatch' });
          throw adapterError('PATTERN_MISMATCH', {
            attemptsLeft: Math.max(0, AUTH_LIMITS.patternMaxFailures - patternFailures),
          });
        }
        // The matcher's adapted template, still marked with the enrolled sentence's language.
        const adapted = template.lang
          ? { ...decision.template, lang: template.lang }
          : decision.template;
        const typing = await this.sealer.seal(adapted, typingAad(account.id));
        await this.store.accounts.update(account.id, { typing, patternFailures: 0 });
        return { ...account, typing, patternFailures: 0 };
      });
      this.log('verification.succeeded', ctx, verified, { method: 'pattern' });
      return this.completeLogin(ctx, verified, digest, rememberDevice === true);
    });
  }

  async checkDevice(
    _ctx: RequestContext,
    input: { username: string; deviceToken: string },
  ): Promise<{ valid: boolean; expiresAt?: number }> {
    const { username, deviceToken } = inputOf(input);
    const account = await this.store.accounts.getByUsername(usernameKey(String(username ?? '')));
    // Digest the token and read the device whether or not the account exists: same work.
    const token = typeof deviceToken === 'string' ? deviceToken : '';
    const device = await this.store.devices.get(await tokenDigest(token));
    const valid =
      account !== null &&
      !account.deactivatedAt &&
      account.typing !== null &&
      token !== '' &&
      device !== null &&
      device.accountId === account.id &&
      device.expiresAt > this.now();
    return valid ? { valid: true, expiresAt: device.expiresAt } : { valid: false };
  }

  // -------------------------------------------------------------------------------------------
  // Recovery, session, support, help desk
  // -------------------------------------------------------------------------------------------

  async forgotUsername(
    ctx: RequestContext,
    input: { email: string },
  ): Promise<{ resendAvailableAt: number }> {
    const email = String(inputOf(input).email ?? '');
    const key = normalizeEmail(email);
    await this.limit(
      ctx,
      'forgot-username',
      key ? await tokenDigest(`acct-email:${key}`) : null,
      null,
    );
    const reason = validateEmail(email);
    if (reason) throw validation({ email: reason });
    // Deactivated accounts are left out, as if they did not exist.
    const matches = (await this.store.accounts.listByEmail(key)).filter((a) => !a.deactivatedAt);
    const { resendAvailableAt } = await this.throttle(
      ctx,
      await tokenDigest(`forgot-username:${key}`),
      'email',
      null,
    );
    // In the language of the address's oldest account (a decoy's stand-in: English).
    const reminder = usernameReminderMessage(
      matches[0]?.email ?? email.trim(),
      matches.length ? matches.map((a) => a.username) : [STAND_IN.username],
      this.helpDeskPhone,
      matches[0]?.language === 'es' ? 'es' : 'en',
    );
    await this.enqueue(
      matches.length
        ? { kind: 'message', message: reminder }
        : { kind: 'decoy', size: queuedSize(reminder) },
    );
    return { resendAvailableAt };
  }

  async getSession(ctx: RequestContext): Promise<Session | null> {
    const current = await this.currentSession(ctx);
    if (!current) return null;
    return this.sessionFor(current.account, current.session);
  }

  async logout(ctx: RequestContext): Promise<void> {
    const token = ctx.sessionToken;
    if (typeof token === 'string' && token !== '') {
      const digest = await tokenDigest(token);
      const session = await this.store.sessions.get(digest);
      await this.store.sessions.delete(digest);
      if (session) {
        const account = await this.store.accounts.get(session.accountId);
        this.log('session.ended', ctx, account, { reason: 'logout' });
      }
    }
    ctx.sessionToken = null;
  }

  async reportIssue(ctx: RequestContext, raw: IssueReport): Promise<IssueTicket> {
    const reporter = await this.requireAccess(ctx, 'session', 'report-issue');
    // Every field forced to its type, the whole report validated and its email built before
    // anything is written.
    const report = cleanIssueReport(raw);
    const fields = validateIssueReport(report, this.now());
    if (Object.keys(fields).length) throw validation(fields);
    // 31^8 ids: a collision is rare; a store that keeps refusing is broken, not unlucky.
    let sent: OutgoingMessage | null = null;
    let ticketId = '';
    for (let attempt = 0; sent === null && attempt < 8; attempt++) {
      const candidate = `PEP-${generateOtp(8)}`;
      const message = issueReportMessage(candidate, reporter, report, this.supportEmail);
      const created = await this.store.tickets.create({
        ticketId: candidate,
        accountId: reporter.id,
        createdAt: this.now(),
      });
      if (created) {
        sent = message;
        ticketId = candidate;
      }
    }
    if (sent === null) throw new Error('tickets.create refused 8 fresh ticket ids');
    await this.enqueue({ kind: 'message', message: sent });
    return { ticketId };
  }

  async resetTypingPattern(ctx: RequestContext, input: { username: string }): Promise<void> {
    const staff = await this.requireAccess(ctx, 'help-desk', 'reset-typing-pattern');
    const account = await this.store.accounts.getByUsername(
      usernameKey(String(inputOf(input).username ?? '')),
    );
    if (!account) throw adapterError('NOT_FOUND');
    await this.act(ctx, { account: staff, reason: null }, account, 'reset-pattern');
  }

  async unlockAccount(ctx: RequestContext, input: { username: string }): Promise<void> {
    const staff = await this.requireAccess(ctx, 'help-desk', 'unlock-account');
    const account = await this.store.accounts.getByUsername(
      usernameKey(String(inputOf(input).username ?? '')),
    );
    if (!account) throw adapterError('NOT_FOUND');
    await this.act(ctx, { account: staff, reason: null }, account, 'unlock');
  }

  async searchDelegates(ctx: RequestContext, input: { query: string }): Promise<DelegateSummary[]> {
    await this.requireAccess(ctx, 'help-desk', 'search-delegates');
    const query = str(inputOf(input).query).trim().toLowerCase();
    const length = [...query].length;
    if (length < 2) throw validation({ query: length === 0 ? 'required' : 'too-short' });
    if (length > 100) throw validation({ query: 'too-long' });
    // A phone number typed with its usual punctuation matches the stored E.164 digits.
    const digits = query.replace(/[\s().-]/g, '');
    const needle = /^\+?\d{2,}$/.test(digits) ? digits : query;
    const found = await this.store.accounts.searchDelegates(needle, SEARCH_LIMIT);
    const out: DelegateSummary[] = [];
    for (const a of found) out.push(await this.summary(a));
    return out;
  }

  async getDelegateDetail(
    ctx: RequestContext,
    input: { delegateId: string },
  ): Promise<DelegateDetail> {
    await this.requireAccess(ctx, 'help-desk', 'get-delegate-detail');
    return this.detail(await this.delegateById(inputOf(input).delegateId, null));
  }

  async listDelegateActivity(
    ctx: RequestContext,
    input: { delegateId: string } & ActivityQuery,
  ): Promise<ActivityPage> {
    await this.requireAccess(ctx, 'help-desk', 'list-delegate-activity');
    const raw = inputOf(input);
    return this.activityPage(await this.delegateById(raw.delegateId, null), raw, true);
  }

  async helpDeskAction(
    ctx: RequestContext,
    input: { delegateId: string; action: HelpDeskActionName; reason: string },
  ): Promise<DelegateDetail> {
    const staff = await this.requireAccess(ctx, 'help-desk', 'help-desk-action');
    const raw = inputOf(input);
    const action = HELP_DESK_ACTIONS.find((a) => a === raw.action);
    const reason = str(raw.reason).trim();
    const fields: Record<string, FieldReason> = {};
    if (!action) fields['action'] = 'required';
    const length = [...reason].length;
    if (length === 0) fields['reason'] = 'required';
    else if (length < ACTION_REASON_LIMITS.min) fields['reason'] = 'too-short';
    else if (length > ACTION_REASON_LIMITS.max) fields['reason'] = 'too-long';
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(reason)) {
      fields['reason'] = 'invalid-characters';
    }
    if (!action || Object.keys(fields).length) throw validation(fields);
    const account = await this.delegateById(raw.delegateId, null);
    await this.act(ctx, { account: staff, reason }, account, action);
    return this.detail(await this.delegateById(account.id, null));
  }

  async setDelegateActive(
    ctx: RequestContext,
    input: { delegateId: string; active: boolean },
  ): Promise<DelegateSummary> {
    const producer = await this.requireAccess(ctx, 'producer', 'set-delegate-active');
    const raw = inputOf(input);
    const account = await this.delegateById(raw.delegateId, producer);
    if (typeof raw.active !== 'boolean') throw validation({ active: 'required' });
    await this.act(
      ctx,
      { account: producer, reason: null },
      account,
      raw.active ? 'reactivate' : 'deactivate',
    );
    return this.summary(await this.delegateById(account.id, producer));
  }

  async unlockDelegate(
    ctx: RequestContext,
    input: { delegateId: string },
  ): Promise<DelegateSummary> {
    const producer = await this.requireAccess(ctx, 'producer', 'unlock-delegate');
    const account = await this.delegateById(inputOf(input).delegateId, producer);
    await this.act(ctx, { account: producer, reason: null }, account, 'unlock');
    return this.summary(account);
  }

  async listMyActivity(ctx: RequestContext, input?: ActivityQuery): Promise<ActivityPage> {
    const me = await this.requireAccess(ctx, 'session', 'list-my-activity');
    return this.activityPage(me, inputOf(input), false);
  }

  // -------------------------------------------------------------------------------------------
  // Passkeys (WebAuthn)
  // -------------------------------------------------------------------------------------------

  async startPasskeyRegistration(ctx: RequestContext): Promise<PasskeyRegistration> {
    const { rp, account } = await this.passkeyOwner(ctx, 'start-passkey-registration');
    const lib = await loadWebAuthn();
    const handle = await this.store.passkeys.userHandle(account.id, randomToken(32));
    const existing = await this.store.passkeys.listForAccount(account.id);
    const options = await lib.generateRegistrationOptions({
      rpName: rp.rpName,
      rpID: rp.rpId,
      userName: account.username,
      userDisplayName: `${account.firstName} ${account.lastName}`.trim() || account.username,
      // A random handle per account, never the username (it is stored on the authenticator).
      userID: new Uint8Array(fromBase64Url(handle)),
      timeout: AUTH_LIMITS.passkeyCeremonyTtl,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({
        id: p.id,
        transports: p.transports as SimpleWebAuthn.AuthenticatorTransportFuture[],
      })),
      authenticatorSelection: {
        residentKey: 'required',
        requireResidentKey: true,
        userVerification: 'required',
      },
      supportedAlgorithmIDs: [...PASSKEY_ALGORITHMS],
    });
    const ceremonyId = await this.newCeremony('registration', options.challenge, account.id);
    return { ceremonyId, options };
  }

  async finishPasskeyRegistration(
    ctx: RequestContext,
    input: { ceremonyId: string; response: RegistrationResponseJSON; name: string },
  ): Promise<Passkey> {
    const { rp, account } = await this.passkeyOwner(ctx, 'finish-passkey-registration');
    const raw = inputOf(input);
    // Checked before the ceremony is used: a bad name costs the user nothing.
    const name = passkeyName(raw.name);
    // Loaded first: a failed load leaves the ceremony usable.
    const lib = await loadWebAuthn();
    const ceremony = await this.takeCeremony(ctx, raw.ceremonyId, 'registration', account);
    let verified: SimpleWebAuthn.VerifiedRegistrationResponse;
    try {
      verified = await lib.verifyRegistrationResponse({
        response: raw.response as RegistrationResponseJSON,
        expectedChallenge: ceremony.challenge,
        expectedOrigin: this.passkeyOrigins(rp),
        expectedRPID: rp.rpId,
        requireUserVerification: true,
        supportedAlgorithmIDs: [...PASSKEY_ALGORITHMS],
      });
    } catch {
      throw this.passkeyRejected(ctx, account, 'invalid-registration', null);
    }
    if (!verified.verified) throw this.passkeyRejected(ctx, account, 'not-verified', null);
    const { credential } = verified.registrationInfo;
    const record: PasskeyRecord = {
      id: credential.id,
      accountId: account.id,
      publicKey: toBase64Url(credential.publicKey),
      counter: credential.counter,
      transports: cleanTransports(credential.transports),
      name,
      createdAt: this.now(),
      lastUsedAt: null,
    };
    if (!(await this.store.passkeys.create(record))) {
      throw this.passkeyRejected(ctx, account, 'already-registered', record.id);
    }
    this.log('passkey.registered', ctx, account, { passkey: passkeyTag(record.id) });
    return passkeyView(record);
  }

  async listPasskeys(ctx: RequestContext): Promise<Passkey[]> {
    const { account } = await this.passkeyOwner(ctx, 'list-passkeys');
    return (await this.store.passkeys.listForAccount(account.id)).map(passkeyView);
  }

  async renamePasskey(
    ctx: RequestContext,
    input: { passkeyId: string; name: string },
  ): Promise<Passkey> {
    const { account } = await this.passkeyOwner(ctx, 'rename-passkey');
    const raw = inputOf(input);
    const name = passkeyName(raw.name);
    const passkey = await this.ownPasskey(account, raw.passkeyId);
    return this.store.withLock(`passkey:${passkey.id}`, async () => {
      const current = await this.ownPasskey(account, passkey.id);
      await this.store.passkeys.update(current.id, { name });
      this.log('passkey.renamed', ctx, account, { passkey: passkeyTag(current.id) });
      return passkeyView({ ...current, name });
    });
  }

  async deletePasskey(ctx: RequestContext, input: { passkeyId: string }): Promise<void> {
    const { account } = await this.passkeyOwner(ctx, 'delete-passkey');
    const passkey = await this.ownPasskey(account, inputOf(input).passkeyId);
    await this.store.withLock(`passkey:${passkey.id}`, async () => {
      const current = await this.ownPasskey(account, passkey.id);
      await this.store.passkeys.delete(current.id);
    });
    this.log('passkey.deleted', ctx, account, { passkey: passkeyTag(passkey.id) });
  }

  async startPasskeySignIn(ctx: RequestContext): Promise<PasskeyChallenge> {
    const rp = this.requireWebAuthn(ctx, 'start-passkey-sign-in');
    await this.limit(ctx, 'passkey-options', null, null);
    const lib = await loadWebAuthn();
    // No allowCredentials: discoverable credentials, no username asked, nothing to enumerate.
    const options = await lib.generateAuthenticationOptions({
      rpID: rp.rpId,
      userVerification: 'required',
      timeout: AUTH_LIMITS.passkeyCeremonyTtl,
    });
    const ceremonyId = await this.newCeremony('sign-in', options.challenge, null);
    return { ceremonyId, options };
  }

  async finishPasskeySignIn(
    ctx: RequestContext,
    input: { ceremonyId: string; response: AuthenticationResponseJSON },
  ): Promise<VerifiedLogin> {
    const rp = this.requireWebAuthn(ctx, 'finish-passkey-sign-in');
    const raw = inputOf(input);
    const response = inputOf(raw.response);
    const credentialId = typeof response.id === 'string' ? response.id : '';
    await this.limit(
      ctx,
      'passkey-sign-in',
      credentialId ? await tokenDigest(`passkey:${credentialId}`) : null,
      null,
    );
    const lib = await loadWebAuthn();
    const ceremony = await this.takeCeremony(ctx, raw.ceremonyId, 'sign-in', null);
    const found = credentialId ? await this.store.passkeys.get(credentialId) : null;
    const owner = found ? await this.store.accounts.get(found.accountId) : null;
    if (!found || !owner) {
      this.log('passkey.rejected', ctx, null, { reason: 'unknown-passkey' });
      throw adapterError('PASSKEY_UNKNOWN');
    }
    return this.store.withLock(`passkey:${found.id}`, async () => {
      const passkey = await this.store.passkeys.get(found.id);
      if (!passkey || passkey.accountId !== owner.id) {
        this.log('passkey.rejected', ctx, null, { reason: 'unknown-passkey' });
        throw adapterError('PASSKEY_UNKNOWN');
      }
      let verified: SimpleWebAuthn.VerifiedAuthenticationResponse;
      try {
        verified = await lib.verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: ceremony.challenge,
          expectedOrigin: this.passkeyOrigins(rp),
          expectedRPID: rp.rpId,
          requireUserVerification: true,
          // The counter is checked below, once the signature is known to be genuine.
          credential: {
            id: passkey.id,
            publicKey: new Uint8Array(fromBase64Url(passkey.publicKey)),
            counter: 0,
          },
        });
      } catch {
        throw this.passkeyRejected(ctx, owner, 'invalid-assertion', passkey.id);
      }
      if (!verified.verified) throw this.passkeyRejected(ctx, owner, 'bad-signature', passkey.id);
      // The credential is bound to its user: the handle the authenticator stored must be ours.
      const handle = await this.store.passkeys.userHandle(owner.id, randomToken(32));
      const userHandle = inputOf(
        response.response as object as { userHandle?: unknown },
      ).userHandle;
      if (userHandle !== handle) {
        throw this.passkeyRejected(ctx, owner, 'user-mismatch', passkey.id);
      }
      const counter = verified.authenticationInfo.newCounter;
      if ((counter > 0 || passkey.counter > 0) && counter <= passkey.counter) {
        // A genuine signature with a counter that went back: a cloned authenticator.
        this.log('passkey.cloned', ctx, owner, { passkey: passkeyTag(passkey.id) });
        throw adapterError('PASSKEY_REJECTED', { reason: 'invalid' });
      }
      await this.store.passkeys.update(passkey.id, { counter });
      // A locked account stays locked, whatever proves who is signing in.
      const guard = this.effectiveGuard(
        await this.store.guards.get(await this.guardKey(owner.username)),
      );
      if (guard.lockedUntil !== null) {
        this.log('login.refused-locked', ctx, owner, {
          until: guard.lockedUntil,
          reason: 'passkey',
        });
        throw adapterError('ACCOUNT_LOCKED', { unlocksAt: guard.lockedUntil });
      }
      if (owner.deactivatedAt) {
        this.log('login.failed', ctx, owner, { reason: 'deactivated' });
        throw adapterError('ACCOUNT_DEACTIVATED');
      }
      await this.store.passkeys.update(passkey.id, { lastUsedAt: this.now() });
      const session = await this.startSession(ctx, owner);
      this.log('passkey.signed-in', ctx, owner, { passkey: passkeyTag(passkey.id) });
      return { session };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Admin
  // -------------------------------------------------------------------------------------------

  private async createProducer(raw: ProducerInput): Promise<UserProfile> {
    const input = { ...raw, ...cleanDelegateInput(raw), producerId: str(raw?.producerId) };
    const fields: Record<string, FieldReason> = { ...validateDelegateInput(input) };
    if (input.producerId.trim() === '') fields['producerId'] = 'required';
    if (Object.keys(fields).length) throw validation(fields);
    const account = this.newAccount('producer', `usr_${randomToken(12)}`, input);
    account.states = STATE_CODES.filter((s) => input.states.includes(s));
    account.producerId = input.producerId.trim();
    return this.insertWithPassword(account, str(raw?.password));
  }

  private async createHelpDeskUser(raw: StaffInput): Promise<UserProfile> {
    const input = cleanDelegateInput({ ...raw, states: [] });
    const fields: Record<string, FieldReason> = {};
    const checks: [string, FieldReason | null][] = [
      ['username', validateUsername(input.username)],
      ['email', validateEmail(input.email)],
      ['firstName', validateName(input.firstName)],
      ['lastName', validateName(input.lastName)],
      ['mobile', validateMobile(input.mobile)],
    ];
    for (const [field, reason] of checks) if (reason) fields[field] = reason;
    if (Object.keys(fields).length) throw validation(fields);
    const account = this.newAccount('help-desk', `hd_${randomToken(12)}`, input);
    return this.insertWithPassword(account, str(raw?.password));
  }

  private async createDelegate(input: DelegateSeed): Promise<DelegateSummary> {
    const producer = await this.store.accounts.getByUsername(
      usernameKey(String(input?.producer ?? '')),
    );
    if (!producer || producer.role !== 'producer') throw adapterError('NOT_FOUND');
    const account = await this.newDelegate(producer, input);
    if (input.password !== undefined) {
      Object.assign(account, await this.newPassword(account, str(input.password)), {
        emailConfirmed: true,
      });
    }
    if (input.typingSamples) {
      const lang = account.language ?? 'en';
      const template = this.matcher.enroll(input.typingSamples, this.sampleTexts[lang]);
      if (!template) {
        throw adapterError('PATTERN_INVALID_SAMPLES', { count: input.typingSamples.length });
      }
      account.typing = await this.sealer.seal({ ...template, lang }, typingAad(account.id));
    }
    await this.insertAccount(account, input.password !== undefined);
    return this.summary(account);
  }

  private async lockAccount(username: string): Promise<void> {
    const account = await this.store.accounts.getByUsername(usernameKey(String(username ?? '')));
    if (!account) throw adapterError('NOT_FOUND');
    const key = await this.guardKey(account.username);
    const lockedUntil = this.now() + AUTH_LIMITS.lockDuration;
    await this.store.withLock(`guard:${key}`, () =>
      this.store.guards.put(key, { failures: AUTH_LIMITS.loginMaxFailures, lockedUntil }),
    );
    this.activity(account, { type: 'locked', method: null, outcome: 'success' }, null, true);
  }

  private async signIn(ctx: RequestContext, username: string): Promise<Session> {
    const account = await this.store.accounts.getByUsername(usernameKey(String(username ?? '')));
    if (!account) throw adapterError('NOT_FOUND');
    return this.startSession(ctx, account);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------

  private now(): number {
    return this.clock.now();
  }

  /**
   * A delegate by id: NOT_FOUND for a missing id, another role, or (with `producer`) another
   * producer's delegate — the same answer for all three.
   */
  private async delegateById(id: unknown, producer: AccountRecord | null): Promise<AccountRecord> {
    const account = typeof id === 'string' && id !== '' ? await this.store.accounts.get(id) : null;
    if (
      !account ||
      account.role !== 'delegate' ||
      (producer !== null && account.producerAccountId !== producer.id)
    ) {
      throw adapterError('NOT_FOUND');
    }
    return account;
  }

  /**
   * Do an administrative action to `account` as `by` (help desk or its producer), record it in
   * the activity log with the reason, and email the account when it is told of it.
   */
  private async act(
    ctx: RequestContext,
    by: ActingAccount,
    account: AccountRecord,
    action: HelpDeskActionName,
  ): Promise<void> {
    const actor = by.account.username;
    let notice: 'unlocked' | 'deactivated' | 'reactivated' | 'pattern-reset' | null = null;
    let mail: OutgoingMessage | null = null;
    await this.store.withLock(`account:${account.id}`, async () => {
      const current = (await this.store.accounts.get(account.id)) ?? account;
      switch (action) {
        case 'unlock':
          await this.clearGuard(current.username);
          this.log('account.unlocked', ctx, current, { actor }, by);
          notice = 'unlocked';
          break;
        case 'reset-pattern':
          await this.store.accounts.update(current.id, { typing: null, patternFailures: 0 });
          // The next login must enroll again, so no remembered device may skip it.
          await this.store.devices.deleteForAccount(current.id);
          this.log('pattern.reset', ctx, current, { actor }, by);
          notice = 'pattern-reset';
          break;
        case 'forget-devices':
          await this.store.devices.deleteForAccount(current.id);
          this.log('devices.forgotten', ctx, current, { actor }, by);
          break;
        case 'resend-invitation': {
          // A deactivated delegate receives nothing until reactivated.
          if (current.deactivatedAt) throw adapterError('FORBIDDEN');
          const producer = current.producerAccountId
            ? await this.store.accounts.get(current.producerAccountId)
            : null;
          if (!producer) throw adapterError('NOT_FOUND');
          mail = await this.issueLink(current, producer);
          this.log('invitation.resent', ctx, current, { actor }, by);
          break;
        }
        case 'deactivate':
          if (current.deactivatedAt) return;
          await this.store.accounts.update(current.id, { deactivatedAt: this.now() });
          // Signed out everywhere, every device verifies again, and no passkey signs in.
          await this.store.sessions.deleteForAccount(current.id);
          await this.store.devices.deleteForAccount(current.id);
          await this.store.passkeys.deletePasskeysOf(current.id);
          this.log('account.deactivated', ctx, current, { actor }, by);
          notice = 'deactivated';
          break;
        case 'reactivate':
          if (!current.deactivatedAt) return;
          await this.store.accounts.update(current.id, { deactivatedAt: null });
          this.log('account.reactivated', ctx, current, { actor }, by);
          notice = 'reactivated';
          break;
      }
    });
    if (notice) {
      const who: NoticeActor =
        by.account.role === 'help-desk'
          ? { role: 'help-desk' }
          : { role: 'producer', firstName: by.account.firstName, lastName: by.account.lastName };
      mail = accountNoticeMessage(account, notice, who, this.helpDeskPhone);
    }
    if (mail) await this.enqueue({ kind: 'message', message: mail });
  }

  /** A delegate's page for the Help Desk. */
  private async detail(account: AccountRecord): Promise<DelegateDetail> {
    const summary = await this.summary(account);
    const producer = account.producerAccountId
      ? await this.store.accounts.get(account.producerAccountId)
      : null;
    const count = await this.store.devices.countForAccount(account.id, this.now());
    const latest = async (type: ActivityType, n = 1) =>
      this.store.activity.list(account.id, null, n, [type]);
    let lastUsedAt: number | null = null;
    if (count > 0) {
      const signIns = await latest('sign-in', 50);
      lastUsedAt =
        signIns.find((e) => e.method === 'device')?.at ??
        (await latest('device-remembered'))[0]?.at ??
        null;
    }
    const patternEnrolled = account.typing !== null;
    return {
      ...summary,
      lockedUntil: summary.lockedUntil ?? null,
      lastSignInAt: summary.lastSignInAt ?? null,
      producer: {
        username: producer?.username ?? '',
        firstName: producer?.firstName ?? '',
        lastName: producer?.lastName ?? '',
        producerId: producer?.producerId ?? '',
      },
      patternEnrolled,
      patternEnrolledAt: patternEnrolled
        ? ((await latest('pattern-enrolled'))[0]?.at ?? null)
        : null,
      rememberedDevices: { count, lastUsedAt },
      passkeys: (await this.store.passkeys.listForAccount(account.id)).length,
    };
  }

  /** One page of an account's activity; `staff`: the Help Desk's view (names, reasons). */
  private async activityPage(
    account: AccountRecord,
    query: Partial<ActivityQuery>,
    staff: boolean,
  ): Promise<ActivityPage> {
    await this.settleActivity();
    await this.pruneExpired();
    let cursor: ActivityCursor | null = null;
    if (query.cursor !== undefined && query.cursor !== null) {
      cursor = parseCursor(query.cursor);
      if (!cursor) throw validation({ cursor: 'not-allowed' });
    }
    const rawLimit = query.limit;
    const limit =
      typeof rawLimit === 'number' && Number.isFinite(rawLimit)
        ? Math.min(100, Math.max(1, Math.floor(rawLimit)))
        : 20;
    const oldest = this.now() - this.activityRetention;
    const rows = (await this.store.activity.list(account.id, cursor, limit + 1)).filter(
      (r) => r.at >= oldest,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      entries: page.map((r) => this.entryView(r, staff)),
      nextCursor: rows.length > limit && last ? `${last.at}.${last.id}` : null,
    };
  }

  private entryView(r: ActivityRecord, staff: boolean): ActivityEntry {
    const entry: ActivityEntry = {
      id: r.id,
      at: r.at,
      type: r.type,
      actor: { role: r.actorRole },
      outcome: r.outcome,
    };
    if (r.method) entry.method = r.method;
    if (r.actorName && (staff || r.actorRole === 'producer')) entry.actor.name = r.actorName;
    if (staff && r.reason) entry.reason = r.reason;
    return entry;
  }

  /** Wait for this engine's activity writes in flight (so a read sees them). */
  private async settleActivity(): Promise<void> {
    while (this.activityWrites.size) await Promise.allSettled([...this.activityWrites]);
  }

  /** Write one activity entry of `account` (best effort: a failing write changes no answer). */
  private activity(
    account: AccountRecord,
    what: { type: ActivityType; method: ActivityMethod | null; outcome: 'success' | 'failure' },
    by: ActingAccount | null,
    system = false,
  ): void {
    const actorRole = by
      ? by.account.role === 'help-desk'
        ? 'help-desk'
        : 'producer'
      : system
        ? 'system'
        : 'self';
    // Entries of one millisecond list in the order they happened (ids sort after `at`).
    const seq = (this.activitySeq++ % 36 ** 7).toString(36).padStart(7, '0');
    const record: ActivityRecord = {
      id: `${seq}${randomToken(9)}`,
      accountId: account.id,
      at: this.now(),
      ...what,
      actorRole,
      actorId: by?.account.id ?? null,
      actorName: by ? `${by.account.firstName} ${by.account.lastName}` : null,
      reason: by?.reason ?? null,
    };
    // Written after the answer has gone, never inside it: a synchronous store (SQLite) would
    // otherwise make a wrong password for an existing account answer measurably later than for a
    // missing one, which has no log (bench:enumeration: p = 0.0009, and still p < 0.001 with a
    // 0 ms timer, which fires before the server has written its answer). Reads of the log wait
    // for writes in flight (`settleActivity`).
    const write: Promise<void> = new Promise<void>((resolve) =>
      setTimeout(resolve, ACTIVITY_WRITE_DELAY),
    )
      .then(() => this.store.activity.add(record))
      .catch(() => undefined);
    this.activityWrites.add(write);
    void write.finally(() => this.activityWrites.delete(write));
  }

  /** Seal one message (or decoy) into the outbox and wake the worker. */
  private async enqueue(queued: QueuedMessage): Promise<void> {
    await enqueueMessage(this.store, this.sealer, this.clock, queued);
    try {
      this.onQueued?.();
    } catch {
      // The worker polls anyway: a failing wake-up never changes an answer.
    }
  }

  /** Emit a security event (never a secret); a failing log never changes an answer. */
  private log(
    type: SecurityEventType,
    ctx: RequestContext | null,
    account: AccountRecord | null,
    extra: Omit<SecurityEvent, 'type' | 'at' | 'username' | 'role' | 'client'> = {},
    by: ActingAccount | null = null,
    record = true,
  ): void {
    const what = account && record ? activityOf(type, extra) : null;
    if (account && what) this.activity(account, what, by, type === 'account.locked');
    if (!this.securityLog) return;
    const event: SecurityEvent = { type, at: this.now() };
    if (account) {
      event.username = account.username;
      event.role = account.role;
    }
    if (ctx) event.client = ctx.clientAddress ?? null;
    Object.assign(event, extra);
    try {
      this.securityLog(event);
    } catch {
      // Logging is best effort.
    }
  }

  /** The request-limit key of a username (a digest), the same whether or not it exists. */
  private async accountLimitKey(key: string): Promise<string | null> {
    return key === '' ? null : tokenDigest(`acct:${key}`);
  }

  /** Count one request against the limiter; RATE_LIMITED passes through (and is logged). */
  private async limit(
    ctx: RequestContext,
    operation: LimitedOperation,
    account: string | null,
    known: AccountRecord | null,
  ): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(operation, { client: ctx.clientAddress ?? null, account });
    } catch (err) {
      if (err instanceof AdapterError && err.code === 'RATE_LIMITED') {
        this.log('rate.limited', ctx, known, { operation, reason: 'request-limit' });
      }
      throw err;
    }
  }

  /** The caller's account when it may call an operation of `access` (see {@link authorize}). */
  private async requireAccess(
    ctx: RequestContext,
    access: Access,
    operation: string,
  ): Promise<AccountRecord> {
    if (access === 'help-desk' && !this.helpDesk) {
      this.log('access.refused', ctx, null, { operation, reason: 'help-desk-off' });
      throw adapterError('NOT_FOUND');
    }
    const current = await this.currentSession(ctx);
    if (!current) {
      this.log('access.refused', ctx, null, { operation, reason: 'no-session' });
      throw adapterError('NOT_AUTHENTICATED');
    }
    const { role } = current.account;
    if ((access === 'producer' || access === 'help-desk') && role !== access) {
      this.log('access.refused', ctx, current.account, { operation, reason: `not-${access}` });
      throw adapterError('FORBIDDEN');
    }
    return current.account;
  }

  /** The origins a passkey response may come from, now. */
  private passkeyOrigins(rp: Readonly<WebAuthnOptions>): string[] {
    return [...(typeof rp.origins === 'function' ? rp.origins() : rp.origins)];
  }

  /** The relying party, or NOT_FOUND (and `access.refused`) when passkeys are off. */
  private requireWebAuthn(ctx: RequestContext, operation: string): Readonly<WebAuthnOptions> {
    if (!this.webauthn) {
      this.log('access.refused', ctx, null, { operation, reason: 'passkeys-off' });
      throw adapterError('NOT_FOUND');
    }
    return this.webauthn;
  }

  /**
   * The caller's account when it may manage passkeys: a signed-in delegate or producer
   * (NOT_FOUND when passkeys are off, NOT_AUTHENTICATED without a session, FORBIDDEN for
   * help-desk staff).
   */
  private async passkeyOwner(
    ctx: RequestContext,
    operation: string,
  ): Promise<{ rp: Readonly<WebAuthnOptions>; account: AccountRecord }> {
    const rp = this.requireWebAuthn(ctx, operation);
    const account = await this.requireAccess(ctx, 'session', operation);
    if (account.role !== 'delegate' && account.role !== 'producer') {
      this.log('access.refused', ctx, account, { operation, reason: 'no-passkeys-for-role' });
      throw adapterError('FORBIDDEN');
    }
    return { rp, account };
  }

  /** One of the account's own passkeys; NOT_FOUND for a missing one and another's alike. */
  private async ownPasskey(account: AccountRecord, id: unknown): Promise<PasskeyRecord> {
    const passkey = typeof id === 'string' && id !== '' ? await this.store.passkeys.get(id) : null;
    if (!passkey || passkey.accountId !== account.id) throw adapterError('NOT_FOUND');
    return passkey;
  }

  /** Store a new ceremony for `challenge`; resolves its id (the client's bearer value). */
  private async newCeremony(
    purpose: CeremonyPurpose,
    challenge: string,
    accountId: string | null,
  ): Promise<string> {
    await this.pruneExpired();
    const ceremonyId = randomToken(32);
    await this.store.ceremonies.create({
      digest: await tokenDigest(ceremonyId),
      purpose,
      challenge,
      accountId,
      expiresAt: this.now() + AUTH_LIMITS.passkeyCeremonyTtl,
      used: false,
    });
    return ceremonyId;
  }

  /**
   * Use a ceremony once: it must exist, be of `purpose` (and, for a registration, of `account`),
   * be unused and unexpired; else PASSKEY_REJECTED `expired`. It is marked used before its
   * response is verified, so a challenge is answered at most once, right or wrong.
   */
  private async takeCeremony(
    ctx: RequestContext,
    ceremonyId: unknown,
    purpose: CeremonyPurpose,
    account: AccountRecord | null,
  ): Promise<CeremonyRecord> {
    await this.pruneExpired();
    const digest = await tokenDigest(typeof ceremonyId === 'string' ? ceremonyId : '');
    const ceremony = await this.store.ceremonies.get(digest);
    const usable =
      ceremony !== null &&
      ceremony.purpose === purpose &&
      ceremony.accountId === (account?.id ?? null) &&
      !ceremony.used &&
      ceremony.expiresAt > this.now();
    if (!usable || !(await this.store.ceremonies.markUsed(digest))) {
      this.log('passkey.rejected', ctx, account, { reason: 'ceremony-expired' });
      throw adapterError('PASSKEY_REJECTED', { reason: 'expired' });
    }
    return ceremony;
  }

  /** Log a refused passkey response and build its PASSKEY_REJECTED `invalid`. */
  private passkeyRejected(
    ctx: RequestContext,
    account: AccountRecord | null,
    reason: string,
    passkeyId: string | null,
  ): AdapterError<'PASSKEY_REJECTED'> {
    this.log('passkey.rejected', ctx, account, {
      reason,
      ...(passkeyId ? { passkey: passkeyTag(passkeyId) } : {}),
    });
    return adapterError('PASSKEY_REJECTED', { reason: 'invalid' });
  }

  private getDummyHash(): Promise<StoredPassword> {
    if (!this.dummyHash) {
      const pending = this.hasher.hash(randomToken(16));
      this.dummyHash = pending;
      // A refused hash (BUSY) is not kept: the next login tries again.
      pending.catch(() => {
        if (this.dummyHash === pending) this.dummyHash = null;
      });
    }
    return this.dummyHash;
  }

  /**
   * The account's typing template, opened (a legacy unsealed one as it is); null when none, or
   * when the sealed template does not open (its key id is not held, or it is damaged): then the
   * pattern cannot verify (codes still can), a `pattern.unreadable` event says why (never the
   * template), and the stored value stays as it is (an operator may restore the key).
   */
  private async openTyping(
    ctx: RequestContext,
    account: AccountRecord,
  ): Promise<TypingTemplate | null> {
    const typing: unknown = account.typing;
    if (typing === null || typing === undefined) return null;
    if (!isSealedValue(typing)) return typing as TypingTemplate;
    try {
      return await this.sealer.open<TypingTemplate>(typing, typingAad(account.id));
    } catch (error) {
      this.log('pattern.unreadable', ctx, account, {
        reason: isUnknownKeyError(error) ? 'unknown-key' : 'damaged',
      });
      return null;
    }
  }

  /**
   * `sealed` (a template of `accountId`) under the current key; `sealed` itself when it is
   * current, or when it does not open here (kept: its key may be restored, or held elsewhere).
   */
  private async resealed(sealed: SealedValue, accountId: string): Promise<SealedValue> {
    if (!this.sealer.needsReseal(sealed)) return sealed;
    let template: unknown;
    try {
      template = await this.sealer.open(sealed, typingAad(accountId));
    } catch {
      return sealed;
    }
    return this.sealer.seal(template, typingAad(accountId));
  }

  /**
   * The account's template sealed with the current key when it is legacy or old-key; else null
   * (also when it does not open: the stored value is kept).
   */
  private async upgradedTyping(account: AccountRecord): Promise<SealedValue | null> {
    const typing: unknown = account.typing;
    if (typing === null || typing === undefined) return null;
    if (isSealedValue(typing)) {
      if (!this.sealer.needsReseal(typing)) return null;
      const upgraded = await this.resealed(typing, account.id);
      return upgraded === typing ? null : upgraded;
    }
    return this.sealer.seal(typing, typingAad(account.id));
  }

  /**
   * Check a typed code (see {@link checkCode}) and log the verification, successful or not
   * (`account` null for an unknown username's flow).
   */
  private async verifiedCode(
    ctx: RequestContext,
    account: AccountRecord | null,
    record: CodeRecord | null,
    typed: unknown,
    save: (record: CodeRecord) => Promise<void>,
  ): Promise<void> {
    const method = record?.channel;
    let wrote = false;
    try {
      await this.checkCode(record, typed, async (c) => {
        wrote = true;
        await save(c);
      });
    } catch (err) {
      const reason = err instanceof AdapterError ? err.code : 'error';
      // In the activity log only when the code was counted (written): a refusal that changes
      // nothing for an unknown username's flow changes nothing for a real one either.
      this.log('verification.failed', ctx, account, { method, reason }, null, wrote);
      throw err;
    }
    this.log('verification.succeeded', ctx, account, { method });
  }

  /** Replace a verified password hash made with weaker or other parameters. */
  private async rehash(account: AccountRecord, old: StoredPassword, password: string) {
    const fresh = await this.hasher.hash(password);
    await this.store.withLock(`account:${account.id}`, async () => {
      const current = await this.store.accounts.get(account.id);
      if (!current?.password || current.password.hash !== old.hash) return;
      const history = current.passwordHistory.map((h) => (h.hash === old.hash ? fresh : h));
      await this.store.accounts.update(account.id, { password: fresh, passwordHistory: history });
    });
  }

  private guardKey(username: string): Promise<string> {
    return tokenDigest(`login:${usernameKey(username)}`);
  }

  /** A guard whose lock has run out counts as no failures at all. */
  private effectiveGuard(guard: LoginGuard | null): LoginGuard {
    if (!guard) return { failures: 0, lockedUntil: null };
    if (guard.lockedUntil !== null && guard.lockedUntil <= this.now()) {
      return { failures: 0, lockedUntil: null };
    }
    return guard;
  }

  /** Forget the username's failed logins; resolves true when it was locked. */
  private async clearGuard(username: string): Promise<boolean> {
    const key = await this.guardKey(username);
    return this.store.withLock(`guard:${key}`, async () => {
      const guard = await this.store.guards.get(key);
      if (guard) await this.store.guards.delete(key);
      return this.effectiveGuard(guard).lockedUntil !== null;
    });
  }

  /**
   * Throw RATE_LIMITED when a send on `key` (one account and purpose) to `channel` is not allowed
   * now; else record it. The 30-second interval is per destination (channel); the cap of
   * `sendsPerWindow` per rolling `sendWindow` counts every channel.
   */
  private async throttle(
    ctx: RequestContext,
    key: string,
    channel: Channel,
    account: AccountRecord | null,
  ): Promise<{ resendAvailableAt: number }> {
    return this.store.withLock(`throttle:${key}`, async () => {
      const now = this.now();
      const { sendInterval, sendsPerWindow, sendWindow } = AUTH_LIMITS;
      const recent = (await this.store.throttles.get(key)).filter((s) => s.at > now - sendWindow);
      const lastHere = recent.filter((s) => s.channel === channel).pop();
      let retryAfter = 0;
      if (lastHere && now < lastHere.at + sendInterval) retryAfter = lastHere.at + sendInterval;
      if (recent.length >= sendsPerWindow) {
        retryAfter = Math.max(retryAfter, recent[recent.length - sendsPerWindow]!.at + sendWindow);
      }
      if (retryAfter > now) {
        this.log('rate.limited', ctx, account, { method: channel, reason: 'send-throttle' });
        throw adapterError('RATE_LIMITED', { retryAfter });
      }
      recent.push({ at: now, channel });
      await this.store.throttles.put(key, recent);
      let next = now + sendInterval;
      if (recent.length >= sendsPerWindow) {
        next = Math.max(next, recent[recent.length - sendsPerWindow]!.at + sendWindow);
      }
      return { resendAvailableAt: next };
    });
  }

  /**
   * Housekeeping: delete expired codes, pending logins, devices, sessions and stale send
   * records, at most once a minute of clock time (every read checks `expiresAt` itself, so this
   * only bounds storage; on a shared database it halves a login's round trips).
   */
  private async pruneExpired(): Promise<void> {
    const now = this.now();
    if (now >= this.lastPrune && now - this.lastPrune < PRUNE_INTERVAL) return;
    this.lastPrune = now;
    await this.store.flows.deleteExpired(now);
    await this.store.pendings.deleteExpired(now);
    await this.store.devices.deleteExpired(now);
    await this.store.sessions.deleteExpired(now);
    await this.store.throttles.deleteStale(now - AUTH_LIMITS.sendWindow);
    await this.store.ceremonies.deleteExpired(now);
    await this.store.activity.deleteBefore(now - this.activityRetention);
  }

  private async newCode(channel: Channel): Promise<{ code: string; record: CodeRecord }> {
    const code = generateOtp();
    const digest = await saltedDigest(code);
    return {
      code,
      record: {
        ...digest,
        channel,
        expiresAt: this.now() + AUTH_LIMITS.codeTtl,
        failures: 0,
        used: false,
      },
    };
  }

  /**
   * Check a typed code against a stored record (the caller holds the record's lock); `save`
   * writes the record back: with one more failure, or marked used on success.
   */
  private async checkCode(
    record: CodeRecord | null,
    typed: unknown,
    save: (record: CodeRecord) => Promise<void>,
  ): Promise<void> {
    if (!record || record.used) throw adapterError('CODE_EXPIRED');
    if (record.failures >= AUTH_LIMITS.codeMaxFailures) {
      throw adapterError('CODE_ATTEMPTS_EXCEEDED');
    }
    if (this.now() >= record.expiresAt) throw adapterError('CODE_EXPIRED');
    const code = normalizeCode(typeof typed === 'string' ? typed : '');
    // Always hash, so that a malformed guess costs the same as a well-formed one.
    const ok = (await matchesSaltedDigest(code, record)) && isOtpShaped(code);
    if (!ok) {
      const failures = record.failures + 1;
      await save({ ...record, failures });
      const left = AUTH_LIMITS.codeMaxFailures - failures;
      if (left <= 0) throw adapterError('CODE_ATTEMPTS_EXCEEDED');
      throw adapterError('CODE_INVALID', { attemptsLeft: left });
    }
    await save({ ...record, used: true });
  }

  private masked(account: AccountRecord): Record<Channel, string> {
    return { email: maskEmail(account.email), sms: maskPhone(account.mobile) };
  }

  /**
   * Stable masked destinations for a username that does not exist, drawn from the shapes of
   * real masks (mask.ts) with bytes derived from the store secret and the username key: a
   * local initial, a domain of `placeholderDomains`, 4 digits.
   */
  private async placeholder(key: string): Promise<Record<Channel, string>> {
    const b = await sha256(`${await this.store.secret()}:placeholder:${key}`);
    return {
      email: placeholderEmail(b.subarray(0, 8), this.placeholderDomains),
      sms: placeholderPhone(b.subarray(8, 12)),
    };
  }

  private async profile(account: AccountRecord): Promise<UserProfile> {
    const p: UserProfile = {
      username: account.username,
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
      mobile: account.mobile,
      states: [...account.states],
      role: account.role,
    };
    if (account.role === 'producer' && account.producerId) p.producerId = account.producerId;
    if (account.role === 'delegate' && account.producerAccountId) {
      const producer = await this.store.accounts.get(account.producerAccountId);
      if (producer) {
        p.producer = {
          username: producer.username,
          firstName: producer.firstName,
          lastName: producer.lastName,
          producerId: producer.producerId ?? '',
        };
      }
    }
    return p;
  }

  /** Start a session for `account`, ending the caller's previous one, into `ctx`. */
  private async startSession(ctx: RequestContext, account: AccountRecord): Promise<Session> {
    const issuedAt = this.now();
    const expiresAt = issuedAt + AUTH_LIMITS.sessionTtl;
    const previous = ctx.sessionToken;
    if (typeof previous === 'string' && previous !== '') {
      await this.store.sessions.delete(await tokenDigest(previous));
    }
    const token = randomToken(32);
    const record: SessionRecord = {
      digest: await tokenDigest(token),
      accountId: account.id,
      issuedAt,
      expiresAt,
      lastSeenAt: issuedAt,
    };
    await this.store.sessions.create(record);
    ctx.sessionToken = token;
    return this.sessionFor(account, record);
  }

  private async sessionFor(
    account: AccountRecord,
    session: Pick<SessionRecord, 'issuedAt' | 'expiresAt' | 'lastSeenAt'>,
  ): Promise<Session> {
    return {
      user: await this.profile(account),
      capabilities: { ...CAPABILITIES[account.role] },
      issuedAt: session.issuedAt,
      expiresAt: session.expiresAt,
      idleExpiresAt: Math.min(session.expiresAt, this.lastSeen(session) + this.idleTimeout),
    };
  }

  /** When a session was last used (a session stored before idle timeouts: its sign-in). */
  private lastSeen(session: Pick<SessionRecord, 'issuedAt' | 'lastSeenAt'>): number {
    return Number.isFinite(session.lastSeenAt) ? session.lastSeenAt : session.issuedAt;
  }

  /**
   * The caller's live session and its account, recorded as used now (written when the last
   * record is `sessionTouch` old); deletes an expired or idle session, and clears `ctx` for
   * it or an unknown token.
   */
  private async currentSession(
    ctx: RequestContext,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
    const token = ctx.sessionToken;
    if (typeof token !== 'string' || token === '') return null;
    const digest = await tokenDigest(token);
    const session = await this.store.sessions.get(digest);
    const now = this.now();
    let account: AccountRecord | null = null;
    if (session) {
      const expired = session.expiresAt <= now;
      const idle = this.lastSeen(session) + this.idleTimeout <= now;
      if (expired || idle) {
        await this.store.sessions.delete(digest);
        const owner = await this.store.accounts.get(session.accountId);
        if (expired) this.log('session.ended', ctx, owner, { reason: 'expired' });
        else {
          this.log('session.idle-expired', ctx, owner, {
            until: this.lastSeen(session) + this.idleTimeout,
          });
        }
      } else {
        account = live(await this.store.accounts.get(session.accountId));
      }
    }
    if (!session || !account) {
      ctx.sessionToken = null;
      return null;
    }
    if (now - this.lastSeen(session) >= AUTH_LIMITS.sessionTouch) {
      await this.store.sessions.touch(digest, now);
      session.lastSeenAt = now;
    }
    return { session, account };
  }

  private async summary(account: AccountRecord): Promise<DelegateSummary> {
    const guard = this.effectiveGuard(
      await this.store.guards.get(await this.guardKey(account.username)),
    );
    await this.settleActivity();
    const lastSignIn = await this.store.activity.list(account.id, null, 1, ['sign-in']);
    const status: DelegateSummary['status'] = account.deactivatedAt
      ? 'deactivated'
      : guard.lockedUntil !== null
        ? 'locked'
        : account.password
          ? 'active'
          : 'invited';
    return {
      id: account.id,
      username: account.username,
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      mobile: account.mobile,
      states: [...account.states],
      language: account.language ?? 'en',
      status,
      createdAt: account.createdAt,
      lockedUntil: guard.lockedUntil,
      lastSignInAt: lastSignIn[0]?.at ?? null,
    };
  }

  /** Void the account's links and issue a new one (caller holds the account lock). */
  private async issueLink(
    account: AccountRecord,
    producer: AccountRecord,
  ): Promise<OutgoingMessage> {
    await this.store.links.voidForAccount(account.id);
    const token = randomToken(32);
    const now = this.now();
    await this.store.links.create({
      digest: await tokenDigest(token),
      accountId: account.id,
      createdAt: now,
      expiresAt: now + AUTH_LIMITS.linkTtl,
      usedAt: null,
      voided: false,
    });
    return invitationMessage(account, producer, this.confirmLinkUrl(token), this.helpDeskPhone);
  }

  /** The password fields for a new password, after the policy and history checks. */
  private async newPassword(
    account: AccountRecord,
    password: string,
  ): Promise<Pick<AccountRecord, 'password' | 'passwordHistory'>> {
    const failed = failedPasswordRules(password, {
      username: account.username,
      firstName: account.firstName,
      lastName: account.lastName,
      isCommon: await loadCommonPasswordCheck(),
    });
    if (failed.length) throw adapterError('PASSWORD_POLICY', { failed });
    for (const old of account.passwordHistory) {
      if (await this.hasher.verify(password, old)) {
        throw adapterError('PASSWORD_REUSED', { historySize: PASSWORD_HISTORY_SIZE });
      }
    }
    const hash = await this.hasher.hash(password);
    return {
      password: hash,
      passwordHistory: [...account.passwordHistory, hash].slice(-PASSWORD_HISTORY_SIZE),
    };
  }

  /**
   * Set a new password on an existing account (caller holds its lock): revokes its remembered
   * devices, ends all its sessions (and the caller's, when it was one of them), clears its
   * failed-login counter.
   */
  private async changePassword(
    ctx: RequestContext,
    account: AccountRecord,
    password: string,
    purpose: PasswordFlowPurpose,
  ): Promise<void> {
    const patch: AccountPatch = await this.newPassword(account, password);
    await this.store.accounts.update(account.id, patch);
    await this.store.devices.deleteForAccount(account.id);
    const token = ctx.sessionToken;
    if (typeof token === 'string' && token !== '') {
      const mine = await this.store.sessions.get(await tokenDigest(token));
      if (mine?.accountId === account.id) ctx.sessionToken = null;
    }
    await this.store.sessions.deleteForAccount(account.id);
    const wasLocked = await this.clearGuard(account.username);
    this.log('password.changed', ctx, account, { reason: purpose });
    if (wasLocked) this.log('account.unlocked', ctx, account, { reason: 'password-reset' });
  }

  /** A new active account of `role` (email confirmed, no password yet) from validated input. */
  private newAccount(
    role: Role,
    id: string,
    input: Pick<AccountRecord, 'username' | 'email' | 'firstName' | 'lastName' | 'mobile'>,
  ): AccountRecord {
    return {
      id,
      role,
      username: input.username.trim(),
      usernameKey: usernameKey(input.username),
      email: input.email.trim(),
      emailKey: normalizeEmail(input.email),
      firstName: normalizeName(input.firstName),
      lastName: normalizeName(input.lastName),
      mobile: normalizeUsMobile(input.mobile)!,
      states: [],
      createdAt: this.now(),
      emailConfirmed: true,
      password: null,
      passwordHistory: [],
      typing: null,
      patternFailures: 0,
    };
  }

  /** Give a new account its first password (policy checked) and insert it. */
  private async insertWithPassword(account: AccountRecord, password: string): Promise<UserProfile> {
    if (await this.store.accounts.getByUsername(account.usernameKey)) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    Object.assign(account, await this.newPassword(account, password));
    await this.insertAccount(account, true);
    return this.profile(account);
  }

  /**
   * Insert a new account (USERNAME_TAKEN if the username is taken). With a password set, failed
   * logins counted against the username before the account existed do not carry over.
   */
  private async insertAccount(account: AccountRecord, withPassword: boolean): Promise<void> {
    if (!(await this.store.accounts.create(account))) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    if (withPassword) await this.clearGuard(account.username);
  }

  private async flowDigest(flowId: unknown): Promise<string> {
    await this.pruneExpired();
    return tokenDigest(String(flowId));
  }

  private async flowByDigest(digest: string): Promise<FlowRecord> {
    const f = await this.store.flows.get(digest);
    if (!f || f.expiresAt <= this.now()) throw adapterError('FLOW_EXPIRED');
    return f;
  }

  private async pendingDigest(pendingId: unknown): Promise<string> {
    await this.pruneExpired();
    return tokenDigest(String(pendingId));
  }

  private async pendingByDigest(
    digest: string,
  ): Promise<{ pending: PendingRecord; account: AccountRecord }> {
    const pending = await this.store.pendings.get(digest);
    if (!pending || pending.expiresAt <= this.now()) throw adapterError('FLOW_EXPIRED');
    const account = live(await this.store.accounts.get(pending.accountId));
    if (!account) throw adapterError('FLOW_EXPIRED');
    return { pending, account };
  }

  /**
   * `template`: the account's opened template when this login verifies (null when it does not
   * open, see openTyping): its sentence is the one to type.
   */
  private pendingView(
    id: string,
    p: PendingRecord,
    account: AccountRecord,
    template: TypingTemplate | null = null,
  ): PendingLogin {
    const patternReadable = template !== null;
    const sampleLang = p.sampleLang ?? 'en';
    const codesOpen = p.stage !== 'enroll';
    const options: VerificationOption[] = [
      { method: 'email', masked: maskEmail(account.email), available: codesOpen },
      { method: 'sms', masked: maskPhone(account.mobile), available: codesOpen },
    ];
    if (p.stage === 'verify') {
      options.push({
        method: 'pattern',
        available:
          patternReadable &&
          account.typing !== null &&
          account.patternFailures < AUTH_LIMITS.patternMaxFailures,
      });
    }
    return {
      pendingId: id,
      username: account.username,
      mustEnrollPattern: p.stage === 'enroll',
      sampleText: p.stage === 'verify' && template ? template.text : this.sampleTexts[sampleLang],
      sampleLang,
      options,
      expiresAt: p.expiresAt,
    };
  }

  /** End a pending login with a session (and a remembered device when asked). */
  private async completeLogin(
    ctx: RequestContext,
    account: AccountRecord,
    pendingDigest: string,
    rememberDevice: boolean,
  ): Promise<VerifiedLogin> {
    await this.store.pendings.delete(pendingDigest);
    const session = await this.startSession(ctx, account);
    this.activity(account, { type: 'sign-in', method: null, outcome: 'success' }, null);
    if (!rememberDevice) return { session };
    this.log('device.remembered', ctx, account);
    const token = randomToken(32);
    const device: DeviceToken = { token, expiresAt: this.now() + AUTH_LIMITS.deviceTtl };
    await this.store.devices.create({
      digest: await tokenDigest(token),
      accountId: account.id,
      expiresAt: device.expiresAt,
    });
    return { session, deviceToken: device };
  }

  private async validDevice(account: AccountRecord, token: unknown): Promise<number | null> {
    if (typeof token !== 'string' || token === '') return null;
    const d = await this.store.devices.get(await tokenDigest(token));
    return d && d.accountId === account.id && d.expiresAt > this.now() ? d.expiresAt : null;
  }

  /** Validate Add Delegate input (hostile values included) and build the invited account. */
  private async newDelegate(producer: AccountRecord, raw: DelegateInput): Promise<AccountRecord> {
    const input = cleanDelegateInput(raw);
    const fields = validateDelegateInput(input, producer.states);
    if (Object.keys(fields).length) throw validation(fields);
    if (await this.store.accounts.getByUsername(usernameKey(input.username))) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    return {
      id: `dlg_${randomToken(12)}`,
      role: 'delegate',
      username: input.username.trim(),
      usernameKey: usernameKey(input.username),
      email: input.email.trim(),
      emailKey: normalizeEmail(input.email),
      firstName: normalizeName(input.firstName),
      lastName: normalizeName(input.lastName),
      mobile: normalizeUsMobile(input.mobile)!,
      states: STATE_CODES.filter((s) => input.states.includes(s)),
      language: input.language ?? 'en',
      producerAccountId: producer.id,
      createdAt: this.now(),
      emailConfirmed: false,
      password: null,
      passwordHistory: [],
      typing: null,
      patternFailures: 0,
    };
  }
}
