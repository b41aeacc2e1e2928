import type { Language } from '../language.js';

/** One key-down or key-up recorded by `<pep-typing-pattern>`. `t` is `event.timeStamp` (ms). */
export interface KeystrokeEvent {
  type: 'down' | 'up';
  /** `KeyboardEvent.key`, e.g. `"a"`, `"A"`, `"Shift"`, `" "`. */
  key: string;
  /** `KeyboardEvent.code`, e.g. `"KeyA"`, `"ShiftLeft"`. */
  code: string;
  t: number;
}

/** One typed attempt of the sample sentence. */
export interface TypingSample {
  text: string;
  events: KeystrokeEvent[];
}

/**
 * A serialisable (JSON) enrolled typing template. Backends store it per account; its shape is
 * owned by the matcher that produced it (`matcher` + `version` let a backend detect old ones).
 */
export interface TypingTemplate {
  matcher: string;
  version: number;
  /** The sentence the template was enrolled on. */
  text: string;
  /**
   * The language of `text` (the engine records it; the matcher ignores it). Absent: English
   * (templates enrolled before there was a Spanish sentence).
   */
  lang?: Language;
  /**
   * Matcher-specific data; plain JSON. The reference matcher keeps per-key summary statistics
   * (version 2), never an attempt's key timings. Backends store it sealed: even a summary lets
   * whoever reads it type (or synthesise) an attempt close to the typist's rhythm.
   */
  data: unknown;
}

export interface TypingDecision {
  accepted: boolean;
  /** Lower is closer to the template. Comparable to `threshold`. */
  score: number;
  threshold: number;
  /** The template to store after an accepted attempt (adapted), else the unchanged one. */
  template: TypingTemplate;
}

/** What a backend needs to enroll and verify keyboard typing patterns. */
export interface TypingMatcher {
  readonly id: string;
  /**
   * Build a template from the enrollment samples (3 in the product). Returns null when the
   * samples are unusable (too few samples, wrong text, too few keystrokes).
   */
  enroll(samples: readonly TypingSample[], text: string): TypingTemplate | null;
  /**
   * Decide whether `samples` (3 in the product) were typed by the enrolled typist. Returns null
   * when the samples are unusable (wrong text, too few keystrokes) — not a mismatch.
   */
  verify(template: TypingTemplate, samples: readonly TypingSample[]): TypingDecision | null;
}
