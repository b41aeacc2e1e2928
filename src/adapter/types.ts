/**
 * The adapter contract: the only way a widget reaches a backend.
 *
 * Every method is async, takes an optional `AbortSignal` (inside `CallOptions`), and fails only
 * with an {@link AdapterError} carrying a stable `code`. The adapter never returns UI text:
 * widgets map codes and data to messages in the active locale.
 */
import type { AdapterError } from './errors.js';
import type { DelegateInput } from '../core/delegate-input.js';
import type { IssueReport } from '../core/issue-report.limits.js';
import type { TypingSample } from '../core/typing/types.js';
import type { Language } from '../core/language.js';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

// Domain definitions live in `core/` (which imports nothing from here); the contract re-exports
// them so that adapters, widgets and hosts find every type of an adapter call in this module.
export { STATE_CODES, type StateCode } from '../core/states.js';
export type { KeystrokeEvent, TypingSample } from '../core/typing/types.js';
export {
  PRODUCT_TYPES,
  type IssueAttachment,
  type IssueReport,
  type ProductType,
} from '../core/issue-report.limits.js';

/**
 * A language of the product (declared in `core/language.ts`, which the domain types use): a
 * widget's active language, a delegate's preference for emails and text messages, the language
 * of a typing-pattern sentence.
 */
export type { Language } from '../core/language.js';

/** Where a one-time passcode is sent. */
export type Channel = 'email' | 'sms';

