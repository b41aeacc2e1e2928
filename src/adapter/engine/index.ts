/**
 * The storage-independent authentication engine (every domain rule, once) and its persistence
 * contract. The in-memory adapter runs it over a `MemoryStore`; the reference server over SQLite.
 */
export {
  AuthEngine,
  AUTH_LIMITS,
  DEFAULT_HELP_DESK_PHONE,
  DEFAULT_SUPPORT_EMAIL,
  type AuthEngineAdmin,
  type AuthEngineOperations,
  type AuthEngineOptions,
  type AuthLimits,
  type DelegateSeed,
  type EngineMethod,
  type MessageSender,
  type ProducerInput,
  type RequestContext,
} from './engine.js';
export { Pbkdf2Hasher, PBKDF2_ALG, type PasswordHasher } from './hasher.js';
export type { OutgoingMessage } from './messages.js';
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
