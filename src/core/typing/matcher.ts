import { extractFeatures, featureCount } from './features.js';
import type { Language } from '../language.js';
import type { TypingDecision, TypingMatcher, TypingSample, TypingTemplate } from './types.js';

export { extractFeatures } from './features.js';

/** The sentence delegates type three times (enrollment and verification). */
export const DEFAULT_SAMPLE_TEXT = 'Helping families find the right health plan today.';

/**
 * The Spanish sentence, for a delegate who enrolls in Spanish: the same meaning, about the same
 * length (54 characters against 51) and key variety (a Shift, the home row, both hands).
 *
 * It has no accented vowel and no `ñ` on purpose: on most keyboards these are typed with a dead
 * key (`´` then the vowel; `~` then `n` on US-International, Option+n on a Mac), which arrives
 * as a `Dead` (or composition) keystroke that voids the attempt (features.ts). A sentence that
 * any layout types with one key per character is fair to every Spanish speaker's keyboard.
 */
export const SPANISH_SAMPLE_TEXT = 'Hoy ayudamos a las familias a elegir su plan de salud.';

/** The sentence of each language (enrollment picks one; verification asks for the enrolled). */
export const SAMPLE_TEXTS: Readonly<Record<Language, string>> = {
  en: DEFAULT_SAMPLE_TEXT,
  es: SPANISH_SAMPLE_TEXT,
};

const MATCHER_ID = 'pep-keystroke-v1';
/**
 * Version of the template data: 2 = per-key summary statistics ({@link KeystrokeTemplateData}).
 * Version 1 (the feature vectors of the latest samples, {@link LegacyKeystrokeTemplateData}) is
 * still read, and is replaced by version 2 on its next accepted verification.
 */
export const MATCHER_VERSION = 2;
/** The version whose data was the raw feature vectors of the latest samples. */
const LEGACY_MATCHER_VERSION = 1;

/**
 * Accept when the attempt's score is at most this. Chosen on the IIITBh-Big benchmark
 * (bench/typing, enroll 3 / verify 3 with adaptation): the point where the false-accept and
 * false-reject rates are about equal across all subjects (FAR ≈ 0.09, FRR ≈ 0.10). It was 1.0
 * while templates kept the latest 30 samples; the summary's exponential forgetting keeps the
 * slow enrollment samples a little longer, which made 1.0 more lenient (FAR 0.12).
 */
export const DEFAULT_THRESHOLD = 0.96;
/**
 * Effective number of samples a template remembers when adapting: once it summarises this
 * many, every new sample weighs 1/window and older ones fade exponentially.
 */
export const DEFAULT_WINDOW = 30;
/**
 * Fewest enrollment samples: per key a template keeps a mean and a sum of squares, from which
 * two samples could be recovered exactly; three cannot be.
 */
export const MIN_ENROLL_SAMPLES = 3;
/** Shortest sentence (characters) that yields a usable template. */
const MIN_TEXT_LENGTH = 4;
/** Longest sentence (characters) a template may be enrolled on (bounds a template's size). */
const MAX_TEXT_LENGTH = 500;

/*
 * Model constants (global, not per-feature, so they carry over to any sentence). Times are
 * compared as logarithms, where typing jitter is roughly proportional to the interval, so one
 * population-typical spread per kind of feature serves every key.
 */
/** Typical within-typist spread of log hold time (~15 %). */
const HOLD_PRIOR_SD = 0.15;
/** Typical within-typist spread of log key-down to key-down time (~30 %). */
const FLIGHT_PRIOR_SD = 0.3;
/** Weight of the prior spread, in samples, when shrinking the template's own spread. */
const PRIOR_WEIGHT = 2;
/**
 * Practice makes typists faster on a sentence they first typed at enrollment: a flight that is
 * faster than the template costs this fraction of one that is slower.
 */
