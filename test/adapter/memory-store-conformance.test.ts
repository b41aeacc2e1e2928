import { MemoryStore } from '../../src/adapter/engine/memory-store.js';
import { storeConformanceSuite } from '../../src/adapter/engine/store-conformance.js';

storeConformanceSuite('MemoryStore', async () => ({ store: new MemoryStore() }));
