import type { KeystrokeEvent, TypingSample } from '../../../src/adapter/types.js';

/** Deterministic PRNG (mulberry32) so synthetic typists are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate (Box–Muller). */
function gauss(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface Typist {
  /** Median hold time (ms) of each character position. */
  holds: number[];
  /** Median key-down to next key-down time (ms) after each character position. */
  flights: number[];
  /** Log-normal jitter (relative spread) of holds and flights. */
  holdNoise: number;
  flightNoise: number;
}

/** A typist with a personal rhythm: per-key holds of 70–160 ms, flights of 90–450 ms. */
export function makeTypist(seed: number, text: string): Typist {
  const random = prng(seed);
  const n = [...text].length;
  return {
    holds: Array.from({ length: n }, () => 70 + 90 * random()),
    flights: Array.from({ length: n - 1 }, () => 90 + 360 * random()),
    holdNoise: 0.1,
    flightNoise: 0.18,
  };
}

function codeOf(char: string): string {
  if (char === ' ') return 'Space';
  if (char === '.') return 'Period';
  if (char === ',') return 'Comma';
  if (/[0-9]/.test(char)) return `Digit${char}`;
  return `Key${char.toUpperCase()}`;
}

/**
 * One typed attempt: the typist's rhythm with jitter; capitals use Shift (pressed 60 ms before,
 * released 30 ms after the letter goes down, so the letter's key-up reports lower case); a
 * flight shorter than the hold makes a natural rollover. `tempo` scales all flights.
 */
export function typeText(
  typist: Typist,
  text: string,
  random: () => number,
  tempo = 1,
): TypingSample {
  const chars = [...text];
  const events: KeystrokeEvent[] = [];
  let down = 5000 + 1000 * random();
  chars.forEach((char, i) => {
    const hold = typist.holds[i] * Math.exp(typist.holdNoise * gauss(random));
    const code = codeOf(char);
    const upper = char !== char.toLowerCase();
    if (upper) {
      events.push({ type: 'down', key: 'Shift', code: 'ShiftLeft', t: down - 60 });
      events.push({ type: 'up', key: 'Shift', code: 'ShiftLeft', t: down + 30 });
    }
    events.push({ type: 'down', key: char, code, t: down });
    events.push({ type: 'up', key: upper ? char.toLowerCase() : char, code, t: down + hold });
    if (i + 1 < chars.length) {
      down += tempo * typist.flights[i] * Math.exp(typist.flightNoise * gauss(random));
    }
  });
  events.sort((a, b) => a.t - b.t);
  return { text, events };
}

/** `count` attempts of `text` by `typist`. */
export function attempts(
  typist: Typist,
  text: string,
  random: () => number,
  count = 3,
  tempo = 1,
): TypingSample[] {
  return Array.from({ length: count }, () => typeText(typist, text, random, tempo));
}
