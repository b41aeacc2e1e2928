/**
 * Records the key-down / key-up events of one typed attempt (no DOM: it takes plain event
 * fields, so it is unit-testable). Shift and other modifiers are recorded like any key; key
 * rollover (the next key pressed before the previous is released) keeps the true order. Auto
 * repeats, key-ups of keys pressed before the attempt began, and navigation keys are ignored.
 */
import type { KeystrokeEvent } from '../../adapter/types.js';

/** The parts of a KeyboardEvent the recorder reads. */
export interface KeyInput {
  key: string;
  code: string;
  timeStamp: number;
  repeat?: boolean;
}

/** Keys that never belong to the sentence's rhythm (Enter ends an attempt; Tab leaves the box). */
const IGNORED_KEYS = new Set([
  'Enter',
  'Tab',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** Keys that correct text: using one voids the attempt. */
export function isCorrectionKey(key: string): boolean {
  return key === 'Backspace' || key === 'Delete';
}

export class TypingRecorder {
  #events: KeystrokeEvent[] = [];
  #down = new Set<string>();

  /** The recorded events of the current attempt (a copy). */
  get events(): KeystrokeEvent[] {
    return this.#events.map((e) => ({ ...e }));
  }

  /** True while no recorded key is held down. */
  get allReleased(): boolean {
    return this.#down.size === 0;
  }

  /** Number of recorded key-downs. */
  get keyCount(): number {
    return this.#events.filter((e) => e.type === 'down').length;
  }

  /** Record a key-down. Returns false when the key is ignored. */
  down(e: KeyInput): boolean {
    if (e.repeat || IGNORED_KEYS.has(e.key) || isCorrectionKey(e.key)) return false;
    const id = e.code || e.key;
    if (this.#down.has(id)) return false;
    this.#down.add(id);
    this.#events.push({ type: 'down', key: e.key, code: e.code, t: e.timeStamp });
    return true;
  }

  /** Record a key-up of a key whose key-down was recorded. Returns false when ignored. */
  up(e: KeyInput): boolean {
    const id = e.code || e.key;
    if (!this.#down.has(id)) return false;
    this.#down.delete(id);
    this.#events.push({ type: 'up', key: e.key, code: e.code, t: e.timeStamp });
    return true;
  }

  /** Forget the current attempt. */
  reset(): void {
    this.#events = [];
    this.#down.clear();
  }
}
