/** Typing a sentence with a given rhythm through real key events (shared by the e2e journeys). */
import type { Page } from 'playwright-core';

/** A typist's rhythm: key hold time and key-down to key-down time, in ms. */
export interface Rhythm {
  hold: number;
  flight: number;
}

/**
 * Type `text` into the focused box as `rhythm` (hold, key-down to key-down), with a small
 * deterministic variation per key and attempt (`seed`). The keys are real (trusted) key events
 * from `page.keyboard`; the page's fake clock is paused and advanced between them, so each
 * event's `timeStamp` is exactly the rhythm's.
 */
export async function typeWithRhythm(
  page: Page,
  text: string,
  rhythm: Rhythm,
  seed: number,
): Promise<void> {
  type Ev = { at: number; type: 'down' | 'up'; key: string };
  const events: Ev[] = [];
  let t = 100;
  [...text].forEach((ch, i) => {
    const jitter = (((i * 7 + seed * 13) % 5) - 2) * 4;
    const key = ch === ' ' ? 'Space' : ch;
    const shift = ch !== ch.toLowerCase();
    if (shift) events.push({ at: t - 40, type: 'down', key: 'Shift' });
    events.push({ at: t, type: 'down', key });
    events.push({ at: t + rhythm.hold + jitter, type: 'up', key });
    if (shift) events.push({ at: t + rhythm.hold + jitter + 10, type: 'up', key: 'Shift' });
    t += rhythm.flight + jitter;
  });
  events.sort((a, b) => a.at - b.at);
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  let clock = 0;
  for (const e of events) {
    if (e.at > clock) await page.clock.runFor(e.at - clock);
    clock = Math.max(clock, e.at);
    if (e.type === 'down') await page.keyboard.down(e.key);
    else await page.keyboard.up(e.key);
  }
  await page.clock.resume();
}
