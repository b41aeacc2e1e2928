/** An injectable clock: epoch milliseconds. Tests pass a fake one; production uses Date.now. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * Injectable timers (`setTimeout` / `clearTimeout` in a browser): what an element waits with,
 * next to its `now`. Tests pass manual ones.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A manually advanced clock for tests and demos. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 5, 15, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
