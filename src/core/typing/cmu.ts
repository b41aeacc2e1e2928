import type { KeystrokeEvent, TypingSample } from './types.js';

/**
 * Datasets in the CMU keystroke layout (Killourhy & Maxion 2009; also IIITBh-keystrokes):
 * one row per typed repetition with columns `subject, sessionIndex, rep`, then for each key
 * `H.<key>` (hold), `DD.<key>.<next>` (down to next down), `UD.<key>.<next>` (up to next down),
 * all in seconds. This module turns a row into the key-down/key-up timeline the
 * `<pep-typing-pattern>` recorder captures, so the benchmark and the tests feed the matcher
 * exactly what a browser would.
 */

export interface CmuRow {
  subject: string;
  sessionIndex: number;
  rep: number;
  /** Timing values in seconds, in column order (H, DD, UD, H, …, H). */
  values: number[];
}

export interface CmuDataset {
  /** Key names from the header, e.g. `['period', 'x', …, 'Return']`. */
  keys: string[];
  /** The sentence typed, with `\n` for Return (e.g. `.xat17padn\n`). */
  text: string;
  rows: CmuRow[];
}

/** Key name in the CMU header → the character it types and its `KeyboardEvent.code`. */
const NAMED_KEYS: Record<string, { key: string; char: string; code: string }> = {
  period: { key: '.', char: '.', code: 'Period' },
  Return: { key: 'Enter', char: '\n', code: 'Enter' },
  Enter: { key: 'Enter', char: '\n', code: 'Enter' },
  comma: { key: ',', char: ',', code: 'Comma' },
  space: { key: ' ', char: ' ', code: 'Space' },
  minus: { key: '-', char: '-', code: 'Minus' },
  slash: { key: '/', char: '/', code: 'Slash' },
};

/** The `key`, typed character and `code` of a CMU key name (`period`, `x`, `7`, `Shift.r`, …). */
function cmuKey(name: string): { key: string; char: string; code: string } {
  const named = NAMED_KEYS[name];
  if (named) return named;
  if (name.startsWith('Shift.') && name.length === 7) {
    const base = cmuKey(name.slice(6));
    const upper = base.key.toUpperCase();
    return { key: upper, char: upper, code: base.code };
  }
  if (/^[a-z]$/.test(name)) return { key: name, char: name, code: `Key${name.toUpperCase()}` };
  if (/^[0-9]$/.test(name)) return { key: name, char: name, code: `Digit${name}` };
  throw new Error(`Unknown CMU key name: ${name}`);
}

/** Parses a CSV in the CMU layout. Throws on a malformed header or row. */
export function parseCmuCsv(csv: string): CmuDataset {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new Error('CSV has no rows');
  const header = lines[0].split(',').map((h) => h.trim());
  if (header[0] !== 'subject' || header[1] !== 'sessionIndex' || header[2] !== 'rep') {
    throw new Error('CSV header must start with subject,sessionIndex,rep');
  }
  const timing = header.slice(3);
  if (timing.length % 3 !== 1) throw new Error('CSV timing columns must be H, DD, UD, …, H');
  const keys: string[] = [];
  for (let i = 0; i < timing.length; i += 3) {
    const h = /^H\.(.+)$/.exec(timing[i]);
    if (!h) throw new Error(`Expected an H. column, got ${timing[i]}`);
    keys.push(h[1]);
    if (i + 1 < timing.length) {
      const dd = /^DD\.(.+)$/.exec(timing[i + 1]);
      const ud = /^UD\.(.+)$/.exec(timing[i + 2]);
      if (!dd || !ud) throw new Error(`Expected DD. and UD. columns after ${timing[i]}`);
    }
  }
  const text = keys.map((k) => cmuKey(k).char).join('');
  const rows = lines.slice(1).map((line, index) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length)
      throw new Error(`Row ${index + 1} has ${cells.length} cells`);
    const values = cells.slice(3).map(Number);
    if (values.some((v) => !Number.isFinite(v)))
      throw new Error(`Row ${index + 1} has a non-number`);
    return { subject: cells[0], sessionIndex: Number(cells[1]), rep: Number(cells[2]), values };
  });
  return { keys, text, rows };
}

/**
 * The recorder timeline of one row: key `i` goes down at `start + ΣDD` and up `H` later, events
 * sorted by time (rollover — a negative UD — puts the next key-down before the previous key-up).
 * Times are milliseconds, like `event.timeStamp`. `UD` is redundant (`DD − H`) and not used.
 */
export function cmuTimeline(
  keys: readonly string[],
  values: readonly number[],
  start = 1000,
): KeystrokeEvent[] {
  const events: KeystrokeEvent[] = [];
  let down = start;
  for (let i = 0; i < keys.length; i++) {
    const { key, code } = cmuKey(keys[i]);
    const hold = values[3 * i] * 1000;
    events.push({ type: 'down', key, code, t: down });
    events.push({ type: 'up', key, code, t: down + hold });
    if (i + 1 < keys.length) down += values[3 * i + 1] * 1000;
  }
  // Stable sort: at equal times the earlier-listed event stays first.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i)
    .map(({ e }) => e);
}

/** A row as a typed attempt: the text box holds the sentence without the final Return. */
export function cmuSample(dataset: Pick<CmuDataset, 'keys' | 'text'>, row: CmuRow): TypingSample {
  return { text: dataset.text.replace(/\n$/, ''), events: cmuTimeline(dataset.keys, row.values) };
}
