import type { KeystrokeEvent, TypingSample } from './types.js';

/**
 * Keys that never count as keystrokes of the sentence: modifiers (Shift for capitals, AltGr for
 * symbols, Caps Lock) are ignored, so a capital letter is the letter key's own press.
 */
const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'FnLock',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Symbol',
  'SymbolLock',
]);

/** Keys that mean the attempt was edited or composed: the attempt is void (retype it). */
const VOIDING_KEYS: ReadonlySet<string> = new Set([
  'Backspace',
  'Delete',
  'Dead',
  'Process',
  'Compose',
  'Unidentified',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'Undo',
  'Redo',
  'Paste',
  'Cut',
]);

/** One pressed key of the sentence: its character and its down/up times (ms). */
export interface Keystroke {
  char: string;
  down: number;
  up: number;
}

/** The character a key-down types, or null when it is not a character key (Tab, F1, …). */
function charOf(event: KeystrokeEvent): string | null {
  if (event.key === 'Enter') return '\n';
  if (event.key === 'Tab') return '\t';
  // `key` is the produced character for printable keys: one UTF-16 unit or a surrogate pair.
  return [...event.key].length === 1 ? event.key : null;
}

/**
 * Pairs key-downs with key-ups (by `code`, so rollover and Shift releases in any order are fine)
 * and returns the keystrokes in key-down order. Autorepeat key-downs (a second down of a code that
 * is still down) are dropped. Returns null when the attempt is void: a correction or composition
 * key, a non-character key, or a key that never came up.
 */
export function pairKeystrokes(events: readonly KeystrokeEvent[]): Keystroke[] | null {
  const strokes: Keystroke[] = [];
  const open = new Map<string, number>();
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.t - b.event.t || a.index - b.index);
  for (const { event } of ordered) {
    if (!Number.isFinite(event.t)) return null;
    if (MODIFIER_KEYS.has(event.key)) continue;
    if (event.type === 'down') {
      if (VOIDING_KEYS.has(event.key)) return null;
      if (open.has(event.code)) continue; // autorepeat
      const char = charOf(event);
      if (char === null) return null;
      open.set(event.code, strokes.length);
      strokes.push({ char, down: event.t, up: Number.NaN });
    } else {
      const index = open.get(event.code);
      // An up without a down started before recording (e.g. the key that focused the box).
      if (index === undefined) continue;
      strokes[index].up = event.t;
      open.delete(event.code);
    }
  }
  if (open.size > 0) return null;
  return strokes;
}

/**
 * The typed keystrokes that make up `text` (a `\n` in `text` is the Enter key). A trailing Enter
 * that submitted the text box is dropped when `text` does not end with one. Null when the
 * keystrokes do not spell `text` exactly.
 */
function strokesForText(strokes: Keystroke[], text: string): Keystroke[] | null {
  const chars = [...text];
  let used = strokes;
  if (used.length === chars.length + 1 && used[used.length - 1].char === '\n') {
    used = used.slice(0, -1);
  }
  if (used.length !== chars.length) return null;
  for (let i = 0; i < chars.length; i++) {
    if (used[i].char !== chars[i]) return null;
  }
  return used;
}

/** Number of features for a sentence of `length` characters: holds + down-down + up-down. */
export function featureCount(length: number): number {
  return length === 0 ? 0 : 3 * length - 2;
}

/**
 * The timing features of one attempt at `text`, in milliseconds, in the CMU column order:
 * `H.c0, DD.c0.c1, UD.c0.c1, H.c1, …, H.cn` (hold time of each key; key-down to next key-down;
 * key-up to next key-down, negative under rollover).
 *
 * `text` may end with `\n` when the Enter key is part of the sentence (the CMU password is
 * `.xat17padn` + Return); the text box value (`sample.text`) then lacks it.
 *
 * Returns null when the attempt is unusable: the typed text is not `text`, a Backspace or other
 * correction was used, a key never came up, or the key presses do not spell the text.
 */
export function extractFeatures(sample: TypingSample, text: string): number[] | null {
  if (text.length === 0) return null;
  if (sample.text !== text && sample.text + '\n' !== text) return null;
  const strokes = pairKeystrokes(sample.events);
  if (!strokes) return null;
  const used = strokesForText(strokes, text);
  if (!used) return null;
  const features: number[] = [];
  for (let i = 0; i < used.length; i++) {
    const k = used[i];
    features.push(k.up - k.down);
    if (i + 1 < used.length) {
      const next = used[i + 1];
      features.push(next.down - k.down, next.down - k.up);
    }
  }
  return features;
}
