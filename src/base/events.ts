/**
 * Every event a pep-* element fires, with its `detail` type, declared once. Elements add their
 * own entries by declaration merging:
 *
 * ```ts
 * declare module '../../base/events.js' {
 *   interface PepEventMap { 'pep-delegate-added': { delegate: DelegateSummary } }
 * }
 * ```
 * All events bubble and are composed, so a host can listen on any ancestor.
 */
export interface PepEventMap {
  /** The element moved to another step of its flow. */
  'pep-step-change': { step: string };
}

export type PepEventName = keyof PepEventMap;

export type PepEvent<K extends PepEventName> = CustomEvent<PepEventMap[K]>;

declare global {
  interface HTMLElementEventMap {
    'pep-step-change': CustomEvent<PepEventMap['pep-step-change']>;
  }
}
