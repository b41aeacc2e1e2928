/**
 * The storage-independent authentication engine: every domain rule of the product (lockout,
 * one-time codes, email links, send throttles, password policy and history, remembered devices,
 * typing-pattern failures, password flows, pending logins, sessions) in one place, over an
 * async {@link AuthStore}. The in-memory adapter (browser) and the reference server (SQLite)
 * both run it, so the rules exist once.
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
 * - Add Delegate, List Delegates, Resend Invitation and Report an Issue need a session
 *   (`NOT_AUTHENTICATED`); the delegate operations need a producer (`FORBIDDEN`).
 * - The help-desk operations reject `NOT_FOUND` for an unknown username (they are staff tools).
 *   `resetTypingPattern` also revokes remembered devices, so the next login must enroll.
 * - `enrollTypingPattern` returns the same `pendingId` with email + SMS options only; the new
 *   pattern cannot verify that same login (`FORBIDDEN`), a code must.
 * - Wrong passwords count per username whether or not it exists, so unknown usernames lock
 *   too and lockout reveals nothing. Locked: `ACCOUNT_LOCKED` with the same `unlocksAt` for
 *   any password (the lock is not extended). Unknown usernames (and accounts without a
 *   password) cost the same hashing work as known ones (a dummy hash).
 * - Send throttle (`RATE_LIMITED {retryAfter}`): per account and purpose (create-password,
 *   reset-password, login codes; username reminders per email address); 30 s per destination
 *   (email or SMS), 5 sends per rolling hour in all. Unknown usernames are throttled the same.
 * - A new password revokes the account's remembered devices and ends all its sessions.
 * - Flows (find account → set password) live 30 minutes (15 after the code is verified);
 *   pending logins 15 minutes; sessions 8 hours. See {@link AUTH_LIMITS}.
 * - Sessions: each session token is its own record (a server holds many). A session start
 *   (login, verification, `admin.signIn`) ends the caller's previous session and puts the new
 *   token in `ctx.sessionToken`; logout, an expired or unknown token, or a password change of
 *   the signed-in account sets it to null.
 *
 * Concurrency: see store.ts. Every read-modify-write runs under `store.withLock` (lock order
 * flow | pending → account → guard → throttle); messages are sent after the locks are released.
 */
import { DEFAULT_SAMPLE_TEXT, defaultTypingMatcher } from '../../core/typing/matcher.js';
import type { TypingMatcher } from '../../core/typing/types.js';
import { systemClock, type Clock, DAY, HOUR, MINUTE, SECOND } from '../../core/clock.js';
import { matchesSaltedDigest, saltedDigest, sha256, tokenDigest } from '../../core/hash.js';
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
  type Session,
  type StateCode,
  type TypingSample,
  type UserProfile,
  type VerificationOption,
  type VerifiedLogin,
} from '../types.js';
import { Pbkdf2Hasher, type PasswordHasher } from './hasher.js';
import {
  codeMessage,
  invitationMessage,
  issueReportMessage,
  passwordChangedMessage,
  usernameReminderMessage,
  type OutgoingMessage,
} from './messages.js';
import type {
  AccountPatch,
  AccountRecord,
  AuthStore,
  CodeRecord,
  FlowRecord,
  LoginGuard,
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
}

/** Delivers email and SMS (an outbox, SMTP, an SMS gateway, a log). */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

