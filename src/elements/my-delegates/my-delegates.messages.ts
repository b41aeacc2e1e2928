import { myDelegatesFrameEn } from './my-delegates.frame.messages.js';
import { myDelegatesListEn } from './my-delegates.list.messages.js';

/**
 * English messages of `<pep-my-delegates>` (the spec's words). The element loads the part around
 * its list first, and the list's part with the list's chunk.
 */
export const myDelegatesEn = {
  ...myDelegatesFrameEn,
  ...myDelegatesListEn,
  // Not shown by the element (no count line); kept: hosts and translations may reference them.
  'my-delegates.count': '{count} delegates',
  'my-delegates.count-one': '1 delegate',
} as const;
