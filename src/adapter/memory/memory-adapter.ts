/**
 * The reference in-memory backend: a complete, rule-enforcing implementation of
 * {@link AuthAdapter} that runs in the browser or in Node 20+ with no server. The demo portal,
 * the tests and Storybook run on it; integrators can prototype with it.
 *
 * It is the shared {@link AuthEngine} (every domain rule, also run by the reference server) over
 * a {@link MemoryStore} (plain JSON state, optionally persisted to Web Storage), with one client
 * context of its own (one signed-in user per adapter, persisted with the state, so a page reload
 * stays signed in). Typing templates and queued messages are sealed with a key generated with
 * the state and kept in it (a demo key: a real backend keeps its keys apart from its data).
 *
 * It does not send real mail. As on a server, the engine queues every message in the store's
 * outbox (a decoy for an account that does not exist); an {@link OutboxWorker} delivers them to
 * {@link MemoryAdapter.outbox} (oldest first, newest LAST), announcing each by an `outbox` event.
 * The worker drains at the end of every call, so the outbox is current when a call resolves.
 * Every time-based rule reads the injectable {@link Clock}. Calls run one at a time (like
 * requests served in order).
 */
import type { TypingMatcher } from '../../core/typing/types.js';
import { systemClock, type Clock } from '../../core/clock.js';
import { randomToken } from '../../core/otp.js';
import { usernameKey } from '../../core/validation.js';
import {
  AUTH_LIMITS,
  AuthEngine,
  DEFAULT_HELP_DESK_PHONE,
  DEFAULT_SUPPORT_EMAIL,
  type DelegateSeed,
  type ProducerInput,
  type RequestContext,
  type StaffInput,
  type WebAuthnOptions,
} from '../engine/engine.js';
import { Pbkdf2Hasher } from '../engine/hasher.js';
import type { OutgoingMessage } from '../engine/messages.js';
import { freshMemoryState, isMemoryState, MemoryStore } from '../engine/memory-store.js';
import { OutboxWorker } from '../engine/outbox-worker.js';
import { Keyring, type KeySpec, type SealedValue, type Sealer } from '../engine/sealing.js';
import type { RequestLimiter, SecurityLog } from '../engine/security.js';
import { AdapterError, adapterError } from '../errors.js';
import type {
  ActivityPage,
  ActivityQuery,
  DelegateDetail,
  HelpDeskActionName,
  AuthAdapter,
  AuthenticationResponseJSON,
  CallOptions,
  Channel,
  CodeSent,
  DelegateInput,
  DelegateSummary,
  EmailConfirmation,
  IssueReport,
  IssueTicket,
  Language,
  LoginResult,
  OutboxMessage,
  Passkey,
  PasskeyChallenge,
  PasskeyRegistration,
  PasswordFlow,
  PasswordFlowPurpose,
  PendingLogin,
  RegistrationResponseJSON,
  Session,
  TypingSample,
  UserProfile,
  VerifiedLogin,
} from '../types.js';

export {
  DEFAULT_HELP_DESK_PHONE,
  DEFAULT_SUPPORT_EMAIL,
  type DelegateSeed,
  type ProducerInput,
  type StaffInput,
  type WebAuthnOptions,
};

/** Every limit the reference adapter enforces (issue 3): the engine's {@link AUTH_LIMITS}. */
export const MEMORY_LIMITS = AUTH_LIMITS;

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
  /** The English sentence typed for the pattern. Default: `DEFAULT_SAMPLE_TEXT`. */
  sampleText?: string;
  /** The sentence of each language (`sampleText` wins for English). Default: `SAMPLE_TEXTS`. */
  sampleTexts?: Partial<Record<Language, string>>;
  /** A session ends after this long without a call (ms). Default 30 minutes. */
  idleTimeout?: number;
  /** Request rate limits per client address and per account. Default: none (one user, one tab). */
  limiter?: RequestLimiter;
  /** Where security events go. Default: nowhere. */
  securityLog?: SecurityLog;
  /** The help-desk operations exist (unlock, reset typing pattern). Default true. */
  helpDesk?: boolean;
  /** How long activity-log entries are kept (ms). Default one year. */
  activityRetention?: number;
  /** Where placeholder destinations of unknown usernames seem to point. Default: common webmail. */
  placeholderDomains?: readonly string[];
  /**
   * Passkeys (WebAuthn): the relying party, or `false` for none. Default: in a browser page
   * served over http(s), on for the page itself (`{ rpId: location.hostname, rpName: 'Producer
   * Experience Portal', origins: [location.origin] }`, so the demo works with no server);
   * elsewhere (Node) off.
   */
  webauthn?: WebAuthnOptions | false;
}

/** The name authenticators show for the in-memory backend's passkeys. */
export const DEFAULT_RP_NAME = 'Producer Experience Portal';