export interface AuthEngineOptions {
  /** Persistence (see store.ts). */
  store: AuthStore;
  /** Password hashing. Default: PBKDF2-SHA256, 210 000 iterations (WebCrypto). */
  hasher?: PasswordHasher;
  /** Where emails and text messages go. */
  sender: MessageSender;
  /** Time source for every rule; tests pass a `ManualClock`. Default: `Date.now`. */
  clock?: Clock;
  /** Typing-pattern matcher. Default: `defaultTypingMatcher`. */
  matcher?: TypingMatcher;
  /** The sentence typed for the pattern. Default: `DEFAULT_SAMPLE_TEXT`. */
  sampleText?: string;
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
  /** Start a session for `username` without a password (into `ctx`). Rejects NOT_FOUND. */
  signIn(ctx: RequestContext, username: string): Promise<Session>;
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

/** The input object of a call, or an empty one for a hostile `null` / non-object. */
function inputOf<T extends object>(input: T | null | undefined): Partial<T> {
  return typeof input === 'object' && input !== null ? input : {};
}

/** A result plus the messages to send once the locks are released. */
interface WithMail<T> {
  value: T;
  mail: OutgoingMessage[];
}

/**
 * The authentication engine. See the module comment. One instance serves any number of
 * concurrent requests against one store.
 */
export class AuthEngine implements AuthEngineOperations {
  readonly limits: AuthLimits = AUTH_LIMITS;
  readonly store: AuthStore;
  readonly hasher: PasswordHasher;
  readonly sender: MessageSender;
  readonly clock: Clock;
  readonly matcher: TypingMatcher;
  readonly sampleText: string;
  readonly revealAccounts: boolean;
  readonly supportEmail: string;
  readonly helpDeskPhone: string;
  private readonly confirmLinkUrl: (token: string) => string;
  private dummyHash: Promise<StoredPassword> | null = null;
  /** Clock time of the last expiry sweep (see {@link pruneExpired}). */
  private lastPrune = Number.NEGATIVE_INFINITY;

  /** Back-office operations; not part of the adapter contract. */
  readonly admin: AuthEngineAdmin;