const FASTER_WEIGHT = 0.3;
/** Largest deviation (in spreads) one feature may contribute: a single pause is not decisive. */
const CLIP = 3;
/** Times below this (ms) are treated as this before taking logarithms. */
const FLOOR_MS = 10;
/** Times above this (ms, one hour) are treated as this before taking logarithms. */
const CEILING_MS = 3_600_000;
const LOG_MIN = Math.log(FLOOR_MS);
const LOG_MAX = Math.log(CEILING_MS);
/** Largest sample count a stored summary may claim (a template enrolled on many samples). */
const MAX_COUNT = 100_000;
/** Most feature vectors a version-1 template may hold to be read. */
const MAX_LEGACY_SAMPLES = 1_000;
/** Stored statistics are rounded to this many decimals (log units: 0.01 % of a time). */
const DECIMALS = 4;

export interface TypingMatcherOptions {
  /** Accept when the score is at most this (default {@link DEFAULT_THRESHOLD}). */
  threshold?: number;
  /** Fold accepted attempts into the template (default true). */
  adapt?: boolean;
  /**
   * Effective number of samples the template remembers (default {@link DEFAULT_WINDOW}, at least
   * {@link MIN_ENROLL_SAMPLES}).
   */
  window?: number;
}

/**
 * `TypingTemplate.data` of this matcher (version 2): per key, the running statistics of the log
 * times the matcher scores against — no attempt's timings. `n` is the (effective) number of
 * samples summarised; `*Mean` the mean log time (ms) of each key's hold and of each key-down to
 * next key-down; `*M2` the sum of squared deviations from that mean (Welford). Holds have one
 * entry per character of the sentence, flights one fewer.
 */
export interface KeystrokeTemplateData {
  n: number;
  holdMean: number[];
  holdM2: number[];
  flightMean: number[];
  flightM2: number[];
}

/** `TypingTemplate.data` of version 1: the feature vectors (ms) of the latest samples. */
interface LegacyKeystrokeTemplateData {
  samples: number[][];
}

const DATA_KEYS = ['flightM2', 'flightMean', 'holdM2', 'holdMean', 'n'];

interface Model {
  holdMean: number[];
  holdSd: number[];
  flightMean: number[];
  flightSd: number[];
}

const log = (ms: number): number => Math.log(Math.min(Math.max(ms, FLOOR_MS), CEILING_MS));

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Log hold times and log down-down times of a feature vector (`H, DD, UD, H, …`). */
function split(features: readonly number[]): { holds: number[]; flights: number[] } {
  const holds: number[] = [];
  const flights: number[] = [];
  for (let j = 0; j < features.length; j++) {
    if (j % 3 === 0) holds.push(log(features[j]));
    else if (j % 3 === 1) flights.push(log(features[j]));
  }
  return { holds, flights };
}

/** Running mean and sum of squared deviations of each feature over `n` (effective) samples. */
interface Running {
  n: number;
  mean: number[];
  m2: number[];
}

/**
 * Adds one sample (Welford). Once the summary holds `window` samples, the old ones are first
 * scaled down to `window − 1` (weight (window − 1)/window each time), so the count stays at the
 * window and an old sample's weight decays exponentially: the effective window is `window`.
 */
function fold(stats: Running, values: readonly number[], window: number): Running {
  const keep = stats.n >= window ? Math.max(window - 1, 0) / stats.n : 1;
  const prior = stats.n * keep;
  const n = prior + 1;
  const meanOut: number[] = [];
  const m2Out: number[] = [];
  for (let j = 0; j < values.length; j++) {
    const delta = values[j] - stats.mean[j];
    meanOut.push(stats.mean[j] + delta / n);
    m2Out.push(stats.m2[j] * keep + (prior * delta * delta) / n);
  }
  return { n, mean: meanOut, m2: m2Out };
}

/** Exact statistics of `rows` (all of them, equal weight). */
function running(rows: readonly number[][]): Running {
  let stats: Running = {
    n: 0,
    mean: rows[0].map(() => 0),
    m2: rows[0].map(() => 0),
  };
  for (const row of rows) stats = fold(stats, row, Number.POSITIVE_INFINITY);
  return stats;
}

interface Summary {
  hold: Running;
  flight: Running;
}

function summarize(rows: readonly number[][]): Summary {
  const parts = rows.map(split);
  return {
    hold: running(parts.map((p) => p.holds)),
    flight: running(parts.map((p) => p.flights)),
  };
}

function foldSample(summary: Summary, features: readonly number[], window: number): Summary {
  const { holds, flights } = split(features);
  return { hold: fold(summary.hold, holds, window), flight: fold(summary.flight, flights, window) };
}

