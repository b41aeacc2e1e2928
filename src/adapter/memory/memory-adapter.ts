/**
 * The reference in-memory backend: a complete, rule-enforcing implementation of
 * {@link AuthAdapter} that runs in the browser or in Node 20+ with no server. The demo portal,
 * the tests and Storybook run on it; integrators can prototype with it.
 *
 * It does not send real mail: every email and SMS goes to {@link MemoryAdapter.outbox} (oldest
 * first, newest LAST) and is announced by an `outbox` event. Every time-based rule reads the
 * injectable {@link Clock}. Calls run one at a time (like requests served in order), so
 * concurrent callers can never race a counter.
 */
import { DEFAULT_SAMPLE_TEXT, defaultTypingMatcher } from '../../core/typing/matcher.js';
import type { TypingMatcher } from '../../core/typing/types.js';
import { systemClock, type Clock, DAY, HOUR, MINUTE, SECOND } from '../../core/clock.js';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  hashPassword,
  matchesSaltedDigest,
  saltedDigest,
  sha256,
  tokenDigest,
  verifyPassword,
  type PasswordHash,
} from '../../core/hash.js';
import { validateIssueReport } from '../../core/issue-report.js';
import { maskEmail, maskPhone } from '../../core/mask.js';
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
  validateUsername,
  type FieldReason,
} from '../../core/validation.js';
import { AdapterError, adapterError } from '../errors.js';
import {
  STATE_CODES,
  type AuthAdapter,
  type CallOptions,
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
  type OutboxMessage,
  type PasswordFlow,
  type PasswordFlowPurpose,
  type PendingLogin,
  type Session,
  type StateCode,
  type TypingSample,
  type UserProfile,
  type VerificationOption,
  type VerifiedLogin,
} from '../types.js';
import {
  isMemoryState,
  STATE_VERSION,
  type AccountRecord,
  type CodeRecord,
  type FlowRecord,
  type LoginGuard,
  type MemoryState,
  type PendingRecord,
} from './state.js';

/** Every limit the reference adapter enforces (issue 3), in one place. */
export const MEMORY_LIMITS = {
  /** One-time code validity. */
  codeTtl: 10 * MINUTE,
  /** Wrong entries that void a code (the next guess fails even if right). */
  codeMaxFailures: 5,
  /**
   * Send throttle, per account and purpose (create-password codes, reset-password codes, login
   * codes; username reminders per email address): at most one send per this interval to each destination (channel)…
   */
  sendInterval: 30 * SECOND,
  /** …and at most `sendsPerHour` sends per rolling hour over all channels. */
  sendsPerHour: 5,
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
  sessionTtl: 8 * HOUR,
} as const;

export const DEFAULT_SUPPORT_EMAIL = 'ProducerExperiencePortal@example.com';
export const DEFAULT_HELP_DESK_PHONE = '1-888-706-0583';
export const DEFAULT_STORAGE_KEY = 'pep-memory-adapter';

/** The storage this adapter persists to: any Web Storage-like object. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface MemoryAdapterOptions {
  /** Time source for every rule; tests pass a `ManualClock`. Default: `Date.now`. */
  clock?: Clock;
  /**
   * PBKDF2-SHA256 work factor for new password hashes. Default 210 000 (OWASP 2023). Tests and
   * demos may lower it for speed and must say so.
   */
  pbkdf2Iterations?: number;
  /**
   * Find Account reveals whether a username exists (`NOT_FOUND`) instead of answering every
   * username with the same shape. Default false (issue 3, rule 9).
   */
  revealAccounts?: boolean;
  /** Persist the whole state (JSON) here on every change, and restore it on construction. */
  storage?: StorageLike;
  /** Key in `storage`; the simulated mailboxes (outbox) use `${storageKey}:outbox`. */
  storageKey?: string;
  /** The *Confirm Your Email Address* URL for a link token. */
  confirmLinkUrl?: (token: string) => string;
  /** Where Report an Issue emails go. */
  supportEmail?: string;
  /** The Internet Help Desk number quoted in emails. */
  helpDeskPhone?: string;
  /**
   * When `storage` is the window's `localStorage`, follow changes made by other tabs (the
   * window's `storage` event reloads the state). Default true.
   */
  syncAcrossTabs?: boolean;
  /** Typing-pattern matcher. Default: `defaultTypingMatcher`. */
  matcher?: TypingMatcher;
  /** The sentence typed for the pattern. Default: `DEFAULT_SAMPLE_TEXT`. */
  sampleText?: string;
}

/** What `admin.createProducer` needs. The password must meet the policy. */
export interface ProducerInput {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Any common US format; stored E.164. */
  mobile: string;
  states: StateCode[];
  producerId: string;
}

/** What `admin.createDelegate` needs: Add Delegate's fields plus the producer's username. */
export interface DelegateSeed extends DelegateInput {
  producer: string;
  password?: string;
  typingSamples?: TypingSample[];
}

/** Non-contract operations for demos, tests and stories. */
export interface MemoryAdapterAdmin {
  /** Create a producer account (active, email confirmed). Rejects USERNAME_TAKEN / VALIDATION / PASSWORD_POLICY. */
  createProducer(input: ProducerInput): Promise<UserProfile>;
  /**
   * Create a delegate of `producer` directly, sending nothing: with `password` it is active
   * (email confirmed), with `typingSamples` (3 attempts at `sampleText`) its pattern is already
   * enrolled, so its next login offers email, SMS and pattern. For stories and tests that start
   * mid-journey. Rejects NOT_FOUND (producer), VALIDATION, USERNAME_TAKEN, PASSWORD_POLICY,
   * PATTERN_INVALID_SAMPLES.
   */
  createDelegate(input: DelegateSeed): Promise<DelegateSummary>;
  /**
   * Start a session for `username` without a password, as a host whose producer login lives
   * elsewhere would. Rejects NOT_FOUND.
   */
  signIn(username: string): Promise<Session>;
  /** True when an account with this username exists (case-insensitive). */
  hasAccount(username: string): boolean;
  /** The JSON this adapter persists (whether or not it has storage): to inspect for secrets. */
  snapshot(): string;
}

