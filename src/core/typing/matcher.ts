import type { TypingSample } from '../../adapter/types.js';
import { extractFeatures, featureCount } from './features.js';
import type { TypingDecision, TypingMatcher, TypingTemplate } from './types.js';

export { extractFeatures } from './features.js';

/** The sentence delegates type three times (enrollment and verification). */
export const DEFAULT_SAMPLE_TEXT = 'Helping families find the right health plan today.';

export const MATCHER_ID = 'pep-keystroke-v1';
export const MATCHER_VERSION = 1;

/**
 * Accept when the attempt's score is at most this. Chosen on the IIITBh-Big benchmark
 * (bench/typing, enroll 3 / verify 3 with adaptation): the point where the false-accept and
 * false-reject rates are about equal across all subjects (FAR ≈ 0.09, FRR ≈ 0.10).
 */
export const DEFAULT_THRESHOLD = 1.0;
/** Most recent samples a template keeps (enrollment samples are replaced as it adapts). */
export const DEFAULT_WINDOW = 30;
/** Shortest sentence (characters) that yields a usable template. */
export const MIN_TEXT_LENGTH = 4;

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

export interface TypingMatcherOptions {
  /** Accept when the score is at most this (default {@link DEFAULT_THRESHOLD}). */
  threshold?: number;
  /** Fold accepted attempts into the template (default true). */
  adapt?: boolean;
  /** Most recent samples the template keeps when adapting (default {@link DEFAULT_WINDOW}). */
  window?: number;
}

/** `TypingTemplate.data` of this matcher: the feature vectors (ms) of the latest samples. */
export interface KeystrokeTemplateData {
  samples: number[][];
}

interface Model {
  holdMean: number[];
  holdSd: number[];
  flightMean: number[];
  flightSd: number[];
}

const log = (ms: number): number => Math.log(Math.max(ms, FLOOR_MS));

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

/** Per-feature mean and spread; the spread is shrunk toward the population-typical `prior`. */
function stats(rows: readonly number[][], prior: number): { means: number[]; sds: number[] } {
  const means: number[] = [];
  const sds: number[] = [];
  const n = rows.length;
  for (let j = 0; j < rows[0].length; j++) {
    const m = mean(rows.map((r) => r[j]));
    let ss = 0;
    for (const r of rows) ss += (r[j] - m) ** 2;
    means.push(m);
    sds.push(Math.sqrt((PRIOR_WEIGHT * prior * prior + ss) / (PRIOR_WEIGHT + n - 1)));
  }
  return { means, sds };
}

function buildModel(samples: readonly number[][]): Model {
  const parts = samples.map(split);
  const h = stats(
    parts.map((p) => p.holds),
    HOLD_PRIOR_SD,
  );
  const f = stats(
    parts.map((p) => p.flights),
    FLIGHT_PRIOR_SD,
  );
  return { holdMean: h.means, holdSd: h.sds, flightMean: f.means, flightSd: f.sds };
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

/**
 * Score of attempts against enrolled feature vectors (lower is closer): the mean over the
 * attempts of each attempt's distance. Exported for the benchmark and for backends that keep
 * their own storage.
 */
export function scoreFeatures(
  enrolled: readonly number[][],
  attempts: readonly number[][],
): number {
  const model = buildModel(enrolled);
  return mean(attempts.map((a) => attemptScore(model, a)));
}

function isTemplateData(data: unknown, length: number): data is KeystrokeTemplateData {
  if (typeof data !== 'object' || data === null) return false;
  const samples = (data as { samples?: unknown }).samples;
  return (
    Array.isArray(samples) &&
    samples.length > 0 &&
    samples.every(
      (s) =>
        Array.isArray(s) &&
        s.length === length &&
        s.every((v) => typeof v === 'number' && Number.isFinite(v)),
    )
  );
}

function featuresOf(samples: readonly TypingSample[], text: string): number[][] | null {
  const out: number[][] = [];
  for (const sample of samples) {
    const f = extractFeatures(sample, text);
    if (!f) return null;
    out.push(f);
  }
  return out;
}

/** Rounds to 0.1 ms so stored templates stay small. */
const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Creates a keyboard typing-pattern matcher: log-time hold and flight distances to the
 * template, scaled by per-key spreads shrunk toward population-typical spreads (three samples
 * cannot estimate a spread), clipped per feature, lenient to a typist getting faster, averaged
 * over the attempts, with the template adapted from accepted attempts (latest `window` kept).
 *
 * `text` may end with `\n` when the Enter key belongs to the sentence (see `extractFeatures`).
 */
export function createTypingMatcher(options: TypingMatcherOptions = {}): TypingMatcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const adapt = options.adapt ?? true;
  const window = Math.max(1, Math.floor(options.window ?? DEFAULT_WINDOW));
  return {
    id: MATCHER_ID,
    enroll(samples: readonly TypingSample[], text: string): TypingTemplate | null {
      if (samples.length === 0 || [...text].length < MIN_TEXT_LENGTH) return null;
      const features = featuresOf(samples, text);
      if (!features) return null;
      const data: KeystrokeTemplateData = { samples: features.map((f) => f.map(round)) };
      return { matcher: MATCHER_ID, version: MATCHER_VERSION, text, data };
    },
    verify(template: TypingTemplate, samples: readonly TypingSample[]): TypingDecision | null {
      if (samples.length === 0) return null;
      if (template.matcher !== MATCHER_ID || template.version !== MATCHER_VERSION) return null;
      const length = featureCount([...template.text].length);
      if (!isTemplateData(template.data, length)) return null;
      const features = featuresOf(samples, template.text);
      if (!features) return null;
      const score = scoreFeatures(template.data.samples, features);
      const accepted = score <= threshold;
      let next = template;
      if (accepted && adapt) {
        const kept = [...template.data.samples, ...features.map((f) => f.map(round))];
        const data: KeystrokeTemplateData = { samples: kept.slice(-window) };
        next = { ...template, data };
      }
      return { accepted, score, threshold, template: next };
    },
  };
}

/** The matcher the in-memory adapter uses, with the benchmark's shipped threshold. */
export const defaultTypingMatcher: TypingMatcher = createTypingMatcher();