/** Per-feature spread: the summary's own, shrunk toward the population-typical `prior`. */
function spreads(stats: Running, prior: number): number[] {
  return stats.m2.map((m2) =>
    Math.sqrt((PRIOR_WEIGHT * prior * prior + m2) / (PRIOR_WEIGHT + stats.n - 1)),
  );
}

function buildModel(summary: Summary): Model {
  return {
    holdMean: summary.hold.mean,
    holdSd: spreads(summary.hold, HOLD_PRIOR_SD),
    flightMean: summary.flight.mean,
    flightSd: spreads(summary.flight, FLIGHT_PRIOR_SD),
  };
}

/** Distance of one attempt to the model: mean clipped deviation of holds and of flights. */
function attemptScore(model: Model, features: readonly number[]): number {
  const { holds, flights } = split(features);
  const hold = mean(
    holds.map((v, j) => Math.min(Math.abs(v - model.holdMean[j]) / model.holdSd[j], CLIP)),
  );
  if (flights.length === 0) return hold;
  const flight = mean(
    flights.map((v, j) => {
      const z = (v - model.flightMean[j]) / model.flightSd[j];
      return Math.min(z < 0 ? -z * FASTER_WEIGHT : z, CLIP);
    }),
  );
  return (hold + flight) / 2;
}

const roundTo = (x: number): number => {
  const r = Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
  return r === 0 ? 0 : r; // no -0 in JSON round trips
};

/** The stored form: counts, means and sums of squares rounded so templates stay small. */
function toData(summary: Summary): KeystrokeTemplateData {
  return {
    n: summary.hold.n,
    holdMean: summary.hold.mean.map(roundTo),
    holdM2: summary.hold.m2.map(roundTo),
    flightMean: summary.flight.mean.map(roundTo),
    flightM2: summary.flight.m2.map(roundTo),
  };
}

function fromData(data: KeystrokeTemplateData): Summary {
  return {
    hold: { n: data.n, mean: data.holdMean, m2: data.holdM2 },
    flight: { n: data.n, mean: data.flightMean, m2: data.flightM2 },
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

function isNumberArray(
  value: unknown,
  length: number,
  valid: (x: number) => boolean,
): value is number[] {
  if (!Array.isArray(value) || value.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || !valid(x)) return false;
  }
  return true;
}

/**
 * Whether `data` is version-2 template data for a sentence of `chars` characters: exactly the
 * five own properties, arrays of the sentence's length, means within the log-time range, sums of
 * squares non-negative and no larger than `n` samples spread over that whole range.
 */
export function isTemplateData(data: unknown, chars: number): data is KeystrokeTemplateData {
  if (!isPlainObject(data)) return false;
  const keys = Object.keys(data).sort();
  if (keys.length !== DATA_KEYS.length || keys.some((k, i) => k !== DATA_KEYS[i])) return false;
  const n = data['n'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_COUNT) return false;
  const inRange = (x: number) => x >= LOG_MIN && x <= LOG_MAX;
  const m2Max = n * (LOG_MAX - LOG_MIN) ** 2;
  const m2Ok = (x: number) => x >= 0 && x <= m2Max;
  return (
    isNumberArray(data['holdMean'], chars, inRange) &&
    isNumberArray(data['holdM2'], chars, m2Ok) &&
    isNumberArray(data['flightMean'], chars - 1, inRange) &&
    isNumberArray(data['flightM2'], chars - 1, m2Ok)
  );
}

/** Whether `data` is version-1 template data: 1 to 1000 feature vectors of the right length. */
function isLegacyData(data: unknown, length: number): data is LegacyKeystrokeTemplateData {
  if (!isPlainObject(data)) return false;
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== 'samples') return false;
  const samples = data['samples'];
  return (
    Array.isArray(samples) &&
    samples.length > 0 &&
    samples.length <= MAX_LEGACY_SAMPLES &&
    samples.every((s) => isNumberArray(s, length, () => true))
  );
}