export interface MemoryAdapterEventMap {
  /** A message was appended to the outbox; `detail` is the message. */
  outbox: CustomEvent<OutboxMessage>;
  /** The state changed (any call that changed something, a reset, a reload from storage). */
  change: Event;
}

const DELEGATE_CAPABILITIES: Capabilities = {
  quote: true,
  onExchangeEnrollmentSso: false,
  medicareQuotingSso: false,
  manageDelegates: false,
};
const PRODUCER_CAPABILITIES: Capabilities = {
  quote: true,
  onExchangeEnrollmentSso: true,
  medicareQuotingSso: true,
  manageDelegates: true,
};

const PLACEHOLDER_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com'];

function freshState(): MemoryState {
  return {
    version: STATE_VERSION,
    pepper: randomToken(32),
    accounts: [],
    links: [],
    flows: [],
    pendings: [],
    devices: [],
    throttles: {},
    guards: {},
    session: null,
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function defaultConfirmLinkUrl(token: string): string {
  const t = encodeURIComponent(token);
  if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) {
    return `${location.origin}${location.pathname}#/delegate/verify-email?token=${t}`;
  }
  return `https://portal.example/#/delegate/verify-email?token=${t}`;
}

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
  };
}

function validation(fields: Record<string, FieldReason>): AdapterError<'VALIDATION'> {
  return adapterError('VALIDATION', { fields });
}

function isChannel(value: unknown): value is Channel {
  return value === 'email' || value === 'sms';
}

/**
 * The reference in-memory adapter. See the module comment and {@link MEMORY_LIMITS}.
 *
 * Error conventions beyond the contract's JSDoc:
 * - A code's 5th wrong entry rejects `CODE_ATTEMPTS_EXCEEDED` (earlier ones `CODE_INVALID` with
 *   `attemptsLeft` 4…1); every later entry, right or not, also `CODE_ATTEMPTS_EXCEEDED`.
 * - A used, replaced or never-sent code rejects `CODE_EXPIRED`.
 * - The 3rd consecutive pattern failure rejects `PATTERN_MISMATCH {attemptsLeft: 0}`; from then
 *   on `PATTERN_UNAVAILABLE {reason: 'locked'}` until a code verification succeeds.
 * - On a first login (`mustEnrollPattern`), codes cannot be sent before the pattern is enrolled
 *   (`FORBIDDEN`; the options are listed with `available: false`).
 * - Add Delegate, List Delegates, Resend Invitation and Report an Issue need a session
 *   (`NOT_AUTHENTICATED`); the delegate operations need a producer (`FORBIDDEN`).
 * - The help-desk operations reject `NOT_FOUND` for an unknown username (they are staff tools).
 *   `resetTypingPattern` also revokes remembered devices, so the next login must enroll.
 * - `enrollTypingPattern` returns the same `pendingId` with email + SMS options only; the new
 *   pattern cannot verify that same login (`FORBIDDEN`), a code must.
 * - Wrong passwords count per username whether or not it exists, so unknown usernames lock
 *   too and lockout reveals nothing. Locked: `ACCOUNT_LOCKED` with the same `unlocksAt` for
 *   any password (the lock is not extended).
 * - Send throttle (`RATE_LIMITED {retryAfter}`): per account and purpose (create-password,
 *   reset-password, login codes; username reminders per email address); 30 s per destination
 *   (email or SMS), 5 sends per rolling hour in all. Unknown usernames are throttled the same.
 * - A new password revokes the account's remembered devices and ends its session.
 * - Flows (find account → set password) live 30 minutes (15 after the code is verified);
 *   pending logins 15 minutes; sessions 8 hours. See {@link MEMORY_LIMITS}.
 * - Every call honours `options.signal`: aborted before the call starts, it does nothing; aborted
 *   while it runs, the work stands (as on a server) but the call rejects `ABORTED`.
 */
