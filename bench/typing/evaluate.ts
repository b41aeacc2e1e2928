import type { TypingSample } from '../../src/adapter/types.js';
import { cmuSample, type CmuDataset } from '../../src/core/typing/cmu.js';
import type { TypingMatcher, TypingTemplate } from '../../src/core/typing/types.js';

/** Genuine and impostor scores of one subject (lower = more like the subject). */
interface SubjectScores {
  subject: string;
  genuine: number[];
  impostor: number[];
}

export interface RunResult {
  subjects: SubjectScores[];
  verifications: number;
  msPerVerification: number;
}

/**
 * Equal-error rate of one subject: over every candidate threshold (each observed score, accept
 * when score ≤ threshold), the point where FAR and FRR are closest; their mean.
 */
export function equalErrorRate(genuine: readonly number[], impostor: readonly number[]): number {
  const g = [...genuine].sort((a, b) => a - b);
  const im = [...impostor].sort((a, b) => a - b);
  const thresholds = [...new Set([...g, ...im])].sort((a, b) => a - b);
  let best = 1;
  let bestGap = Number.POSITIVE_INFINITY;
  let gi = 0;
  let ii = 0;
  for (const t of thresholds) {
    while (gi < g.length && g[gi] <= t) gi++;
    while (ii < im.length && im[ii] <= t) ii++;
    const far = ii / im.length;
    const frr = (g.length - gi) / g.length;
    const gap = Math.abs(far - frr);
    if (gap < bestGap) {
      bestGap = gap;
      best = (far + frr) / 2;
    }
  }
  return best;
}

function rates(s: SubjectScores, threshold: number): { far: number; frr: number } {
  return {
    far: s.impostor.filter((x) => x <= threshold).length / s.impostor.length,
    frr: s.genuine.filter((x) => x > threshold).length / s.genuine.length,
  };
}

/** Mean over subjects of FAR and FRR at one global threshold. */
function meanRates(subjects: readonly SubjectScores[], threshold: number) {
  const r = subjects.map((s) => rates(s, threshold));
  return {
    far: r.reduce((a, x) => a + x.far, 0) / r.length,
    frr: r.reduce((a, x) => a + x.frr, 0) / r.length,
  };
}

/** The one global threshold at which mean FAR and mean FRR are closest (for the baseline). */
function equalErrorThreshold(subjects: readonly SubjectScores[]): number {
  const all = [...new Set(subjects.flatMap((s) => [...s.genuine, ...s.impostor]))].sort(
    (a, b) => a - b,
  );
  let lo = 0;
  let hi = all.length - 1;
  // Mean FAR rises and mean FRR falls with the threshold: bisect on their difference.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const { far, frr } = meanRates(subjects, all[mid]);
    if (far < frr) lo = mid;
    else hi = mid;
  }
  const gap = (i: number) => {
    const { far, frr } = meanRates(subjects, all[i]);
    return Math.abs(far - frr);
  };
  return gap(lo) <= gap(hi) ? all[lo] : all[hi];
}

/** Repetitions of each subject in time order (session, then repetition). */
export function bySubject(dataset: CmuDataset): Map<string, TypingSample[]> {
  const out = new Map<string, { key: number[]; sample: TypingSample }[]>();
  for (const row of dataset.rows) {
    const list = out.get(row.subject) ?? [];
    list.push({ key: [row.sessionIndex, row.rep], sample: cmuSample(dataset, row) });
    out.set(row.subject, list);
  }
  const sorted = new Map<string, TypingSample[]>();
  for (const [subject, list] of out) {
    list.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
    sorted.set(
      subject,
      list.map((x) => x.sample),
    );
  }
  return sorted;
}

function triples(samples: readonly TypingSample[]): TypingSample[][] {
  const out: TypingSample[][] = [];
  for (let i = 0; i + 3 <= samples.length; i += 3) out.push(samples.slice(i, i + 3));
  return out;
}

