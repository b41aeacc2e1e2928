/**
 * A fixed wall clock for screenshots: `startClock()` sets `Date` to 2026-01-05 15:00:00 UTC (the
 * date of `ManualClock`); time then runs on normally, so timeouts and "in 30 seconds" behave as
 * in real life, while every date and time a story shows (minutes at most) is the same on every
 * run. The browser's time zone is UTC (web-test-runner.visual.config.mjs sets TZ).
 */
const RealDate = Date;
const START = RealDate.UTC(2026, 0, 5, 15, 0, 0);
let offset = 0;

class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as [string | number]));
  }
  static override now(): number {
    return RealDate.now() + offset;
  }
}

globalThis.Date = FixedDate as DateConstructor;

/** Restart the clock at START (before each story). */
export function startClock(): void {
  offset = START - RealDate.now();
}