/** Passkeys for the page this runs in (see {@link MemoryAdapterOptions.webauthn}), or none. */
function defaultWebAuthn(): WebAuthnOptions | undefined {
  if (typeof location === 'undefined' || !/^https?:$/.test(location.protocol)) return undefined;
  if (!location.hostname) return undefined;
  return { rpId: location.hostname, rpName: DEFAULT_RP_NAME, origins: [location.origin] };
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
   * Create an Internet Help Desk user (role `help-desk`): the only way such an account comes to
   * exist. It signs in like anyone. Rejects USERNAME_TAKEN / VALIDATION / PASSWORD_POLICY.
   */
  createHelpDeskUser(input: StaffInput): Promise<UserProfile>;
  /**
   * Start a session for `username` without a password, as a host whose producer login lives
   * elsewhere would. Rejects NOT_FOUND.
   */
  signIn(username: string): Promise<Session>;
  /**
   * Lock `username` as 5 wrong passwords would (for 30 minutes), recorded in its activity as a
   * lock by the system; no security event (demo seeding). Rejects NOT_FOUND.
   */
  lockAccount(username: string): Promise<void>;
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

/**
 * The sealer of the in-memory backend: a {@link Keyring} of the key kept in the current state
 * (`state.sealKey`), imported on first use and again when the state is replaced (reset, reload).
 */
class StateKeySealer implements Sealer {
  private cached: { spec: KeySpec; ring: Promise<Keyring> } | null = null;

  constructor(private readonly key: () => KeySpec) {}

  private ring(): Promise<Keyring> {
    const spec = this.key();
    if (!this.cached || this.cached.spec.kid !== spec.kid || this.cached.spec.key !== spec.key) {
      this.cached = { spec: { ...spec }, ring: Keyring.fromSpecs([spec]) };
    }
    return this.cached.ring;
  }

  async seal(value: unknown, aad: string): Promise<SealedValue> {
    return (await this.ring()).seal(value, aad);
  }

  async open<T = unknown>(sealed: SealedValue, aad: string): Promise<T> {
    return (await this.ring()).open<T>(sealed, aad);
  }

  needsReseal(sealed: SealedValue): boolean {
    return sealed.kid !== this.key().kid;
  }
}

/**
 * The reference in-memory adapter. The rules and their error conventions are the engine's: see
 * {@link AuthEngine} and {@link MEMORY_LIMITS}.
 *
 * Every call honours `options.signal`: aborted before the call starts, it does nothing; aborted
 * while it runs, the work stands (as on a server) but the call rejects `ABORTED`. Any failure
 * that is not an {@link AdapterError} rejects `UNAVAILABLE` (with the original as `cause`).
 */
export class MemoryAdapter extends EventTarget implements AuthAdapter {
  private readonly store: MemoryStore;
  private readonly engine: AuthEngine;
  private readonly worker: OutboxWorker;
  private messages: OutboxMessage[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private outboxChanged = false;

  private readonly clock: Clock;
  private readonly storage: StorageLike | null;
  private readonly storageKey: string;
  readonly supportEmail: string;
  readonly helpDeskPhone: string;
  readonly matcher: TypingMatcher;
  /** The English sentence. */
  readonly sampleText: string;
  /** The sentence of each language. */
  readonly sampleTexts: Readonly<Record<Language, string>>;

  /** Operations for demos, tests and stories; not part of {@link AuthAdapter}. */
  readonly admin: MemoryAdapterAdmin;

  constructor(options: MemoryAdapterOptions = {}) {
    super();
    this.clock = options.clock ?? systemClock;
    const hasher = new Pbkdf2Hasher(options.pbkdf2Iterations);
    this.storage = options.storage ?? null;
    this.storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
    this.store = new MemoryStore();
    this.load();
    const sealer = new StateKeySealer(() => this.store.state.sealKey);
    this.worker = new OutboxWorker({
      store: this.store,
      sealer,
      clock: this.clock,
      sender: { send: async (message) => void this.deliver(message) },
      securityLog: options.securityLog,
    });
    this.engine = new AuthEngine({
      store: this.store,
      hasher,
      sealer,
      clock: this.clock,
      idleTimeout: options.idleTimeout,
      limiter: options.limiter,
      securityLog: options.securityLog,
      helpDesk: options.helpDesk,
      activityRetention: options.activityRetention,
      placeholderDomains: options.placeholderDomains,
      webauthn: options.webauthn === false ? undefined : (options.webauthn ?? defaultWebAuthn()),
      matcher: options.matcher,
      sampleText: options.sampleText,
      sampleTexts: options.sampleTexts,
      revealAccounts: options.revealAccounts ?? false,
      confirmLinkUrl: options.confirmLinkUrl ?? defaultConfirmLinkUrl,
      supportEmail: options.supportEmail,
      helpDeskPhone: options.helpDeskPhone,
    });
    this.supportEmail = this.engine.supportEmail;
    this.helpDeskPhone = this.engine.helpDeskPhone;
    this.matcher = this.engine.matcher;
    this.sampleText = this.engine.sampleText;
    this.sampleTexts = this.engine.sampleTexts;
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
    const admin = this.engine.admin;
    this.admin = {
      createProducer: (input) => this.run(undefined, () => admin.createProducer(input)),
      createDelegate: (input) => this.run(undefined, () => admin.createDelegate(input)),
      createHelpDeskUser: (input) => this.run(undefined, () => admin.createHelpDeskUser(input)),
      signIn: (username) => this.run(undefined, (ctx) => admin.signIn(ctx, username)),
      lockAccount: (username) => this.run(undefined, () => admin.lockAccount(username)),
      hasAccount: (username) =>
        this.store.accountByUsernameKey(usernameKey(String(username ?? ''))) !== undefined,
      snapshot: () => JSON.stringify(this.store.state),
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
    this.store.state = freshMemoryState();
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
      this.store.state = isMemoryState(parsed) ? parsed : freshMemoryState();
      const rawOutbox = this.storage.getItem(this.outboxKey);
      const box: unknown = rawOutbox ? JSON.parse(rawOutbox) : [];
      this.messages = Array.isArray(box) ? (box as OutboxMessage[]) : [];
    } catch {
      this.store.state = freshMemoryState();
      this.messages = [];
    }
    this.store.dirty = false;
  }

  private save(): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(this.store.state));
      this.storage.setItem(this.outboxKey, JSON.stringify(this.messages));
    } catch {
      // Storage full or unavailable: the in-memory state stays authoritative.
    }
  }

  /** The outbox worker's sender: append, announce. */
  private deliver(message: OutgoingMessage): void {
    const full: OutboxMessage = {
      id: `msg-${randomToken(9)}`,
      sentAt: this.clock.now(),
      ...message,
    };
    this.messages = [...this.messages, full];
    this.outboxChanged = true;
    this.dispatchEvent(new CustomEvent<OutboxMessage>('outbox', { detail: full }));
  }

  /**
   * Run one operation after the previous ones (serialised) with this adapter's own client
   * context, honouring `signal` before and after the work, delivering what it queued (the
   * worker drains, success or failure), persisting and announcing changes, and normalising every
   * failure to an AdapterError.
   */
  private run<T>(
    signal: AbortSignal | undefined,
    work: (ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(adapterError('ABORTED'));
    const result = this.queue.then(async () => {
      if (signal?.aborted) throw adapterError('ABORTED');
      const ctx = this.store.state.context;
      const before = ctx.sessionToken;
      try {
        return await work(ctx);
      } finally {
        // Delivery never changes the answer: a failure is the worker's to retry.
        await this.worker.drain().catch(() => 0);
        if (ctx.sessionToken !== before) this.store.dirty = true;
        if (this.store.dirty || this.outboxChanged) {
          this.store.dirty = false;
          this.outboxChanged = false;
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
  // AuthAdapter: every operation is the engine's, with this adapter's context
  // -------------------------------------------------------------------------------------------

  addDelegate(input: DelegateInput, options?: CallOptions): Promise<DelegateSummary> {
    return this.run(options?.signal, (ctx) => this.engine.addDelegate(ctx, input));
  }

  listDelegates(options?: CallOptions): Promise<DelegateSummary[]> {
    return this.run(options?.signal, (ctx) => this.engine.listDelegates(ctx));
  }

  resendInvitation(input: { delegateId: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.resendInvitation(ctx, input));
  }

  confirmEmail(input: { token: string }, options?: CallOptions): Promise<EmailConfirmation> {
    return this.run(options?.signal, (ctx) => this.engine.confirmEmail(ctx, input));
  }

  findAccount(
    input: { username: string; purpose: PasswordFlowPurpose },
    options?: CallOptions,
  ): Promise<PasswordFlow> {
    return this.run(options?.signal, (ctx) => this.engine.findAccount(ctx, input));
  }

  sendCode(input: { flowId: string; channel: Channel }, options?: CallOptions): Promise<CodeSent> {
    return this.run(options?.signal, (ctx) => this.engine.sendCode(ctx, input));
  }

  verifyCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.verifyCode(ctx, input));
  }

  setPassword(input: { flowId: string; password: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.setPassword(ctx, input));
  }

  login(
    input: { username: string; password: string; deviceToken?: string; language?: Language },
    options?: CallOptions,
  ): Promise<LoginResult> {
    return this.run(options?.signal, (ctx) => this.engine.login(ctx, input));
  }

  sendVerificationCode(
    input: { pendingId: string; channel: Channel },
    options?: CallOptions,
  ): Promise<CodeSent> {
    return this.run(options?.signal, (ctx) => this.engine.sendVerificationCode(ctx, input));
  }

  verifyAccountCode(
    input: { pendingId: string; code: string; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    return this.run(options?.signal, (ctx) => this.engine.verifyAccountCode(ctx, input));
  }

  enrollTypingPattern(
    input: { pendingId: string; samples: TypingSample[] },
    options?: CallOptions,
  ): Promise<PendingLogin> {
    return this.run(options?.signal, (ctx) => this.engine.enrollTypingPattern(ctx, input));
  }

  verifyTypingPattern(
    input: { pendingId: string; samples: TypingSample[]; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    return this.run(options?.signal, (ctx) => this.engine.verifyTypingPattern(ctx, input));
  }

  checkDevice(
    input: { username: string; deviceToken: string },
    options?: CallOptions,
  ): Promise<{ valid: boolean; expiresAt?: number }> {
    return this.run(options?.signal, (ctx) => this.engine.checkDevice(ctx, input));
  }

  forgotUsername(
    input: { email: string },
    options?: CallOptions,
  ): Promise<{ resendAvailableAt: number }> {
    return this.run(options?.signal, (ctx) => this.engine.forgotUsername(ctx, input));
  }

  getSession(options?: CallOptions): Promise<Session | null> {
    return this.run(options?.signal, (ctx) => this.engine.getSession(ctx));
  }

  logout(options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.logout(ctx));
  }

  reportIssue(report: IssueReport, options?: CallOptions): Promise<IssueTicket> {
    return this.run(options?.signal, (ctx) => this.engine.reportIssue(ctx, report));
  }

  resetTypingPattern(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.resetTypingPattern(ctx, input));
  }

  unlockAccount(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.unlockAccount(ctx, input));
  }
  searchDelegates(input: { query: string }, options?: CallOptions): Promise<DelegateSummary[]> {
    return this.run(options?.signal, (ctx) => this.engine.searchDelegates(ctx, input));
  }
  getDelegateDetail(input: { delegateId: string }, options?: CallOptions): Promise<DelegateDetail> {
    return this.run(options?.signal, (ctx) => this.engine.getDelegateDetail(ctx, input));
  }
  listDelegateActivity(
    input: { delegateId: string } & ActivityQuery,
    options?: CallOptions,
  ): Promise<ActivityPage> {
    return this.run(options?.signal, (ctx) => this.engine.listDelegateActivity(ctx, input));
  }
  helpDeskAction(
    input: { delegateId: string; action: HelpDeskActionName; reason: string },
    options?: CallOptions,
  ): Promise<DelegateDetail> {
    return this.run(options?.signal, (ctx) => this.engine.helpDeskAction(ctx, input));
  }
  setDelegateActive(
    input: { delegateId: string; active: boolean },
    options?: CallOptions,
  ): Promise<DelegateSummary> {
    return this.run(options?.signal, (ctx) => this.engine.setDelegateActive(ctx, input));
  }
  unlockDelegate(input: { delegateId: string }, options?: CallOptions): Promise<DelegateSummary> {
    return this.run(options?.signal, (ctx) => this.engine.unlockDelegate(ctx, input));
  }
  listMyActivity(input?: ActivityQuery, options?: CallOptions): Promise<ActivityPage> {
    return this.run(options?.signal, (ctx) => this.engine.listMyActivity(ctx, input));
  }

  startPasskeyRegistration(options?: CallOptions): Promise<PasskeyRegistration> {
    return this.run(options?.signal, (ctx) => this.engine.startPasskeyRegistration(ctx));
  }

  finishPasskeyRegistration(
    input: { ceremonyId: string; response: RegistrationResponseJSON; name: string },
    options?: CallOptions,
  ): Promise<Passkey> {
    return this.run(options?.signal, (ctx) => this.engine.finishPasskeyRegistration(ctx, input));
  }

  listPasskeys(options?: CallOptions): Promise<Passkey[]> {
    return this.run(options?.signal, (ctx) => this.engine.listPasskeys(ctx));
  }

  renamePasskey(
    input: { passkeyId: string; name: string },
    options?: CallOptions,
  ): Promise<Passkey> {
    return this.run(options?.signal, (ctx) => this.engine.renamePasskey(ctx, input));
  }

  deletePasskey(input: { passkeyId: string }, options?: CallOptions): Promise<void> {
    return this.run(options?.signal, (ctx) => this.engine.deletePasskey(ctx, input));
  }

  startPasskeySignIn(options?: CallOptions): Promise<PasskeyChallenge> {
    return this.run(options?.signal, (ctx) => this.engine.startPasskeySignIn(ctx));
  }

  finishPasskeySignIn(
    input: { ceremonyId: string; response: AuthenticationResponseJSON },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    return this.run(options?.signal, (ctx) => this.engine.finishPasskeySignIn(ctx, input));
  }
}