class Timer {
  ms = 0;
  count = 0;
  verify(matcher: TypingMatcher, template: TypingTemplate, samples: readonly TypingSample[]) {
    const start = performance.now();
    const decision = matcher.verify(template, samples);
    this.ms += performance.now() - start;
    this.count++;
    if (!decision) throw new Error('benchmark sample unusable');
    return decision;
  }
  result(subjects: SubjectScores[]): RunResult {
    return { subjects, verifications: this.count, msPerVerification: this.ms / this.count };
  }
}

/**
 * The product protocol: enroll with the first 3 repetitions; genuine attempts are consecutive
 * triples from the second half, verified in time order; impostor attempts are the triples of
 * each other subject's first 15 repetitions. A matcher that adapts its template (an accepted
 * attempt returns a new template) is evaluated sequentially: every impostor triple is scored
 * against the template as it stands before each genuine attempt, and only accepted genuine
 * attempts update it — as in production.
 */
export function runProduct(
  matcher: TypingMatcher,
  data: Map<string, TypingSample[]>,
  text: string,
) {
  const timer = new Timer();
  const subjects: SubjectScores[] = [];
  for (const [subject, reps] of data) {
    let template = matcher.enroll(reps.slice(0, 3), text);
    if (!template) throw new Error(`enrollment failed for ${subject}`);
    const impostors = [...data]
      .filter(([other]) => other !== subject)
      .flatMap(([, r]) => triples(r.slice(0, 15)));
    const genuine: number[] = [];
    const impostor: number[] = [];
    let scored: TypingTemplate | null = null;
    let last: number[] = [];
    for (const attempt of triples(reps.slice(Math.floor(reps.length / 2)))) {
      if (template !== scored) {
        const t = template;
        last = impostors.map((imp) => timer.verify(matcher, t, imp).score);
        scored = template;
      }
      impostor.push(...last);
      const decision = timer.verify(matcher, template, attempt);
      genuine.push(decision.score);
      if (decision.accepted) template = decision.template;
    }
    subjects.push({ subject, genuine, impostor });
  }
  return timer.result(subjects);
}

/**
 * Killourhy & Maxion (2009): train on the first half of a subject's repetitions; genuine = the
 * rest; impostors = the first 5 repetitions of every other subject; single samples, no
 * adaptation.
 */
export function runPaper(matcher: TypingMatcher, data: Map<string, TypingSample[]>, text: string) {
  const timer = new Timer();
  const subjects: SubjectScores[] = [];
  for (const [subject, reps] of data) {
    const half = Math.floor(reps.length / 2);
    const template = matcher.enroll(reps.slice(0, half), text);
    if (!template) throw new Error(`enrollment failed for ${subject}`);
    const genuine = reps.slice(half).map((s) => timer.verify(matcher, template, [s]).score);
    const impostor = [...data]
      .filter(([other]) => other !== subject)
      .flatMap(([, r]) => r.slice(0, 5))
      .map((s) => timer.verify(matcher, template, [s]).score);
    subjects.push({ subject, genuine, impostor });
  }
  return timer.result(subjects);
}

export interface Summary {
  eer: number;
  sd: number;
  threshold: number;
  thresholdSource: 'shipped' | 'equal-error on this run';
  far: number;
  frr: number;
  msPerVerification: number;
  perSubjectEer: Record<string, number>;
}

/** Mean and (population) standard deviation of the per-subject EERs, and rates at a threshold. */
export function summarize(run: RunResult, threshold: number | null): Summary {
  const eers = run.subjects.map((s) => equalErrorRate(s.genuine, s.impostor));
  const eer = eers.reduce((a, b) => a + b, 0) / eers.length;
  const sd = Math.sqrt(eers.reduce((a, b) => a + (b - eer) ** 2, 0) / eers.length);
  const t = threshold ?? equalErrorThreshold(run.subjects);
  const { far, frr } = meanRates(run.subjects, t);
  return {
    eer,
    sd,
    threshold: t,
    thresholdSource: threshold === null ? 'equal-error on this run' : 'shipped',
    far,
    frr,
    msPerVerification: run.msPerVerification,
    perSubjectEer: Object.fromEntries(run.subjects.map((s, i) => [s.subject, eers[i]])),
  };
}