export class MemoryAdapter extends EventTarget implements AuthAdapter {
  private state: MemoryState;
  private messages: OutboxMessage[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private dirty = false;
  private dummyHash: Promise<PasswordHash> | null = null;

  private readonly clock: Clock;
  private readonly iterations: number;
  private readonly revealAccounts: boolean;
  private readonly storage: StorageLike | null;
  private readonly storageKey: string;
  private readonly confirmLinkUrl: (token: string) => string;
  readonly supportEmail: string;
  readonly helpDeskPhone: string;
  readonly matcher: TypingMatcher;
  readonly sampleText: string;

  /** Operations for demos, tests and stories; not part of {@link AuthAdapter}. */
  readonly admin: MemoryAdapterAdmin;

  constructor(options: MemoryAdapterOptions = {}) {
    super();
    this.clock = options.clock ?? systemClock;
    this.iterations = options.pbkdf2Iterations ?? DEFAULT_PBKDF2_ITERATIONS;
    if (!Number.isInteger(this.iterations) || this.iterations < 1) {
      throw new RangeError('pbkdf2Iterations must be a positive integer');
    }
    this.revealAccounts = options.revealAccounts ?? false;
    this.storage = options.storage ?? null;
    this.storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
    this.confirmLinkUrl = options.confirmLinkUrl ?? defaultConfirmLinkUrl;
    this.supportEmail = options.supportEmail ?? DEFAULT_SUPPORT_EMAIL;
    this.helpDeskPhone = options.helpDeskPhone ?? DEFAULT_HELP_DESK_PHONE;
    this.matcher = options.matcher ?? defaultTypingMatcher;
    this.sampleText = options.sampleText ?? DEFAULT_SAMPLE_TEXT;
    this.state = freshState();
    this.load();
    // Ready before the first login, so even that one costs what a known user's costs.
    void this.getDummyHash().catch(() => undefined);
    if (
      this.storage &&
      options.syncAcrossTabs !== false &&
      typeof window !== 'undefined' &&
      typeof window.addEventListener === 'function' &&
      safeLocalStorage() === this.storage
    ) {
      window.addEventListener('storage', (e: StorageEvent) => {
        if (e.key === null || e.key === this.storageKey || e.key === this.outboxKey) {
          void this.reload();
        }
      });
    }
    this.admin = {
      createProducer: (input) => this.run(undefined, () => this.createProducer(input)),
      createDelegate: (input) => this.run(undefined, () => this.createDelegate(input)),
      signIn: (username) => this.run(undefined, async () => this.signIn(username)),
      hasAccount: (username) => this.accountByUsername(username) !== undefined,
      snapshot: () => JSON.stringify(this.state),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Outbox, events, persistence
  // -------------------------------------------------------------------------------------------

  /** Every email and SMS "sent", oldest first: the newest message is the LAST element. */
  get outbox(): readonly OutboxMessage[] {
    return this.messages;
  }

  override addEventListener<K extends keyof MemoryAdapterEventMap>(
    type: K,
    listener: (event: MemoryAdapterEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | ((event: never) => void) | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof MemoryAdapterEventMap>(
    type: K,
    listener: (event: MemoryAdapterEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | ((event: never) => void) | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Forget everything (accounts, sessions, outbox) and clear the stored copy. */
  reset(): void {
    this.state = freshState();
    this.messages = [];
    if (this.storage) {
      this.storage.removeItem(this.storageKey);
      this.storage.removeItem(this.outboxKey);
    }
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Re-read the stored state, after the calls already queued (done automatically when another
   * tab changes `localStorage`, see `syncAcrossTabs`). No-op without storage.
   */
  reload(): Promise<void> {
    return this.run(undefined, async () => {
      if (!this.storage) return;
      this.load();
      this.dispatchEvent(new Event('change'));
    });
  }

  private get outboxKey(): string {
    return `${this.storageKey}:outbox`;
  }

  private load(): void {
    if (!this.storage) return;
    try {
      const raw = this.storage.getItem(this.storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      this.state = isMemoryState(parsed) ? parsed : freshState();
      const rawOutbox = this.storage.getItem(this.outboxKey);
      const box: unknown = rawOutbox ? JSON.parse(rawOutbox) : [];
      this.messages = Array.isArray(box) ? (box as OutboxMessage[]) : [];
    } catch {
      this.state = freshState();
      this.messages = [];
    }
  }

  private save(): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(this.state));
      this.storage.setItem(this.outboxKey, JSON.stringify(this.messages));
    } catch {
      // Storage full or unavailable: the in-memory state stays authoritative.
    }
  }

  private touch(): void {
    this.dirty = true;
  }

  private deliver(message: Omit<OutboxMessage, 'id' | 'sentAt'>): OutboxMessage {
    const full: OutboxMessage = { id: `msg-${randomToken(9)}`, sentAt: this.now(), ...message };
    this.messages = [...this.messages, full];
    this.touch();
    this.dispatchEvent(new CustomEvent<OutboxMessage>('outbox', { detail: full }));
    return full;
  }

  /**
   * Run one operation after the previous ones (serialised), honouring `signal` before and
   * after the work, and normalising every failure to an AdapterError.
   */
  private run<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(adapterError('ABORTED'));
    const result = this.queue.then(async () => {
      if (signal?.aborted) throw adapterError('ABORTED');
      try {
        return await work();
      } finally {
        if (this.dirty) {
          this.dirty = false;
          this.save();
          this.dispatchEvent(new Event('change'));
        }
      }
    });
    this.queue = result.catch(() => undefined);
    return result.then(
      (value) => {
        if (signal?.aborted) throw adapterError('ABORTED');
        return value;
      },
      (err: unknown) => {
        if (signal?.aborted) throw adapterError('ABORTED');
        if (err instanceof AdapterError) throw err;
        const wrapped = adapterError('UNAVAILABLE');
        Object.assign(wrapped, { cause: err });
        throw wrapped;
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------

  private now(): number {
    return this.clock.now();
  }

  private accountByUsername(username: string): AccountRecord | undefined {
    const key = usernameKey(username);
    return this.state.accounts.find((a) => a.usernameKey === key);
  }

  private accountById(id: string): AccountRecord | undefined {
    return this.state.accounts.find((a) => a.id === id);
  }

  private async guardKey(username: string): Promise<string> {
    return tokenDigest(`login:${usernameKey(username)}`);
  }

  private guardFor(key: string): LoginGuard {
    const g = this.state.guards[key];
    if (g && g.lockedUntil !== null && g.lockedUntil <= this.now()) {
      g.lockedUntil = null;
      g.failures = 0;
      this.touch();
    }
    return g ?? { failures: 0, lockedUntil: null };
  }

  private async isLocked(account: AccountRecord): Promise<boolean> {
    const g = this.guardFor(await this.guardKey(account.username));
    return g.lockedUntil !== null;
  }

  private async clearGuard(username: string): Promise<void> {
    const key = await this.guardKey(username);
    if (this.state.guards[key]) {
      delete this.state.guards[key];
      this.touch();
    }
  }

  /**
   * Throw RATE_LIMITED when a send on `key` (one account and purpose) to `channel` is not allowed
   * now; else record it. The 30-second interval is per destination (channel); the hourly cap
   * counts every channel.
   */
  private throttle(key: string, channel: Channel): { resendAvailableAt: number } {
    const now = this.now();
    const { sendInterval, sendsPerHour } = MEMORY_LIMITS;
    const recent = (this.state.throttles[key] ?? []).filter((s) => s.at > now - HOUR);
    const lastHere = recent.filter((s) => s.channel === channel).pop();
    let retryAfter = 0;
    if (lastHere && now < lastHere.at + sendInterval) retryAfter = lastHere.at + sendInterval;
    if (recent.length >= sendsPerHour) retryAfter = Math.max(retryAfter, recent[0]!.at + HOUR);
    if (retryAfter > now) throw adapterError('RATE_LIMITED', { retryAfter });
    recent.push({ at: now, channel });
    this.state.throttles[key] = recent;
    this.touch();
    let next = now + sendInterval;
    if (recent.length >= sendsPerHour) {
      next = Math.max(next, recent[recent.length - sendsPerHour]!.at + HOUR);
    }
    return { resendAvailableAt: next };
  }

  private pruneExpired(): void {
    const now = this.now();
    const before = this.state.flows.length + this.state.pendings.length + this.state.devices.length;
    this.state.flows = this.state.flows.filter((f) => f.expiresAt > now);
    this.state.pendings = this.state.pendings.filter((p) => p.expiresAt > now);
    this.state.devices = this.state.devices.filter((d) => d.expiresAt > now);
    for (const [k, sends] of Object.entries(this.state.throttles)) {
      if (sends.every((x) => x.at <= now - HOUR)) {
        delete this.state.throttles[k];
        this.touch();
      }
    }
    if (
      this.state.flows.length + this.state.pendings.length + this.state.devices.length !==
      before
    ) {
      this.touch();
    }
  }

  private async newCode(channel: Channel): Promise<{ code: string; record: CodeRecord }> {
    const code = generateOtp();
    const digest = await saltedDigest(code);
    return {
      code,
      record: {
        ...digest,
        channel,
        expiresAt: this.now() + MEMORY_LIMITS.codeTtl,
        failures: 0,
        used: false,
      },
    };
  }

  /** Check a typed code against a stored record; marks it used on success. */
  private async checkCode(record: CodeRecord | null, typed: string): Promise<void> {
    if (!record || record.used) throw adapterError('CODE_EXPIRED');
    if (record.failures >= MEMORY_LIMITS.codeMaxFailures) {
      throw adapterError('CODE_ATTEMPTS_EXCEEDED');
    }
    if (this.now() >= record.expiresAt) throw adapterError('CODE_EXPIRED');
    const code = normalizeCode(typeof typed === 'string' ? typed : '');
    // Always hash, so that a malformed guess costs the same as a well-formed one.
    const ok = (await matchesSaltedDigest(code, record)) && isOtpShaped(code);
    this.touch();
    if (!ok) {
      record.failures += 1;
      const left = MEMORY_LIMITS.codeMaxFailures - record.failures;
      if (left <= 0) throw adapterError('CODE_ATTEMPTS_EXCEEDED');
      throw adapterError('CODE_INVALID', { attemptsLeft: left });
    }
    record.used = true;
  }

  private codeText(code: string, channel: Channel): string {
    return channel === 'sms'
      ? `Producer Experience Portal: your one-time passcode is ${code}. It expires in 10 minutes. Never share it.`
      : [
          'Your one-time passcode for the Producer Experience Portal is:',
          '',
          `    ${code}`,
          '',
          'It expires in 10 minutes and works once. If you did not ask for it, you can ignore this email.',
          '',
          `Questions? Call the Internet Help Desk at ${this.helpDeskPhone}.`,
        ].join('\n');
  }

  private sendCodeMessage(account: AccountRecord, channel: Channel, code: string): void {
    this.deliver(
      channel === 'sms'
        ? { channel: 'sms', to: account.mobile, text: this.codeText(code, 'sms') }
        : {
            channel: 'email',
            to: account.email,
            subject: 'Your Verification Code',
            text: this.codeText(code, 'email'),
          },
    );
  }

  private masked(account: AccountRecord): Record<Channel, string> {
    return { email: maskEmail(account.email), sms: maskPhone(account.mobile) };
  }

  /** Stable, plausible masked destinations for a username that does not exist. */
  private async placeholder(key: string): Promise<Record<Channel, string>> {
    const b = await sha256(`${this.state.pepper}:placeholder:${key}`);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const localLength = 6 + (b[0]! % 7);
    const tail = [b[1]!, b[2]!, b[3]!].map((x) => letters[x % 26]).join('');
    const domain = PLACEHOLDER_DOMAINS[b[4]! % PLACEHOLDER_DOMAINS.length]!;
    const digits = [b[5]!, b[6]!, b[7]!, b[8]!].map((x) => String(x % 10)).join('');
    return { email: `${'x'.repeat(localLength - 3)}${tail}@${domain}`, sms: `xxxxxx${digits}` };
  }

  private profile(account: AccountRecord): UserProfile {
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
      const producer = this.accountById(account.producerAccountId);
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

  private startSession(account: AccountRecord): Session {
    const issuedAt = this.now();
    const expiresAt = issuedAt + MEMORY_LIMITS.sessionTtl;
    this.state.session = { accountId: account.id, issuedAt, expiresAt };
    this.touch();
    return this.sessionFor(account, issuedAt, expiresAt);
  }

  private sessionFor(account: AccountRecord, issuedAt: number, expiresAt: number): Session {
    return {
      user: this.profile(account),
      capabilities: {
        ...(account.role === 'producer' ? PRODUCER_CAPABILITIES : DELEGATE_CAPABILITIES),
      },
      issuedAt,
      expiresAt,
    };
  }

  private currentAccount(): AccountRecord | null {
    const s = this.state.session;
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.state.session = null;
      this.touch();
      return null;
    }
    return this.accountById(s.accountId) ?? null;
  }

  private requireProducer(): AccountRecord {
    const account = this.currentAccount();
    if (!account) throw adapterError('NOT_AUTHENTICATED');
    if (account.role !== 'producer') throw adapterError('FORBIDDEN');
    return account;
  }

  private async statusOf(account: AccountRecord): Promise<DelegateSummary['status']> {
    if (await this.isLocked(account)) return 'locked';
    return account.password ? 'active' : 'invited';
  }

  private async summary(account: AccountRecord): Promise<DelegateSummary> {
    return {
      id: account.id,
      username: account.username,
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      mobile: account.mobile,
      states: [...account.states],
      status: await this.statusOf(account),
      createdAt: account.createdAt,
    };
  }

  private async issueLink(account: AccountRecord, producer: AccountRecord): Promise<void> {
    for (const l of this.state.links) if (l.accountId === account.id) l.voided = true;
    const token = randomToken(32);
    const now = this.now();
    this.state.links.push({
      digest: await tokenDigest(token),
      accountId: account.id,
      createdAt: now,
      expiresAt: now + MEMORY_LIMITS.linkTtl,
      usedAt: null,
      voided: false,
    });
    this.touch();
    const url = this.confirmLinkUrl(token);
    this.deliver({
      channel: 'email',
      to: account.email,
      subject: 'Confirm Your Email Address',
      text: [
        `Confirm Your Email Address: ${url}`,
        '',
        `Hello ${account.firstName},`,
        '',
        `${producer.firstName} ${producer.lastName} added you as a delegate on the Producer Experience Portal.`,
        '',
        `Username: ${account.username}`,
        '',
        'Select the link above to confirm your email address, then create your password.',
        'The link is valid for 7 days or until you use it once.',
        '',
        `Questions? Call the Internet Help Desk at ${this.helpDeskPhone}.`,
      ].join('\n'),
    });
  }

  private async setAccountPassword(account: AccountRecord, password: string): Promise<void> {
    password = str(password);
    const failed = failedPasswordRules(password, account);
    if (failed.length) throw adapterError('PASSWORD_POLICY', { failed });
    for (const old of account.passwordHistory) {
      if (await verifyPassword(password, old)) {
        throw adapterError('PASSWORD_REUSED', { historySize: PASSWORD_HISTORY_SIZE });
      }
    }
    const hash = await hashPassword(password, this.iterations);
    account.password = hash;
    account.passwordHistory = [...account.passwordHistory, hash].slice(-PASSWORD_HISTORY_SIZE);
    // A password change revokes remembered devices and ends the account's session.
    this.state.devices = this.state.devices.filter((d) => d.accountId !== account.id);
    if (this.state.session?.accountId === account.id) this.state.session = null;
    await this.clearGuard(account.username);
    this.touch();
  }

  private getDummyHash(): Promise<PasswordHash> {
    this.dummyHash ??= hashPassword(randomToken(16), this.iterations);
    return this.dummyHash;
  }

  private async pendingById(pendingId: string): Promise<PendingRecord> {
    this.pruneExpired();
    const digest = await tokenDigest(String(pendingId));
    const p = this.state.pendings.find((x) => x.digest === digest);
    if (!p) throw adapterError('FLOW_EXPIRED');
    if (!this.accountById(p.accountId)) throw adapterError('FLOW_EXPIRED');
    return p;
  }

  private async flowById(flowId: string): Promise<FlowRecord> {
    this.pruneExpired();
    const digest = await tokenDigest(String(flowId));
    const f = this.state.flows.find((x) => x.digest === digest);
    if (!f) throw adapterError('FLOW_EXPIRED');
    return f;
  }

  private pendingView(id: string, p: PendingRecord, account: AccountRecord): PendingLogin {
    const codesOpen = p.stage !== 'enroll';
    const options: VerificationOption[] = [
      { method: 'email', masked: maskEmail(account.email), available: codesOpen },
      { method: 'sms', masked: maskPhone(account.mobile), available: codesOpen },
    ];
    if (p.stage === 'verify') {
      options.push({
        method: 'pattern',
        available:
          account.typing !== null && account.patternFailures < MEMORY_LIMITS.patternMaxFailures,
      });
    }
    return {
      pendingId: id,
      username: account.username,
      mustEnrollPattern: p.stage === 'enroll',
      sampleText: this.sampleText,
      options,
      expiresAt: p.expiresAt,
    };
  }

  private async completeLogin(
    account: AccountRecord,
    pending: PendingRecord,
    rememberDevice: boolean,
  ): Promise<VerifiedLogin> {
    this.state.pendings = this.state.pendings.filter((p) => p !== pending);
    const session = this.startSession(account);
    if (!rememberDevice) return { session };
    const token = randomToken(32);
    const device: DeviceToken = { token, expiresAt: this.now() + MEMORY_LIMITS.deviceTtl };
    this.state.devices.push({
      digest: await tokenDigest(token),
      accountId: account.id,
      expiresAt: device.expiresAt,
    });
    this.touch();
    return { session, deviceToken: device };
  }

  private async validDevice(account: AccountRecord, token: string): Promise<number | null> {
    if (typeof token !== 'string' || token === '') return null;
    const digest = await tokenDigest(token);
    const d = this.state.devices.find(
      (x) => x.digest === digest && x.accountId === account.id && x.expiresAt > this.now(),
    );
    return d ? d.expiresAt : null;
  }

  /** Validate Add Delegate input (hostile values included) and build the invited account. */
  private newDelegate(producer: AccountRecord, raw: DelegateInput): AccountRecord {
    const input = cleanDelegateInput(raw);
    const fields = validateDelegateInput(input, producer.states);
    if (Object.keys(fields).length) throw validation(fields);
    if (this.accountByUsername(input.username)) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    return {
      id: `dlg_${randomToken(12)}`,
      role: 'delegate',
      username: input.username.trim(),
      usernameKey: usernameKey(input.username),
      email: input.email.trim(),
      firstName: normalizeName(input.firstName),
      lastName: normalizeName(input.lastName),
      mobile: normalizeUsMobile(input.mobile)!,
      states: STATE_CODES.filter((s) => input.states.includes(s)),
      producerAccountId: producer.id,
      createdAt: this.now(),
      emailConfirmed: false,
      password: null,
      passwordHistory: [],
      typing: null,
      patternFailures: 0,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Admin (non-contract)
  // -------------------------------------------------------------------------------------------

  private async createProducer(input: ProducerInput): Promise<UserProfile> {
    input = { ...input, ...cleanDelegateInput(input), producerId: str(input.producerId) };
    const fields: Record<string, FieldReason> = { ...validateDelegateInput(input) };
    if (input.producerId.trim() === '') fields['producerId'] = 'required';
    if (Object.keys(fields).length) throw validation(fields);
    if (this.accountByUsername(input.username)) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    const account: AccountRecord = {
      id: `usr_${randomToken(12)}`,
      role: 'producer',
      username: input.username.trim(),
      usernameKey: usernameKey(input.username),
      email: input.email.trim(),
      firstName: normalizeName(input.firstName),
      lastName: normalizeName(input.lastName),
      mobile: normalizeUsMobile(input.mobile)!,
      states: STATE_CODES.filter((s) => input.states.includes(s)),
      producerId: input.producerId.trim(),
      createdAt: this.now(),
      emailConfirmed: true,
      password: null,
      passwordHistory: [],
      typing: null,
      patternFailures: 0,
    };
    await this.setAccountPassword(account, input.password);
    this.state.accounts.push(account);
    this.touch();
    return this.profile(account);
  }

  private async createDelegate(input: DelegateSeed): Promise<DelegateSummary> {
    const producer = this.accountByUsername(String(input.producer ?? ''));
    if (!producer || producer.role !== 'producer') throw adapterError('NOT_FOUND');
    const account = this.newDelegate(producer, input);
    if (input.password !== undefined) {
      await this.setAccountPassword(account, input.password);
      account.emailConfirmed = true;
    }
    if (input.typingSamples) {
      const template = this.matcher.enroll(input.typingSamples, this.sampleText);
      if (!template) {
        throw adapterError('PATTERN_INVALID_SAMPLES', { count: input.typingSamples.length });
      }
      account.typing = template;
    }
    this.state.accounts.push(account);
    this.touch();
    return this.summary(account);
  }

  private signIn(username: string): Session {
    const account = this.accountByUsername(username);
    if (!account) throw adapterError('NOT_FOUND');
    return this.startSession(account);
  }

  // -------------------------------------------------------------------------------------------
  // AuthAdapter: delegates
  // -------------------------------------------------------------------------------------------

  addDelegate(input: DelegateInput, options?: CallOptions): Promise<DelegateSummary> {
    return this.run(options?.signal, async () => {
      const producer = this.requireProducer();
      const account = this.newDelegate(producer, input);
      this.state.accounts.push(account);
      this.touch();
      await this.issueLink(account, producer);
      return this.summary(account);
    });
  }

  listDelegates(options?: CallOptions): Promise<DelegateSummary[]> {
    return this.run(options?.signal, async () => {
      const producer = this.requireProducer();
      const mine = this.state.accounts.filter(
        (a) => a.role === 'delegate' && a.producerAccountId === producer.id,
      );
      const out: DelegateSummary[] = [];
      for (const a of mine) out.push(await this.summary(a));
      return out;
    });
  }

  resendInvitation(input: { delegateId: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      const producer = this.requireProducer();
      const account = this.accountById(input.delegateId);
      if (!account || account.role !== 'delegate' || account.producerAccountId !== producer.id) {
        throw adapterError('NOT_FOUND');
      }
      await this.issueLink(account, producer);
    });
  }

  confirmEmail(input: { token: string }, options?: CallOptions): Promise<EmailConfirmation> {
    return this.run(options?.signal, async () => {
      const digest = await tokenDigest(String(input.token ?? ''));
      const link = this.state.links.find((l) => l.digest === digest);
      const account = link ? this.accountById(link.accountId) : undefined;
      if (!link || !account) throw adapterError('LINK_INVALID');
      if (link.usedAt !== null) throw adapterError('LINK_USED');
      if (link.voided || this.now() >= link.expiresAt) throw adapterError('LINK_EXPIRED');
      link.usedAt = this.now();
      account.emailConfirmed = true;
      this.touch();
      return { username: account.username };
    });
  }

  // -------------------------------------------------------------------------------------------
  // AuthAdapter: create / forgot password
  // -------------------------------------------------------------------------------------------

  findAccount(
    input: { username: string; purpose: PasswordFlowPurpose },
    options?: CallOptions,
  ): Promise<PasswordFlow> {
    return this.run(options?.signal, async () => {
      const username = String(input.username ?? '');
      const reason = validateUsername(username);
      if (reason) throw validation({ username: reason });
      const purpose: PasswordFlowPurpose = input.purpose === 'create' ? 'create' : 'reset';
      this.pruneExpired();
      const key = usernameKey(username);
      const account = this.accountByUsername(username);
      if (!account && this.revealAccounts) throw adapterError('NOT_FOUND');
      const masked = account ? this.masked(account) : await this.placeholder(key);
      const flowId = randomToken(32);
      this.state.flows.push({
        digest: await tokenDigest(flowId),
        purpose,
        accountId: account?.id ?? null,
        throttleKey: await tokenDigest(`flow:${purpose}:${key}`),
        masked,
        expiresAt: this.now() + MEMORY_LIMITS.flowTtl,
        code: null,
        verified: false,
      });
      this.touch();
      return {
        flowId,
        destinations: [
          { channel: 'email', masked: masked.email },
          { channel: 'sms', masked: masked.sms },
        ],
      };
    });
  }

  sendCode(input: { flowId: string; channel: Channel }, options?: CallOptions): Promise<CodeSent> {
    return this.run(options?.signal, async () => {
      const flow = await this.flowById(input.flowId);
      if (!isChannel(input.channel)) throw validation({ channel: 'required' });
      const { resendAvailableAt } = this.throttle(flow.throttleKey, input.channel);
      const { code, record } = await this.newCode(input.channel);
      flow.code = record;
      flow.verified = false;
      const account = flow.accountId ? this.accountById(flow.accountId) : undefined;
      // An unknown username gets the same answer, and the code goes nowhere.
      if (account) this.sendCodeMessage(account, input.channel, code);
      this.touch();
      return {
        channel: input.channel,
        masked: flow.masked[input.channel],
        expiresAt: record.expiresAt,
        resendAvailableAt,
      };
    });
  }

  verifyCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      const flow = await this.flowById(input.flowId);
      await this.checkCode(flow.code, input.code);
      flow.verified = true;
      flow.expiresAt = Math.min(flow.expiresAt, this.now() + MEMORY_LIMITS.pendingTtl);
      this.touch();
    });
  }

  setPassword(input: { flowId: string; password: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      const flow = await this.flowById(input.flowId);
      const account = flow.accountId ? this.accountById(flow.accountId) : undefined;
      if (!flow.verified || !account) throw adapterError('FLOW_EXPIRED');
      await this.setAccountPassword(account, String(input.password ?? ''));
      this.state.flows = this.state.flows.filter((f) => f !== flow);
      this.touch();
      this.deliver({
        channel: 'email',
        to: account.email,
        subject: 'Account Information - Update Password',
        text: [
          `Hello ${account.firstName},`,
          '',
          `The password for your Producer Experience Portal account ${account.username} was ${
            flow.purpose === 'create' ? 'created' : 'updated'
          }.`,
          'If you did not make this change, call the Internet Help Desk right away at ' +
            `${this.helpDeskPhone}.`,
        ].join('\n'),
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // AuthAdapter: login and verification
  // -------------------------------------------------------------------------------------------

  login(
    input: { username: string; password: string; deviceToken?: string },
    options?: CallOptions,
  ): Promise<LoginResult> {
    return this.run(options?.signal, async () => {
      const username = String(input.username ?? '');
      const password = String(input.password ?? '');
      const empty: Record<string, FieldReason> = {};
      if (username.trim() === '') empty['username'] = 'required';
      if (password === '') empty['password'] = 'required';
      if (Object.keys(empty).length) throw validation(empty);
      this.pruneExpired();

      const account = this.accountByUsername(username);
      // Same PBKDF2 work whether or not the account (or its password) exists.
      const stored = account?.password ?? (await this.getDummyHash());
      const matches = await verifyPassword(password, stored);
      const ok = matches && account !== undefined && account.password !== null;

      const key = await this.guardKey(username);
      const guard = this.guardFor(key);
      if (guard.lockedUntil !== null) {
        throw adapterError('ACCOUNT_LOCKED', { unlocksAt: guard.lockedUntil });
      }
      if (!ok || !account) {
        const failures = guard.failures + 1;
        if (failures >= MEMORY_LIMITS.loginMaxFailures) {
          const unlocksAt = this.now() + MEMORY_LIMITS.lockDuration;
          this.state.guards[key] = { failures, lockedUntil: unlocksAt };
          this.touch();
          throw adapterError('ACCOUNT_LOCKED', { unlocksAt });
        }
        this.state.guards[key] = { failures, lockedUntil: null };
        this.touch();
        throw adapterError('INVALID_CREDENTIALS');
      }
      if (this.state.guards[key]) {
        delete this.state.guards[key];
        this.touch();
      }

      if (account.typing !== null && input.deviceToken) {
        if ((await this.validDevice(account, input.deviceToken)) !== null) {
          return { status: 'authenticated', session: this.startSession(account) };
        }
      }
      const pendingId = randomToken(32);
      const pending: PendingRecord = {
        digest: await tokenDigest(pendingId),
        accountId: account.id,
        stage: account.typing === null ? 'enroll' : 'verify',
        expiresAt: this.now() + MEMORY_LIMITS.pendingTtl,
        code: null,
      };
      this.state.pendings.push(pending);
      this.touch();
      return {
        status: 'verification-required',
        pending: this.pendingView(pendingId, pending, account),
      };
    });
  }

  sendVerificationCode(
    input: { pendingId: string; channel: Channel },
    options?: CallOptions,
  ): Promise<CodeSent> {
    return this.run(options?.signal, async () => {
      const pending = await this.pendingById(input.pendingId);
      const account = this.accountById(pending.accountId)!;
      if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
      if (!isChannel(input.channel)) throw validation({ channel: 'required' });
      const { resendAvailableAt } = this.throttle(
        await tokenDigest(`login-code:${account.usernameKey}`),
        input.channel,
      );
      const { code, record } = await this.newCode(input.channel);
      pending.code = record;
      this.touch();
      this.sendCodeMessage(account, input.channel, code);
      return {
        channel: input.channel,
        masked: this.masked(account)[input.channel],
        expiresAt: record.expiresAt,
        resendAvailableAt,
      };
    });
  }

  verifyAccountCode(
    input: { pendingId: string; code: string; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    return this.run(options?.signal, async () => {
      const pending = await this.pendingById(input.pendingId);
      const account = this.accountById(pending.accountId)!;
      if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
      await this.checkCode(pending.code, input.code);
      // A successful code verification re-enables the typing pattern.
      account.patternFailures = 0;
      this.touch();
      return this.completeLogin(account, pending, input.rememberDevice === true);
    });
  }

  enrollTypingPattern(
    input: { pendingId: string; samples: TypingSample[] },
    options?: CallOptions,
  ): Promise<PendingLogin> {
    return this.run(options?.signal, async () => {
      const pending = await this.pendingById(input.pendingId);
      const account = this.accountById(pending.accountId)!;
      if (pending.stage !== 'enroll') throw adapterError('FORBIDDEN');
      const samples = Array.isArray(input.samples) ? input.samples : [];
      const template = this.matcher.enroll(samples, this.sampleText);
      if (!template) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
      account.typing = template;
      account.patternFailures = 0;
      pending.stage = 'code-only';
      this.touch();
      return this.pendingView(input.pendingId, pending, account);
    });
  }

  verifyTypingPattern(
    input: { pendingId: string; samples: TypingSample[]; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    return this.run(options?.signal, async () => {
      const pending = await this.pendingById(input.pendingId);
      const account = this.accountById(pending.accountId)!;
      if (pending.stage === 'code-only') throw adapterError('FORBIDDEN');
      if (pending.stage === 'enroll' || account.typing === null) {
        throw adapterError('PATTERN_UNAVAILABLE', { reason: 'not-enrolled' });
      }
      if (account.patternFailures >= MEMORY_LIMITS.patternMaxFailures) {
        throw adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
      }
      const samples = Array.isArray(input.samples) ? input.samples : [];
      const decision = this.matcher.verify(account.typing, samples);
      if (!decision) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
      this.touch();
      if (!decision.accepted) {
        account.patternFailures += 1;
        throw adapterError('PATTERN_MISMATCH', {
          attemptsLeft: Math.max(0, MEMORY_LIMITS.patternMaxFailures - account.patternFailures),
        });
      }
      account.typing = decision.template;
      account.patternFailures = 0;
      return this.completeLogin(account, pending, input.rememberDevice === true);
    });
  }

  checkDevice(
    input: { username: string; deviceToken: string },
    options?: CallOptions,
  ): Promise<{ valid: boolean; expiresAt?: number }> {
    return this.run(options?.signal, async () => {
      const account = this.accountByUsername(String(input.username ?? ''));
      const expiresAt = account ? await this.validDevice(account, input.deviceToken) : null;
      if (!account || account.typing === null || expiresAt === null) return { valid: false };
      return { valid: true, expiresAt };
    });
  }

  // -------------------------------------------------------------------------------------------
  // AuthAdapter: recovery, session, support, help desk
  // -------------------------------------------------------------------------------------------

  forgotUsername(
    input: { email: string },
    options?: CallOptions,
  ): Promise<{ resendAvailableAt: number }> {
    return this.run(options?.signal, async () => {
      const email = String(input.email ?? '');
      const reason = validateEmail(email);
      if (reason) throw validation({ email: reason });
      const key = normalizeEmail(email);
      const { resendAvailableAt } = this.throttle(
        await tokenDigest(`forgot-username:${key}`),
        'email',
      );
      const matches = this.state.accounts.filter((a) => normalizeEmail(a.email) === key);
      if (matches.length) {
        this.deliver({
          channel: 'email',
          to: matches[0]!.email,
          subject: 'Account Information - Username',
          text: [
            'You asked for the username of your Producer Experience Portal account.',
            '',
            ...matches.map((a) => `Username: ${a.username}`),
            '',
            'If you did not ask for this, you can ignore this email.',
            `Questions? Call the Internet Help Desk at ${this.helpDeskPhone}.`,
          ].join('\n'),
        });
      }
      return { resendAvailableAt };
    });
  }

  getSession(options?: CallOptions): Promise<Session | null> {
    return this.run(options?.signal, async () => {
      const account = this.currentAccount();
      const s = this.state.session;
      if (!account || !s) return null;
      return this.sessionFor(account, s.issuedAt, s.expiresAt);
    });
  }

  logout(options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      if (this.state.session) {
        this.state.session = null;
        this.touch();
      }
    });
  }

  reportIssue(report: IssueReport, options?: CallOptions): Promise<IssueTicket> {
    return this.run(options?.signal, async () => {
      const account = this.currentAccount();
      if (!account) throw adapterError('NOT_AUTHENTICATED');
      const fields = validateIssueReport(report, this.now());
      if (Object.keys(fields).length) throw validation(fields);
      const ticketId = `PEP-${generateOtp(8)}`;
      const shot = report.screenshot;
      this.deliver({
        channel: 'email',
        to: this.supportEmail,
        subject: `Issue report ${ticketId}: ${report.productType} (${report.state})`,
        text: [
          `Ticket: ${ticketId}`,
          `Reported by: ${account.firstName} ${account.lastName} (${account.username}, ${account.role})`,
          `Agent name: ${report.agentName.trim()}`,
          `Producer ID: ${report.producerId.trim()}`,
          `Client/contact name: ${report.clientName?.trim() || '(none)'}`,
          `Product type: ${report.productType}`,
          `State: ${report.state}`,
          `Observed at: ${report.observedAt}`,
          '',
          'Description:',
          report.description.trim(),
          '',
          'Steps taken before the error:',
          report.stepsTaken.trim(),
          '',
          shot
            ? `Attachment: ${shot.name} (${shot.type}, ${shot.size} bytes)`
            : 'Attachment: (none)',
        ].join('\n'),
      });
      return { ticketId };
    });
  }

  resetTypingPattern(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      const account = this.accountByUsername(String(input.username ?? ''));
      if (!account) throw adapterError('NOT_FOUND');
      account.typing = null;
      account.patternFailures = 0;
      // The next login must enroll again, so no remembered device may skip it.
      this.state.devices = this.state.devices.filter((d) => d.accountId !== account.id);
      this.touch();
    });
  }

  unlockAccount(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, async () => {
      const account = this.accountByUsername(String(input.username ?? ''));
      if (!account) throw adapterError('NOT_FOUND');
      await this.clearGuard(account.username);
    });
  }
}