/** Options accepted by every adapter call. */
export interface CallOptions {
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------
// Delegates (producer side)
// ---------------------------------------------------------------------------------------------

export type { DelegateInput } from '../core/delegate-input.js';

/**
 * `invited`: no password yet; `active`; `locked`: too many wrong passwords (until
 * `lockedUntil`); `deactivated`: turned off by their producer or the Help Desk (cannot sign in,
 * recover or receive codes until reactivated). `deactivated` wins over `locked`.
 */
export type DelegateStatus = 'invited' | 'active' | 'locked' | 'deactivated';

/** A delegate as the producer's My Delegates list shows it. `mobile` is E.164 (`+13125550101`). */
export interface DelegateSummary extends DelegateInput {
  id: string;
  /** The language of their emails and text messages (`en` when none was chosen). */
  language: Language;
  status: DelegateStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  /**
   * Epoch ms when the lock ends (status `locked`), else null. Always present in engine
   * answers (optional only so that older hand-made values still type-check).
   */
  lockedUntil?: number | null;
  /** Epoch ms of the last successful sign-in (within the activity retention); null when none. */
  lastSignInAt?: number | null;
}

/** A delegate as the Internet Help Desk console shows it (`getDelegateDetail`). */
export interface DelegateDetail extends DelegateSummary {
  lockedUntil: number | null;
  lastSignInAt: number | null;
  /** The producer who added them. */
  producer: ProducerRef;
  /** A typing pattern is enrolled (a reset, or a first login not yet done: false). */
  patternEnrolled: boolean;
  /** Epoch ms of the enrollment, when the activity log still holds it; else null. */
  patternEnrolledAt: number | null;
  /** Remembered devices still valid, and the last sign-in that used one (null: never/unknown). */
  rememberedDevices: { count: number; lastUsedAt: number | null };
  /** How many passkeys they have registered (0 when passkeys are off). */
  passkeys: number;
}

// ---------------------------------------------------------------------------------------------
// Activity log (every security event of an account; never a secret)
// ---------------------------------------------------------------------------------------------

/** What happened. A closed list: widgets map each to a sentence in the active locale. */
export type ActivityType =
  | 'sign-in'
  | 'sign-in-failed'
  | 'locked'
  | 'unlocked'
  | 'password-created'
  | 'password-changed'
  | 'code-sent'
  | 'verification-passed'
  | 'verification-failed'
  | 'device-remembered'
  | 'devices-forgotten'
  | 'pattern-enrolled'
  | 'pattern-reset'
  | 'passkey-added'
  | 'passkey-removed'
  | 'invitation-resent'
  | 'deactivated'
  | 'reactivated';

/**
 * How: the channel of a code (`code-sent`, `verification-*`: `email` / `sms`), `pattern`, or
 * for a `sign-in`: `passkey`, `device` (a remembered device skipped verification) — a sign-in
 * without `method` is password + verification.
 */
export type ActivityMethod = 'email' | 'sms' | 'pattern' | 'passkey' | 'device';

/** Who acted: the account itself, its producer, Internet Help Desk staff, or the system (lockout). */
export interface ActivityActor {
  role: 'self' | 'producer' | 'help-desk' | 'system';
  /**
   * The actor's name (`First Last`) for `producer` and `help-desk`; the Help Desk's view only
   * for `help-desk` actors (a delegate's own list says "the Internet Help Desk", no name).
   */
  name?: string;
}

export interface ActivityEntry {
  /** Unique, opaque. */
  id: string;
  /** Epoch ms. */
  at: number;
  type: ActivityType;
  method?: ActivityMethod;
  actor: ActivityActor;
  outcome: 'success' | 'failure';
  /** The reason given for a help-desk or producer action; only in the Help Desk's view. */
  reason?: string;
}

/** One page of activity, newest first; pass `nextCursor` back for older entries (null: no more). */
export interface ActivityPage {
  entries: ActivityEntry[];
  nextCursor: string | null;
}

/** Paging of an activity list: `limit` 1–100 (default 20); `cursor` from a previous page. */
export interface ActivityQuery {
  cursor?: string;
  limit?: number;
}

/** What the Help Desk may do to a delegate (`helpDeskAction`); each needs a reason. */
export type HelpDeskActionName =
  | 'unlock'
  | 'reset-pattern'
  | 'forget-devices'
  | 'resend-invitation'
  | 'deactivate'
  | 'reactivate';

/** Result of confirming the emailed *Confirm Your Email Address* link. */
export interface EmailConfirmation {
  username: string;
}

// ---------------------------------------------------------------------------------------------
// Passcodes and password flows (create password / forgot password)
// ---------------------------------------------------------------------------------------------

/** A place a code can be sent, masked for display (`j•••@e•••.com`, `•••-•••-0001`). */
export interface CodeDestination {
  channel: Channel;
  masked: string;
}

export type PasswordFlowPurpose = 'create' | 'reset';

/**
 * Result of Find Account. Unless the adapter is configured to reveal accounts, an unknown
 * username gets the same shape (placeholder destinations, a flow id) and nothing is ever sent.
 */
export interface PasswordFlow {
  flowId: string;
  destinations: CodeDestination[];
}

/** A code was (or, for an unknown account, appears to have been) sent. */
export interface CodeSent {
  channel: Channel;
  masked: string;
  /** Epoch ms after which the code is void. */
  expiresAt: number;
  /** Epoch ms from which another send is allowed. */
  resendAvailableAt: number;
}

// ---------------------------------------------------------------------------------------------
// Login and account verification
// ---------------------------------------------------------------------------------------------

/** A way the user can verify the account after the password step. */
export type VerificationMethod = 'email' | 'sms' | 'pattern';

export interface VerificationOption {
  method: VerificationMethod;
  /** Masked destination for email / sms. */
  masked?: string;
  /** False when temporarily unavailable (e.g. pattern disabled after 3 failed attempts). */
  available: boolean;
}

/** What the adapter needs after a correct password, before a session exists. */
export interface PendingLogin {
  pendingId: string;
  username: string;
  /** True on first login: the typing pattern must be enrolled before verifying by code. */
  mustEnrollPattern: boolean;
  /**
   * The sentence the user types for the pattern: to enroll, the one of the login's `language`
   * (else the delegate's preference); to verify, always the one that was enrolled.
   */
  sampleText: string;
  /** The language of `sampleText` (for its `lang` attribute). */
  sampleLang: Language;
  options: VerificationOption[];
  /** Epoch ms after which the pending login is void and the user must log in again. */
  expiresAt: number;
}

export type LoginResult =
  | { status: 'authenticated'; session: Session }
  | { status: 'verification-required'; pending: PendingLogin };

/** A successful verification; `deviceToken` is present when "remember this device" was asked. */
export interface VerifiedLogin {
  session: Session;
  deviceToken?: DeviceToken;
}

export interface DeviceToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * Who an account is. `help-desk`: Internet Help Desk staff (created by an administrator, never
 * through a public operation); only they may call the help-desk operations.
 */
export type Role = 'delegate' | 'producer' | 'help-desk';

export interface ProducerRef {
  username: string;
  firstName: string;
  lastName: string;
  producerId: string;
}

/** A signed-in user's details. `mobile` is E.164. */
export interface UserProfile extends DelegateInput {
  role: Role;
  /** For a delegate: the producer who added them. */
  producer?: ProducerRef;
  /** For a producer: their own producer id. */
  producerId?: string;
}

/** What the signed-in user may do (spec slides 21–22). */
export interface Capabilities {
  quote: boolean;
  onExchangeEnrollmentSso: boolean;
  medicareQuotingSso: boolean;
  manageDelegates: boolean;
  /** Help Desk staff: unlock accounts and reset typing patterns. */
  helpDesk: boolean;
}

export interface Session {
  user: UserProfile;
  capabilities: Capabilities;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms: the absolute end of the session (8 hours after sign-in by default). */
  expiresAt: number;
  /**
   * Epoch ms: when the session ends unless the user does something before (the idle timeout,
   * 30 minutes by default). Every call made with the session (this `getSession` included)
   * moves it forward; never later than `expiresAt`.
   */
  idleExpiresAt: number;
}

// ---------------------------------------------------------------------------------------------
// Report an issue
// ---------------------------------------------------------------------------------------------

export interface IssueTicket {
  ticketId: string;
}

// ---------------------------------------------------------------------------------------------
// Passkeys (WebAuthn): on only when the backend is configured for them (else NOT_FOUND)
// ---------------------------------------------------------------------------------------------

export type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/** One of the signed-in user's passkeys, as My Information lists it. */
export interface Passkey {
  /** The credential id (base64url). */
  id: string;
  /** 1–64 characters, chosen by the user. */
  name: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of the last sign-in with it; null when never used. */
  lastUsedAt: number | null;
}

/**
 * A registration ceremony: pass `options` to `navigator.credentials.create()` (e.g. through
 * `startRegistration({ optionsJSON })` of `@simplewebauthn/browser`), then the response and the
 * `ceremonyId` to `finishPasskeyRegistration`. One use; void after 5 minutes.
 */
export interface PasskeyRegistration {
  ceremonyId: string;
  options: PublicKeyCredentialCreationOptionsJSON;
}

/**
 * A sign-in ceremony (discoverable credentials: no username asked): pass `options` to
 * `navigator.credentials.get()`, then the response and the `ceremonyId` to
 * `finishPasskeySignIn`. One use; void after 5 minutes.
 */
export interface PasskeyChallenge {
  ceremonyId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

// ---------------------------------------------------------------------------------------------
// Outbox (reference adapter only, but typed here so demos and tests share it)
// ---------------------------------------------------------------------------------------------

export interface OutboxMessage {
  id: string;
  channel: Channel;
  to: string;
  /** Email only. */
  subject?: string;
  text: string;
  /** Epoch ms. */
  sentAt: number;
}

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

export interface AuthAdapter {
  // Producer: My Delegates / Add Delegate
  addDelegate(input: DelegateInput, options?: CallOptions): Promise<DelegateSummary>;
  listDelegates(options?: CallOptions): Promise<DelegateSummary[]>;
  resendInvitation(input: { delegateId: string }, options?: CallOptions): Promise<void>;

