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

export type DelegateStatus = 'invited' | 'active' | 'locked';

/** A delegate as the producer's My Delegates list shows it. `mobile` is E.164 (`+13125550101`). */
export interface DelegateSummary extends DelegateInput {
  id: string;
  status: DelegateStatus;
  /** Epoch milliseconds. */
  createdAt: number;
}

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
  /** The sentence the user types for the pattern. */
  sampleText: string;
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
  login(
    input: { username: string; password: string; deviceToken?: string },
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
}

/** Narrowing helper type for consumers who want the error type alongside the contract. */
export type AdapterFailure = AdapterError;
