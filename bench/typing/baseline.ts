import type { TypingSample } from '../../src/adapter/types.js';
import { extractFeatures } from '../../src/core/typing/features.js';
import type { TypingMatcher, TypingTemplate } from '../../src/core/typing/types.js';

/**
 * The anchor detector of Killourhy & Maxion (DSN 2009), "Manhattan (scaled)": per feature the
 * training mean and mean absolute deviation; score = Σ |xᵢ − meanᵢ| / madᵢ over all features
 * (holds, down-down and up-down times) of an attempt. Several attempts: their scores are
 * averaged. No floor, no adaptation. Used only by the benchmark.
 */
export function createManhattanBaseline(threshold = Number.POSITIVE_INFINITY): TypingMatcher {
  const id = 'manhattan-scaled';
  const featuresOf = (samples: readonly TypingSample[], text: string): number[][] | null => {
    const out: number[][] = [];
    for (const s of samples) {
      const f = extractFeatures(s, text);
      if (!f) return null;
      out.push(f);
    }
    return out;
  };
  return {
    id,
    enroll(samples, text): TypingTemplate | null {
      const train = featuresOf(samples, text);
      if (!train || train.length === 0) return null;
      const means = train[0].map((_, j) => train.reduce((s, r) => s + r[j], 0) / train.length);
      // A deviation of exactly zero (identical samples) would divide by zero: use the smallest
      // positive double, which keeps the detector's behaviour on real data unchanged.
      const mads = means.map(
        (m, j) =>
          train.reduce((s, r) => s + Math.abs(r[j] - m), 0) / train.length || Number.MIN_VALUE,
      );
      return { matcher: id, version: 1, text, data: { means, mads } };
    },
    verify(template, samples) {
      const { means, mads } = template.data as { means: number[]; mads: number[] };
      const attempts = featuresOf(samples, template.text);
      if (!attempts || attempts.length === 0) return null;
      const scores = attempts.map((x) =>
        x.reduce((s, v, j) => s + Math.abs(v - means[j]) / mads[j], 0),
      );
      const score = scores.reduce((a, b) => a + b, 0) / scores.length;
      return { accepted: score <= threshold, score, threshold, template };
    },
  };
}