/** The sentence and summary of a template this matcher made (either version), else null. */
function readTemplate(
  template: unknown,
): { text: string; summary: Summary; legacy: boolean } | null {
  if (!isPlainObject(template)) return null;
  const { matcher, version, text, data } = template;
  if (matcher !== MATCHER_ID || typeof text !== 'string') return null;
  const chars = [...text].length;
  if (chars < MIN_TEXT_LENGTH || chars > MAX_TEXT_LENGTH) return null;
  if (version === MATCHER_VERSION) {
    return isTemplateData(data, chars) ? { text, summary: fromData(data), legacy: false } : null;
  }
  if (version === LEGACY_MATCHER_VERSION) {
    if (!isLegacyData(data, featureCount(chars))) return null;
    // The version-1 vectors were the latest samples, all of equal weight: their exact summary.
    return { text, summary: summarize(data.samples), legacy: true };
  }
  return null;
}

function template(text: string, summary: Summary): TypingTemplate {
  return { matcher: MATCHER_ID, version: MATCHER_VERSION, text, data: toData(summary) };
}

/**
 * The version-2 form of a template this matcher made: a version-1 template (raw feature vectors)
 * becomes its summary, a version-2 one is returned as it is. Null when the template is not this
 * matcher's or is malformed. Lets a backend rewrite old stored templates without waiting for
 * their next accepted verification.
 */
export function upgradeTypingTemplate(stored: TypingTemplate): TypingTemplate | null {
  const read = readTemplate(stored);
  if (!read) return null;
  return read.legacy ? template(read.text, read.summary) : stored;
}

function featuresOf(samples: readonly TypingSample[], text: string): number[][] | null {
  const out: number[][] = [];
  for (const sample of samples) {
    if (typeof sample !== 'object' || sample === null || !Array.isArray(sample.events)) {
      return null;
    }
    if (!sample.events.every((e) => typeof e === 'object' && e !== null)) return null;
    const f = extractFeatures(sample, text);
    if (!f) return null;
    out.push(f);
  }
  return out;
}

/**
 * Creates a keyboard typing-pattern matcher: log-time hold and flight distances to the
 * template, scaled by per-key spreads shrunk toward population-typical spreads (three samples
 * cannot estimate a spread), clipped per feature, lenient to a typist getting faster, averaged
 * over the attempts, with the template's statistics updated from accepted attempts (effective
 * window `window` samples). The template stores only those per-key statistics, never an
 * attempt's timings.
 *
 * `text` may end with `\n` when the Enter key belongs to the sentence (see `extractFeatures`).
 */
export function createTypingMatcher(options: TypingMatcherOptions = {}): TypingMatcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const adapt = options.adapt ?? true;
  // At least the enrollment's 3 samples: a window of 1 would store the latest sample itself.
  const window = Math.max(MIN_ENROLL_SAMPLES, Math.floor(options.window ?? DEFAULT_WINDOW));
  return {
    id: MATCHER_ID,
    enroll(samples: readonly TypingSample[], text: string): TypingTemplate | null {
      if (
        !Array.isArray(samples) ||
        samples.length < MIN_ENROLL_SAMPLES ||
        samples.length > MAX_COUNT
      ) {
        return null;
      }
      const chars = [...text].length;
      if (chars < MIN_TEXT_LENGTH || chars > MAX_TEXT_LENGTH) return null;
      const features = featuresOf(samples, text);
      if (!features) return null;
      return template(text, summarize(features));
    },
    verify(stored: TypingTemplate, samples: readonly TypingSample[]): TypingDecision | null {
      if (!Array.isArray(samples) || samples.length === 0) return null;
      const read = readTemplate(stored);
      if (!read) return null;
      const features = featuresOf(samples, read.text);
      if (!features) return null;
      const model = buildModel(read.summary);
      const score = mean(features.map((f) => attemptScore(model, f)));
      const accepted = score <= threshold;
      let next = stored;
      if (accepted && (adapt || read.legacy)) {
        let summary = read.summary;
        if (adapt) for (const f of features) summary = foldSample(summary, f, window);
        next = template(read.text, summary);
      }
      return { accepted, score, threshold, template: next };
    },
  };
}

/** The matcher the in-memory adapter uses, with the benchmark's shipped threshold. */
export const defaultTypingMatcher: TypingMatcher = createTypingMatcher();