  constructor(options: AuthEngineOptions) {
    this.store = options.store;
    this.hasher = options.hasher ?? new Pbkdf2Hasher();
    this.sender = options.sender;
    this.clock = options.clock ?? systemClock;
    this.matcher = options.matcher ?? defaultTypingMatcher;
    this.sampleText = options.sampleText ?? DEFAULT_SAMPLE_TEXT;
    this.revealAccounts = options.revealAccounts ?? false;
    this.confirmLinkUrl = options.confirmLinkUrl;
    this.supportEmail = options.supportEmail ?? DEFAULT_SUPPORT_EMAIL;
    this.helpDeskPhone = options.helpDeskPhone ?? DEFAULT_HELP_DESK_PHONE;
    // Ready before the first login, so even that one costs what a known user's costs.
    void this.getDummyHash().catch(() => undefined);
    this.admin = {
      createProducer: (input) => this.createProducer(input),
      createDelegate: (input) => this.createDelegate(input),
      signIn: (ctx, username) => this.signIn(ctx, username),
      hasAccount: async (username) =>
        (await this.store.accounts.getByUsername(usernameKey(String(username ?? '')))) !== null,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Delegates
  // -------------------------------------------------------------------------------------------

  async addDelegate(ctx: RequestContext, input: DelegateInput): Promise<DelegateSummary> {
    const producer = await this.requireProducer(ctx);
    const account = await this.newDelegate(producer, input);
    if (!(await this.store.accounts.create(account))) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    const mail = await this.store.withLock(`account:${account.id}`, () =>
      this.issueLink(account, producer),
    );
    await this.deliver([mail]);
    return this.summary(account);
  }

  async listDelegates(ctx: RequestContext): Promise<DelegateSummary[]> {
    const producer = await this.requireProducer(ctx);
    const mine = await this.store.accounts.listDelegates(producer.id);
    const out: DelegateSummary[] = [];
    for (const a of mine) out.push(await this.summary(a));
    return out;
  }

  async resendInvitation(ctx: RequestContext, input: { delegateId: string }): Promise<void> {
    const producer = await this.requireProducer(ctx);
    const id = inputOf(input).delegateId;
    const account = typeof id === 'string' ? await this.store.accounts.get(id) : null;
    if (!account || account.role !== 'delegate' || account.producerAccountId !== producer.id) {
      throw adapterError('NOT_FOUND');
    }
    const mail = await this.store.withLock(`account:${account.id}`, () =>
      this.issueLink(account, producer),
    );
    await this.deliver([mail]);
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
    _ctx: RequestContext,
    input: { username: string; purpose: PasswordFlowPurpose },
  ): Promise<PasswordFlow> {
    const { username: rawUsername, purpose: rawPurpose } = inputOf(input);
    const username = String(rawUsername ?? '');
    const reason = validateUsername(username);
    if (reason) throw validation({ username: reason });
    const purpose: PasswordFlowPurpose = rawPurpose === 'create' ? 'create' : 'reset';
    await this.pruneExpired();
    const key = usernameKey(username);
    const account = await this.store.accounts.getByUsername(key);
    if (!account && this.revealAccounts) throw adapterError('NOT_FOUND');
    const masked = account ? this.masked(account) : await this.placeholder(key);
    const flowId = randomToken(32);
    await this.store.flows.create({
      digest: await tokenDigest(flowId),
      purpose,
      accountId: account?.id ?? null,
      throttleKey: await tokenDigest(`flow:${purpose}:${key}`),
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
    _ctx: RequestContext,
    input: { flowId: string; channel: Channel },
  ): Promise<CodeSent> {
    const { flowId, channel } = inputOf(input);
    const digest = await this.flowDigest(flowId);
    const { value, mail } = await this.store.withLock(
      `flow:${digest}`,
      async (): Promise<WithMail<CodeSent>> => {
        const flow = await this.flowByDigest(digest);
        if (!isChannel(channel)) throw validation({ channel: 'required' });
        const { resendAvailableAt } = await this.throttle(flow.throttleKey, channel);
        const { code, record } = await this.newCode(channel);
        await this.store.flows.update(digest, { code: record, verified: false });
        const account = flow.accountId ? await this.store.accounts.get(flow.accountId) : null;
        return {
          value: {
            channel,
            masked: flow.masked[channel],
            expiresAt: record.expiresAt,
            resendAvailableAt,
          },
          // An unknown username gets the same answer, and the code goes nowhere.
          mail: account ? [codeMessage(account, channel, code, this.helpDeskPhone)] : [],
        };
      },
    );
    await this.deliver(mail);
    return value;
  }

  async verifyCode(_ctx: RequestContext, input: { flowId: string; code: string }): Promise<void> {
    const { flowId, code } = inputOf(input);
    const digest = await this.flowDigest(flowId);
    await this.store.withLock(`flow:${digest}`, async () => {
      const flow = await this.flowByDigest(digest);
      await this.checkCode(flow.code, code, (c) => this.store.flows.update(digest, { code: c }));
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
      const found = flow.accountId ? await this.store.accounts.get(flow.accountId) : null;
      if (!flow.verified || !found) throw adapterError('FLOW_EXPIRED');
      return this.store.withLock(`account:${found.id}`, async () => {
        const account = await this.store.accounts.get(found.id);
        if (!account) throw adapterError('FLOW_EXPIRED');
        await this.changePassword(ctx, account, String(password ?? ''));
        await this.store.flows.delete(digest);
        return passwordChangedMessage(account, flow.purpose, this.helpDeskPhone);
      });
    });
    await this.deliver([mail]);
  }

  // -------------------------------------------------------------------------------------------
  // Login and verification
  // -------------------------------------------------------------------------------------------

  async login(
    ctx: RequestContext,
    input: { username: string; password: string; deviceToken?: string },
  ): Promise<LoginResult> {
    const raw = inputOf(input);
    const username = String(raw.username ?? '');
    const password = String(raw.password ?? '');
    const empty: Record<string, FieldReason> = {};
    if (username.trim() === '') empty['username'] = 'required';
    if (password === '') empty['password'] = 'required';
    if (Object.keys(empty).length) throw validation(empty);
    await this.pruneExpired();

    const account = await this.store.accounts.getByUsername(usernameKey(username));
    // Same hashing work whether or not the account (or its password) exists.
    const stored = account?.password ?? (await this.getDummyHash());
    const matches = await this.hasher.verify(password, stored);
    const ok = matches && account !== null && account.password !== null;

    const key = await this.guardKey(username);
    await this.store.withLock(`guard:${key}`, async () => {
      const current = await this.store.guards.get(key);
      const guard = this.effectiveGuard(current);
      if (guard.lockedUntil !== null) {
        throw adapterError('ACCOUNT_LOCKED', { unlocksAt: guard.lockedUntil });
      }
      if (!ok) {
        const failures = guard.failures + 1;
        if (failures >= AUTH_LIMITS.loginMaxFailures) {
          const unlocksAt = this.now() + AUTH_LIMITS.lockDuration;
          await this.store.guards.put(key, { failures, lockedUntil: unlocksAt });
          throw adapterError('ACCOUNT_LOCKED', { unlocksAt });
        }
        await this.store.guards.put(key, { failures, lockedUntil: null });
        throw adapterError('INVALID_CREDENTIALS');
      }
      if (current) await this.store.guards.delete(key);
    });
    if (!account || !account.password) throw adapterError('INVALID_CREDENTIALS');
    if (this.hasher.needsRehash?.(account.password)) {
      await this.rehash(account, account.password, password);
    }

    if (account.typing !== null && raw.deviceToken) {
      if ((await this.validDevice(account, raw.deviceToken)) !== null) {
        return { status: 'authenticated', session: await this.startSession(ctx, account) };
      }
    }
    const pendingId = randomToken(32);
    const pending: PendingRecord = {
      digest: await tokenDigest(pendingId),
      accountId: account.id,
      stage: account.typing === null ? 'enroll' : 'verify',
      expiresAt: this.now() + AUTH_LIMITS.pendingTtl,
      code: null,
    };
    await this.store.pendings.create(pending);
    return {
      status: 'verification-required',
      pending: this.pendingView(pendingId, pending, account),
    };
  }

  async sendVerificationCode(
    _ctx: RequestContext,
    input: { pendingId: string; channel: Channel },
  ): Promise<CodeSent> {
    const { pendingId, channel } = inputOf(input);
    const digest = await this.pendingDigest(pendingId);
    const { value, mail } = await this.store.withLock(
      `pending:${digest}`,
      async (): Promise<WithMail<CodeSent>> => {
        const { pending, account } = await this.pendingByDigest(digest);
        if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
        if (!isChannel(channel)) throw validation({ channel: 'required' });
        const { resendAvailableAt } = await this.throttle(
          await tokenDigest(`login-code:${account.usernameKey}`),
          channel,
        );
        const { code, record } = await this.newCode(channel);
        await this.store.pendings.update(digest, { code: record });
        return {
          value: {
            channel,
            masked: this.masked(account)[channel],
            expiresAt: record.expiresAt,
            resendAvailableAt,
          },
          mail: [codeMessage(account, channel, code, this.helpDeskPhone)],
        };
      },
    );
    await this.deliver(mail);
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
      if (pending.stage === 'enroll') throw adapterError('FORBIDDEN');
      await this.checkCode(pending.code, code, (c) =>
        this.store.pendings.update(digest, { code: c }),
      );
      // A successful code verification re-enables the typing pattern.
      await this.store.withLock(`account:${account.id}`, () =>
        this.store.accounts.update(account.id, { patternFailures: 0 }),
      );
      return this.completeLogin(ctx, account, digest, rememberDevice === true);
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
      const template = this.matcher.enroll(samples, this.sampleText);
      if (!template) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
      await this.store.withLock(`account:${account.id}`, () =>
        this.store.accounts.update(account.id, { typing: template, patternFailures: 0 }),
      );
      await this.store.pendings.update(digest, { stage: 'code-only' });
      return this.pendingView(
        String(pendingId),
        { ...pending, stage: 'code-only' },
        { ...account, typing: template, patternFailures: 0 },
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
      const verified = await this.store.withLock(`account:${found.account.id}`, async () => {
        const account = (await this.store.accounts.get(found.account.id)) ?? found.account;
        if (pending.stage === 'code-only') throw adapterError('FORBIDDEN');
        if (pending.stage === 'enroll' || account.typing === null) {
          throw adapterError('PATTERN_UNAVAILABLE', { reason: 'not-enrolled' });
        }
        if (account.patternFailures >= AUTH_LIMITS.patternMaxFailures) {
          throw adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
        }
        const samples = Array.isArray(raw) ? raw : [];
        const decision = this.matcher.verify(account.typing, samples);
        if (!decision) throw adapterError('PATTERN_INVALID_SAMPLES', { count: samples.length });
        if (!decision.accepted) {
          const patternFailures = account.patternFailures + 1;
          await this.store.accounts.update(account.id, { patternFailures });
          throw adapterError('PATTERN_MISMATCH', {
            attemptsLeft: Math.max(0, AUTH_LIMITS.patternMaxFailures - patternFailures),
          });
        }
        await this.store.accounts.update(account.id, {
          typing: decision.template,
          patternFailures: 0,
        });
        return account;
      });
      return this.completeLogin(ctx, verified, digest, rememberDevice === true);
    });
  }

  async checkDevice(
    _ctx: RequestContext,
    input: { username: string; deviceToken: string },
  ): Promise<{ valid: boolean; expiresAt?: number }> {
    const { username, deviceToken } = inputOf(input);
    const account = await this.store.accounts.getByUsername(usernameKey(String(username ?? '')));
    const expiresAt = account ? await this.validDevice(account, deviceToken) : null;
    if (!account || account.typing === null || expiresAt === null) return { valid: false };
    return { valid: true, expiresAt };
  }

  // -------------------------------------------------------------------------------------------
  // Recovery, session, support, help desk
  // -------------------------------------------------------------------------------------------

  async forgotUsername(
    _ctx: RequestContext,
    input: { email: string },
  ): Promise<{ resendAvailableAt: number }> {
    const email = String(inputOf(input).email ?? '');
    const reason = validateEmail(email);
    if (reason) throw validation({ email: reason });
    const key = normalizeEmail(email);
    const { resendAvailableAt } = await this.throttle(
      await tokenDigest(`forgot-username:${key}`),
      'email',
    );
    const matches = await this.store.accounts.listByEmail(key);
    if (matches.length) {
      await this.deliver([
        usernameReminderMessage(
          matches[0]!.email,
          matches.map((a) => a.username),
          this.helpDeskPhone,
        ),
      ]);
    }
    return { resendAvailableAt };
  }

  async getSession(ctx: RequestContext): Promise<Session | null> {
    const current = await this.currentSession(ctx);
    if (!current) return null;
    return this.sessionFor(current.account, current.session.issuedAt, current.session.expiresAt);
  }

  async logout(ctx: RequestContext): Promise<void> {
    const token = ctx.sessionToken;
    if (typeof token === 'string' && token !== '') {
      await this.store.sessions.delete(await tokenDigest(token));
    }
    ctx.sessionToken = null;
  }

  async reportIssue(ctx: RequestContext, report: IssueReport): Promise<IssueTicket> {
    const current = await this.currentSession(ctx);
    if (!current) throw adapterError('NOT_AUTHENTICATED');
    const fields = validateIssueReport(report, this.now());
    if (Object.keys(fields).length) throw validation(fields);
    // 31^8 ids: a collision is rare; a store that keeps refusing is broken, not unlucky.
    let ticketId = '';
    for (let attempt = 0; ticketId === '' && attempt < 8; attempt++) {
      const candidate = `PEP-${generateOtp(8)}`;
      const created = await this.store.tickets.create({
        ticketId: candidate,
        accountId: current.account.id,
        createdAt: this.now(),
      });
      if (created) ticketId = candidate;
    }
    if (ticketId === '') throw new Error('tickets.create refused 8 fresh ticket ids');
    await this.deliver([issueReportMessage(ticketId, current.account, report, this.supportEmail)]);
    return { ticketId };
  }

  async resetTypingPattern(_ctx: RequestContext, input: { username: string }): Promise<void> {
    const account = await this.store.accounts.getByUsername(
      usernameKey(String(inputOf(input).username ?? '')),
    );
    if (!account) throw adapterError('NOT_FOUND');
    await this.store.withLock(`account:${account.id}`, async () => {
      await this.store.accounts.update(account.id, { typing: null, patternFailures: 0 });
      // The next login must enroll again, so no remembered device may skip it.
      await this.store.devices.deleteForAccount(account.id);
    });
  }

  async unlockAccount(_ctx: RequestContext, input: { username: string }): Promise<void> {
    const account = await this.store.accounts.getByUsername(
      usernameKey(String(inputOf(input).username ?? '')),
    );
    if (!account) throw adapterError('NOT_FOUND');
    await this.clearGuard(account.username);
  }

  // -------------------------------------------------------------------------------------------
  // Admin
  // -------------------------------------------------------------------------------------------

  private async createProducer(raw: ProducerInput): Promise<UserProfile> {
    const input = { ...raw, ...cleanDelegateInput(raw), producerId: str(raw?.producerId) };
    const fields: Record<string, FieldReason> = { ...validateDelegateInput(input) };
    if (input.producerId.trim() === '') fields['producerId'] = 'required';
    if (Object.keys(fields).length) throw validation(fields);
    if (await this.store.accounts.getByUsername(usernameKey(input.username))) {
      throw adapterError('USERNAME_TAKEN', { field: 'username' });
    }
    const account: AccountRecord = {
      id: `usr_${randomToken(12)}`,
      role: 'producer',
      username: input.username.trim(),
      usernameKey: usernameKey(input.username),
      email: input.email.trim(),
      emailKey: normalizeEmail(input.email),
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
    Object.assign(account, await this.newPassword(account, str(raw?.password)));
    await this.insertAccount(account, true);
    return this.profile(account);
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
      const template = this.matcher.enroll(input.typingSamples, this.sampleText);
      if (!template) {
        throw adapterError('PATTERN_INVALID_SAMPLES', { count: input.typingSamples.length });
      }
      account.typing = template;
    }
    await this.insertAccount(account, input.password !== undefined);
    return this.summary(account);
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

  private async deliver(messages: readonly OutgoingMessage[]): Promise<void> {
    for (const m of messages) await this.sender.send(m);
  }

  private getDummyHash(): Promise<StoredPassword> {
    this.dummyHash ??= this.hasher.hash(randomToken(16));
    return this.dummyHash;
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

  private async clearGuard(username: string): Promise<void> {
    const key = await this.guardKey(username);
    await this.store.withLock(`guard:${key}`, async () => {
      if (await this.store.guards.get(key)) await this.store.guards.delete(key);
    });
  }

  /**
   * Throw RATE_LIMITED when a send on `key` (one account and purpose) to `channel` is not allowed
   * now; else record it. The 30-second interval is per destination (channel); the hourly cap
   * counts every channel.
   */
  private async throttle(key: string, channel: Channel): Promise<{ resendAvailableAt: number }> {
    return this.store.withLock(`throttle:${key}`, async () => {
      const now = this.now();
      const { sendInterval, sendsPerHour } = AUTH_LIMITS;
      const recent = (await this.store.throttles.get(key)).filter((s) => s.at > now - HOUR);
      const lastHere = recent.filter((s) => s.channel === channel).pop();
      let retryAfter = 0;
      if (lastHere && now < lastHere.at + sendInterval) retryAfter = lastHere.at + sendInterval;
      if (recent.length >= sendsPerHour) retryAfter = Math.max(retryAfter, recent[0]!.at + HOUR);
      if (retryAfter > now) throw adapterError('RATE_LIMITED', { retryAfter });
      recent.push({ at: now, channel });
      await this.store.throttles.put(key, recent);
      let next = now + sendInterval;
      if (recent.length >= sendsPerHour) {
        next = Math.max(next, recent[recent.length - sendsPerHour]!.at + HOUR);
      }
      return { resendAvailableAt: next };
    });
  }

  /** Housekeeping: drop expired flows, pending logins, devices, sessions and old throttles. */
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
    await this.store.throttles.deleteStale(now - HOUR);
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

  /** Stable, plausible masked destinations for a username that does not exist. */
  private async placeholder(key: string): Promise<Record<Channel, string>> {
    const b = await sha256(`${await this.store.secret()}:placeholder:${key}`);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const localLength = 6 + (b[0]! % 7);
    const tail = [b[1]!, b[2]!, b[3]!].map((x) => letters[x % 26]).join('');
    const domain = PLACEHOLDER_DOMAINS[b[4]! % PLACEHOLDER_DOMAINS.length]!;
    const digits = [b[5]!, b[6]!, b[7]!, b[8]!].map((x) => String(x % 10)).join('');
    return { email: `${'x'.repeat(localLength - 3)}${tail}@${domain}`, sms: `xxxxxx${digits}` };
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
    await this.store.sessions.create({
      digest: await tokenDigest(token),
      accountId: account.id,
      issuedAt,
      expiresAt,
    });
    ctx.sessionToken = token;
    return this.sessionFor(account, issuedAt, expiresAt);
  }

  private async sessionFor(
    account: AccountRecord,
    issuedAt: number,
    expiresAt: number,
  ): Promise<Session> {
    return {
      user: await this.profile(account),
      capabilities: {
        ...(account.role === 'producer' ? PRODUCER_CAPABILITIES : DELEGATE_CAPABILITIES),
      },
      issuedAt,
      expiresAt,
    };
  }

  /** The caller's live session and its account; clears `ctx` for an expired or unknown one. */
  private async currentSession(
    ctx: RequestContext,
  ): Promise<{ session: SessionRecord; account: AccountRecord } | null> {
    const token = ctx.sessionToken;
    if (typeof token !== 'string' || token === '') return null;
    const digest = await tokenDigest(token);
    const session = await this.store.sessions.get(digest);
    if (session && session.expiresAt <= this.now()) {
      await this.store.sessions.delete(digest);
    }
    const account =
      session && session.expiresAt > this.now()
        ? await this.store.accounts.get(session.accountId)
        : null;
    if (!session || !account) {
      ctx.sessionToken = null;
      return null;
    }
    return { session, account };
  }

  private async requireProducer(ctx: RequestContext): Promise<AccountRecord> {
    const current = await this.currentSession(ctx);
    if (!current) throw adapterError('NOT_AUTHENTICATED');
    if (current.account.role !== 'producer') throw adapterError('FORBIDDEN');
    return current.account;
  }

  private async summary(account: AccountRecord): Promise<DelegateSummary> {
    const guard = this.effectiveGuard(
      await this.store.guards.get(await this.guardKey(account.username)),
    );
    return {
      id: account.id,
      username: account.username,
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      mobile: account.mobile,
      states: [...account.states],
      status: guard.lockedUntil !== null ? 'locked' : account.password ? 'active' : 'invited',
      createdAt: account.createdAt,
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
    const failed = failedPasswordRules(password, account);
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
    await this.clearGuard(account.username);
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
    const account = await this.store.accounts.get(pending.accountId);
    if (!account) throw adapterError('FLOW_EXPIRED');
    return { pending, account };
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
          account.typing !== null && account.patternFailures < AUTH_LIMITS.patternMaxFailures,
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

  /** End a pending login with a session (and a remembered device when asked). */
  private async completeLogin(
    ctx: RequestContext,
    account: AccountRecord,
    pendingDigest: string,
    rememberDevice: boolean,
  ): Promise<VerifiedLogin> {
    await this.store.pendings.delete(pendingDigest);
    const session = await this.startSession(ctx, account);
    if (!rememberDevice) return { session };
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
