/**
 * Synthetic typists for tests, stories and the conformance suite: deterministic keystroke
 * timelines of a sentence with a personal rhythm (per-key hold and between-key times derived
 * from a seed). Not for production: a real user's timings come from `<pep-typing-pattern>`.
 */
import type { KeystrokeEvent, TypingSample } from '../types.js';

export interface TypistOptions {
  /** Chooses the rhythm: the same seed always types the same way. */
  seed: number;
  /** Multiplies every duration (2 = half as fast). Default 1. */
  tempo?: number;
  /**
   * Relative variation of this attempt (e.g. 0.1 = each duration ±10 %), signed by `variant`
   * so that attempts `+1` and `-1` average to the typist's own rhythm. Default 0.
   */
  jitter?: number;
  /** Which variation: -1, 0 or +1 (default 0: the typist's exact rhythm). */
  variant?: -1 | 0 | 1;
  /** Epoch of the first key-down. Default 1000. */
  start?: number;
}

/** A small deterministic hash to [0, 1). */
function unit(seed: number, i: number, salt: number): number {
  let h = (seed * 374761393 + i * 668265263 + salt * 2246822519) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

function codeOf(ch: string): string {
  if (/^[a-z]$/i.test(ch)) return `Key${ch.toUpperCase()}`;
  if (/^\d$/.test(ch)) return `Digit${ch}`;
  const named: Record<string, string> = {
    ' ': 'Space',
    '.': 'Period',
    ',': 'Comma',
    "'": 'Quote',
    '-': 'Minus',
    '!': 'Digit1',
    '?': 'Slash',
  };
  return named[ch] ?? `Char${ch.codePointAt(0)}`;
}

/** One attempt at `text` with the typist's rhythm. */
export function typeSentence(text: string, options: TypistOptions): TypingSample {
  const { seed, tempo = 1, jitter = 0, variant = 0, start = 1000 } = options;
  const events: KeystrokeEvent[] = [];
  let t = start;
  [...text].forEach((ch, i) => {
    const vary = (salt: number) => 1 + jitter * variant * (unit(seed, i, salt + 7) < 0.5 ? -1 : 1);
    const hold = (60 + 90 * unit(seed, i, 1)) * tempo * vary(1);
    const gap = (40 + 160 * unit(seed, i, 2)) * tempo * vary(2);
    const shifted = ch !== ch.toLowerCase();
    if (shifted) events.push({ type: 'down', key: 'Shift', code: 'ShiftLeft', t: t - 25 });
    events.push({ type: 'down', key: ch, code: codeOf(ch), t });
    events.push({ type: 'up', key: ch, code: codeOf(ch), t: t + hold });
    if (shifted) events.push({ type: 'up', key: 'Shift', code: 'ShiftLeft', t: t + hold + 10 });
    // Always release before the next press (no rollover), so repeated letters pair cleanly.
    t += hold + gap;
  });
  return { text, events };
}

/**
 * Three enrollment attempts (the typist's rhythm ±`jitter`, and exact), three genuine
 * verification attempts (the exact rhythm), and three attempts by a clearly different typist.
 */
export function typingSamplesFor(
  text: string,
  seed = 7,
  jitter = 0.12,
): { enroll: TypingSample[]; genuine: TypingSample[]; impostor: TypingSample[] } {
  const enroll = ([1, -1, 0] as const).map((variant) =>
    typeSentence(text, { seed, jitter, variant }),
  );
  const genuine = [0, 1, 2].map(() => typeSentence(text, { seed }));
  const impostor = ([1, -1, 0] as const).map((variant) =>
    typeSentence(text, { seed: seed + 1000, tempo: 2.6, jitter, variant }),
  );
  return { enroll, genuine, impostor };
}
