import { ManualClock } from '../src/core/clock.js';
import type { IdleTimers } from '../src/elements/portal-home/portal-home.component.js';

/**
 * Timers that run only when told: `advance(ms)` moves the clock and runs, in order, every
 * callback that falls due on the way (at its own moment). For `<pep-portal-home>`'s idle timeout
 * in tests and stories: set the element's `now` to `() => timers.clock.now()` and its `timers`.
 */
export class ManualTimers implements IdleTimers {
  readonly clock: ManualClock;
  #next = 1;
  #due = new Map<number, { at: number; callback: () => void }>();

  constructor(clock = new ManualClock()) {
    this.clock = clock;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#due.set(id, { at: this.clock.now() + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#due.delete(handle as number);
  }

  /** How many callbacks are waiting. */
  get pending(): number {
    return this.#due.size;
  }

  /** Move the clock `ms` forward, running each callback due on the way at its moment. */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (let runs = 0; ; runs++) {
      // Callbacks that keep scheduling themselves at once would never let time move on.
      if (runs > 10_000) throw new Error('ManualTimers: callbacks keep rescheduling at once');
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#due) if (!first || entry[1].at < first[1].at) first = entry;
      if (!first || first[1].at > end) break;
      this.#due.delete(first[0]);
      this.clock.set(Math.max(this.clock.now(), first[1].at));
      first[1].callback();
    }
    this.clock.set(end);
  }
}
