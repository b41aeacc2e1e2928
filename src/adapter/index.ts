/**
 * The adapter layer: the contract every widget talks to, its typed errors, the reference
 * in-memory backend (with demo seed and outbox helpers), and the reusable conformance suite.
 */
export * from './types.js';
export * from './errors.js';
export {
  MemoryAdapter,
  MEMORY_LIMITS,
  DEFAULT_HELP_DESK_PHONE,
  DEFAULT_STORAGE_KEY,
  DEFAULT_SUPPORT_EMAIL,
  type DelegateSeed,
  type MemoryAdapterAdmin,
  type MemoryAdapterEventMap,
  type MemoryAdapterOptions,
  type ProducerInput,
  type StaffInput,
  type StorageLike,
} from './memory/memory-adapter.js';
export { seedDemo, DEMO_HELP_DESK, DEMO_PRODUCER } from './memory/seed.js';
export * from './engine/index.js';
export {
  codeIn,
  latestCode,
  latestLink,
  latestLinkToken,
  latestMessage,
  type OutboxSource,
} from './memory/outbox.js';
export { typeSentence, typingSamplesFor, type TypistOptions } from './memory/typist.js';
export {
  adapterConformanceSuite,
  type AuthenticatorTweaks,
  type ConformanceAuthenticator,
  type ConformanceHarness,
  type ConformanceProducer,
  type ConformanceStaff,
} from './conformance.js';
export {
  HttpAdapter,
  lazyHttpAdapter,
  ROUTES,
  CSRF_PATH,
  CSRF_HEADER,
  CSRF_FAILURE_HEADER,
  type HttpAdapterOptions,
  type LazyHttpAdapter,
  type HttpMethod,
  type HttpRoute,
  type OperationName,
} from './http/index.js';
