/**
 * The serialisable state of the reference in-memory backend. The record types are the engine's
 * (src/adapter/engine/store.ts); the state object and its check are the MemoryStore's. Kept as a
 * module so existing imports keep working.
 */
export type {
  AccountRecord,
  CodeRecord,
  DeviceRecord,
  FlowRecord,
  LinkRecord,
  LoginGuard,
  OutboxItem,
  PendingRecord,
  PendingStage,
  SessionRecord,
  ThrottleSend,
  TicketRecord,
} from '../engine/store.js';
export {
  STATE_VERSION,
  freshMemoryState,
  isMemoryState,
  type MemoryState,
} from '../engine/memory-store.js';
