/**
 * The storage-independent authentication engine (every domain rule, once) and its persistence
 * contract. The in-memory adapter runs it over a `MemoryStore`; the reference server over SQLite.
 */
export {
  AuthEngine,
  AUTH_LIMITS,
  DEFAULT_HELP_DESK_PHONE,
  DEFAULT_PLACEHOLDER_DOMAINS,
  DEFAULT_SUPPORT_EMAIL,
  type Access,
  type AuthEngineAdmin,
  type AuthEngineOperations,
  type AuthEngineOptions,
  type AuthLimits,
  type DelegateSeed,
  type EngineMethod,
  type ProducerInput,
  type RequestContext,
  type StaffInput,
  type WebAuthnOptions,
} from './engine.js';
export { Pbkdf2Hasher, PBKDF2_ALG, type PasswordHasher } from './hasher.js';
export type { MessageSender, OutgoingMessage } from './messages.js';
export {
  OutboxWorker,
  OUTBOX_RETRY_BASE,
  OUTBOX_RETRY_CAP,
  enqueueMessage,
  outboxAad,
  outboxRetryDelay,
  queuedSize,
  type OutboxWorkerOptions,
  type QueuedMessage,
} from './outbox-worker.js';
export {
  Keyring,
  UnknownKeyError,
  isSealedValue,
  isUnknownKeyError,
  type KeySpec,
  type Sealer,
  type SealedValue,
} from './sealing.js';
export type {
  LimitKeys,
  LimitedOperation,
  RequestLimiter,
  SecurityEvent,
  SecurityEventType,
  SecurityLog,
} from './security.js';
export * from './store.js';
export {
  MemoryStore,
  STATE_VERSION,
  freshMemoryState,
  isMemoryState,
  type MemoryState,
} from './memory-store.js';
export {
  storeConformanceSuite,
  uniqueDelegateInput,
  type StoreConformanceHarness,
  type SuiteApi,
} from './store-conformance.js';