  // Email link
  confirmEmail(input: { token: string }, options?: CallOptions): Promise<EmailConfirmation>;

  // Create password / forgot password
  findAccount(
    input: { username: string; purpose: PasswordFlowPurpose },
    options?: CallOptions,
  ): Promise<PasswordFlow>;
  sendCode(input: { flowId: string; channel: Channel }, options?: CallOptions): Promise<CodeSent>;
  verifyCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void>;
  setPassword(input: { flowId: string; password: string }, options?: CallOptions): Promise<void>;

  // Login and verification
  /**
   * `language`: the widget's active language; a first login (or one after a pattern reset)
   * enrolls the typing pattern on that language's sentence (absent: the delegate's preference).
   */
  login(
    input: { username: string; password: string; deviceToken?: string; language?: Language },
    options?: CallOptions,
  ): Promise<LoginResult>;
  sendVerificationCode(
    input: { pendingId: string; channel: Channel },
    options?: CallOptions,
  ): Promise<CodeSent>;
  verifyAccountCode(
    input: { pendingId: string; code: string; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin>;
  enrollTypingPattern(
    input: { pendingId: string; samples: TypingSample[] },
    options?: CallOptions,
  ): Promise<PendingLogin>;
  verifyTypingPattern(
    input: { pendingId: string; samples: TypingSample[]; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin>;
  checkDevice(
    input: { username: string; deviceToken: string },
    options?: CallOptions,
  ): Promise<{ valid: boolean; expiresAt?: number }>;

  // Recovery
  forgotUsername(
    input: { email: string },
    options?: CallOptions,
  ): Promise<{ resendAvailableAt: number }>;

  // Session
  getSession(options?: CallOptions): Promise<Session | null>;
  logout(options?: CallOptions): Promise<void>;

  // Support
  reportIssue(report: IssueReport, options?: CallOptions): Promise<IssueTicket>;

  // Help desk: a signed-in help-desk session only (anyone else: NOT_AUTHENTICATED without a
  // session, FORBIDDEN with another role, whether or not the username exists).
  resetTypingPattern(input: { username: string }, options?: CallOptions): Promise<void>;
  unlockAccount(input: { username: string }, options?: CallOptions): Promise<void>;
  /**
   * Delegates whose username, email, first/last name or mobile number contains `query`
   * (case-insensitive; at least 2 characters after trim, else VALIDATION {fields:{query}}),
   * at most 20, by username.
   */
  searchDelegates(input: { query: string }, options?: CallOptions): Promise<DelegateSummary[]>;
  /** A delegate's page. Unknown id (or not a delegate): NOT_FOUND. */
  getDelegateDetail(input: { delegateId: string }, options?: CallOptions): Promise<DelegateDetail>;
  /** A delegate's activity, newest first, with actor names and reasons. Unknown id: NOT_FOUND. */
  listDelegateActivity(
    input: { delegateId: string } & ActivityQuery,
    options?: CallOptions,
  ): Promise<ActivityPage>;
  /**
   * Act on a delegate, recorded with the staff member and `reason` (3–500 characters after
   * trim, else VALIDATION {fields:{reason}}; an unknown `action` VALIDATION {fields:{action}}).
   * `unlock`: clears the lock and failed logins; `reset-pattern`: the next login enrolls
   * again (remembered devices forgotten too); `forget-devices`: every device verifies again;
   * `resend-invitation`: a new email link (the old ones void); `deactivate` / `reactivate`.
   * The delegate is emailed on unlock, reset-pattern, deactivate and reactivate. Resolves the
   * delegate's new detail. Unknown id: NOT_FOUND.
   */
  helpDeskAction(
    input: { delegateId: string; action: HelpDeskActionName; reason: string },
    options?: CallOptions,
  ): Promise<DelegateDetail>;

  // Producer controls: a signed-in producer, their OWN delegates only (another producer's
  // delegate rejects NOT_FOUND, exactly as a missing id). Delegates and help desk: FORBIDDEN.
  /**
   * Deactivate (`active: false`: cannot sign in, recover or receive codes; their sessions end,
   * their remembered devices and passkeys are deleted) or reactivate one of their delegates.
   * The delegate is emailed. Idempotent. Resolves the delegate's new summary.
   */
  setDelegateActive(
    input: { delegateId: string; active: boolean },
    options?: CallOptions,
  ): Promise<DelegateSummary>;
  /** Clear the delegate's lock (and failed logins); the delegate is emailed. */
  unlockDelegate(input: { delegateId: string }, options?: CallOptions): Promise<DelegateSummary>;

  // Activity: any signed-in user, their own account (no `reason`, no help-desk staff names).
  listMyActivity(input?: ActivityQuery, options?: CallOptions): Promise<ActivityPage>;

  // Passkeys: a signed-in delegate or producer (help-desk: FORBIDDEN; none: NOT_AUTHENTICATED).
  // Off unless the backend is configured for them: then all seven reject NOT_FOUND.
  // Names: 1–64 characters after trim, else VALIDATION { fields: { name } }.
  startPasskeyRegistration(options?: CallOptions): Promise<PasskeyRegistration>;
  /** Rejects PASSKEY_REJECTED (`expired`: ceremony unknown, used or older than 5 minutes; `invalid`). */
  finishPasskeyRegistration(
    input: { ceremonyId: string; response: RegistrationResponseJSON; name: string },
    options?: CallOptions,
  ): Promise<Passkey>;
  /** The caller's own passkeys, oldest first. */
  listPasskeys(options?: CallOptions): Promise<Passkey[]>;
  /** Another account's passkey id rejects NOT_FOUND, as a missing one does. */
  renamePasskey(
    input: { passkeyId: string; name: string },
    options?: CallOptions,
  ): Promise<Passkey>;
  /** Another account's passkey id rejects NOT_FOUND, as a missing one does. */
  deletePasskey(input: { passkeyId: string }, options?: CallOptions): Promise<void>;

  // Passkey sign-in: public (discoverable credentials, no username asked: nothing to enumerate).
  startPasskeySignIn(options?: CallOptions): Promise<PasskeyChallenge>;
  /**
   * User verification required: the session counts as password + verification (no Verify Your
   * Account step, no device token). Rejects PASSKEY_REJECTED, PASSKEY_UNKNOWN (the credential
   * is not registered: deleted, or never), ACCOUNT_LOCKED (as for a password), RATE_LIMITED.
   */
  finishPasskeySignIn(
    input: { ceremonyId: string; response: AuthenticationResponseJSON },
    options?: CallOptions,
  ): Promise<VerifiedLogin>;
}

/** Narrowing helper type for consumers who want the error type alongside the contract. */
export type AdapterFailure = AdapterError;
