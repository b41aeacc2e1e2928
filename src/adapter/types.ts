/**
 * The adapter contract: the only way a widget reaches a backend.
 *
 * Every method is async, takes an optional `AbortSignal` (inside `CallOptions`), and fails only
 * with an {@link AdapterError} carrying a stable `code`. The adapter never returns UI text:
 * widgets map codes and data to messages in the active locale.
 */
import type { AdapterError } from './errors.js';

/** The five states a delegate can be assigned to (spec: IL, MT, NM, OK, TX). */
export type StateCode = 'IL' | 'MT' | 'NM' | 'OK' | 'TX';
export const STATE_CODES: readonly StateCode[] = ['IL', 'MT', 'NM', 'OK', 'TX'];

/** Where a one-time passcode is sent. */
export type Channel = 'email' | 'sms';

/** Options accepted by every adapter call. */
export interface CallOptions {
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------
// Delegates (producer side)
// ---------------------------------------------------------------------------------------------

/** What a producer types into Add Delegate. `mobile` may be in any common US format. */
export interface DelegateInput {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  mobile: string;
  states: StateCode[];
}

export type DelegateStatus = 'invited' | 'active' | 'locked';

/** A delegate as the producer's My Delegates list shows it. `mobile` is E.164 (`+13125550101`). */
export interface DelegateSummary {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  mobile: string;
  states: StateCode[];
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

/** A place a code can be sent, masked for display (`xxxname@email.com`, `xxxxxx0001`). */
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

/** One key-down or key-up recorded by `<pep-typing-pattern>`. `t` is `event.timeStamp` (ms). */
export interface KeystrokeEvent {
  type: 'down' | 'up';
  /** `KeyboardEvent.key`, e.g. `"a"`, `"A"`, `"Shift"`, `" "`. */
  key: string;
  /** `KeyboardEvent.code`, e.g. `"KeyA"`, `"ShiftLeft"`. */
  code: string;
  t: number;
}

/** One typed attempt of the sample sentence. */
export interface TypingSample {
  text: string;
  events: KeystrokeEvent[];
}

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

export type Role = 'delegate' | 'producer';

export interface ProducerRef {
  username: string;
  firstName: string;
  lastName: string;
  producerId: string;
}

export interface UserProfile {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  /** E.164. */
  mobile: string;
  states: StateCode[];
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
}

export interface Session {
  user: UserProfile;
  capabilities: Capabilities;
  /** Epoch ms. */
  issuedAt: number;
  expiresAt: number;
}

// ---------------------------------------------------------------------------------------------
// Report an issue
// ---------------------------------------------------------------------------------------------

export type ProductType = 'ACA Medical' | 'ACA Dental' | 'MAPD' | 'PDP' | 'DSNP' | 'Med Supp';
export const PRODUCT_TYPES: readonly ProductType[] = [
  'ACA Medical',
  'ACA Dental',
  'MAPD',
  'PDP',
  'DSNP',
  'Med Supp',
];

export interface IssueAttachment {
  name: string;
  type: string;
  size: number;
  /** Raw bytes; the adapter decides how to transport them. */
  data?: Blob;
}

export interface IssueReport {
  description: string;
  stepsTaken: string;
  clientName?: string;
  agentName: string;
  producerId: string;
  productType: ProductType;
  state: StateCode;
  /** ISO 8601 date-time the issue was observed. */
  observedAt: string;
  screenshot?: IssueAttachment;
}

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

  // Help desk
  resetTypingPattern(input: { username: string }, options?: CallOptions): Promise<void>;
  unlockAccount(input: { username: string }, options?: CallOptions): Promise<void>;
}

/** Narrowing helper type for consumers who want the error type alongside the contract. */
export type AdapterFailure = AdapterError;
