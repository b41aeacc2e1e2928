import { expect } from '@open-wc/testing';
import type { TypingSample } from '../../../src/adapter/types.js';
import {
  createTypingMatcher,
  DEFAULT_SAMPLE_TEXT,
  DEFAULT_THRESHOLD,
  DEFAULT_WINDOW,
  defaultTypingMatcher,
  extractFeatures,
  isTemplateData,
  MATCHER_VERSION,
  MIN_ENROLL_SAMPLES,
  upgradeTypingTemplate,
  type KeystrokeTemplateData,
} from '../../../src/core/typing/matcher.js';
import type { TypingTemplate } from '../../../src/core/typing/types.js';
import { equalErrorRate } from '../../../bench/typing/evaluate.js';
import { attempts, makeTypist, prng, typeText } from './synthetic.js';

const TEXT = DEFAULT_SAMPLE_TEXT;

function enrolled(seed: number): TypingTemplate {
  const template = defaultTypingMatcher.enroll(
    attempts(makeTypist(seed, TEXT), TEXT, prng(seed + 1000)),
    TEXT,
  );
  expect(template).to.not.equal(null);
  return template!;
}

const dataOf = (t: TypingTemplate) => t.data as KeystrokeTemplateData;

describe('core/typing/matcher', () => {
  it('the sample sentence is a natural sentence of 40–60 characters', () => {
    expect(TEXT.length).to.be.within(40, 60);
    expect(TEXT).to.match(/^[A-Z][a-z ]+\.$/);
  });

  it('synthetic typing is usable: Shift capital, rollovers, every character a feature', () => {
    const sample = typeText(makeTypist(1, TEXT), TEXT, prng(2));
    expect(sample.events.some((e) => e.key === 'Shift')).to.equal(true);
    expect(extractFeatures(sample, TEXT)).to.have.length(3 * TEXT.length - 2);
  });

  it('accepts the enrolled typist on later attempts', () => {
    const typist = makeTypist(7, TEXT);
    const template = enrolled(7);
    const random = prng(99);
    for (let i = 0; i < 10; i++) {
      const decision = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random));
      expect(decision, `attempt ${i}`).to.not.equal(null);
      expect(decision!.accepted, `attempt ${i}: score ${decision!.score}`).to.equal(true);
      expect(decision!.threshold).to.equal(DEFAULT_THRESHOLD);
    }
  });

  it('accepts the enrolled typist after practice made them 20% faster', () => {
    const typist = makeTypist(8, TEXT);
    const template = enrolled(8);
    const decision = defaultTypingMatcher.verify(template, attempts(typist, TEXT, prng(5), 3, 0.8));
    expect(decision!.accepted, `score ${decision!.score}`).to.equal(true);
  });

  it('rejects typists with a different rhythm', () => {
    const template = enrolled(7);
    for (let seed = 20; seed < 30; seed++) {
      const other = makeTypist(seed, TEXT);
      const decision = defaultTypingMatcher.verify(template, attempts(other, TEXT, prng(seed)));
      expect(decision!.accepted, `typist ${seed}: score ${decision!.score}`).to.equal(false);
      expect(decision!.template).to.equal(template);
    }
  });

  it('separates genuine from impostor scores across many synthetic typists', () => {
    const genuine: number[] = [];
    const impostor: number[] = [];
    for (let seed = 100; seed < 110; seed++) {
      const template = enrolled(seed);
      const random = prng(seed * 7);
      genuine.push(
        defaultTypingMatcher.verify(template, attempts(makeTypist(seed, TEXT), TEXT, random))!
          .score,
      );
      impostor.push(
        defaultTypingMatcher.verify(template, attempts(makeTypist(seed + 50, TEXT), TEXT, random))!
          .score,
      );
    }
    expect(equalErrorRate(genuine, impostor)).to.equal(0);
    expect(equalErrorRate([1, 2], [1, 2])).to.equal(0.5);
  });

  it('templates are plain JSON and verify the same after a round trip', () => {
    const template = enrolled(3);
    const copy = JSON.parse(JSON.stringify(template)) as TypingTemplate;
    const samples = attempts(makeTypist(3, TEXT), TEXT, prng(4));
    expect(defaultTypingMatcher.verify(copy, samples)!.score).to.equal(
      defaultTypingMatcher.verify(template, samples)!.score,
    );
    expect(copy.text).to.equal(TEXT);
    expect(copy.matcher).to.equal(defaultTypingMatcher.id);
  });

  it('folds accepted attempts into the statistics, counting at most the window', () => {
    const typist = makeTypist(11, TEXT);
    let template = enrolled(11);
    const before = structuredClone(dataOf(template));
    expect(before.n).to.equal(3);
    const random = prng(12);
    const first = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random))!;
    expect(first.accepted).to.equal(true);
    const after = dataOf(first.template);
    expect(after.n).to.equal(6);
    for (const key of ['holdMean', 'holdM2', 'flightMean', 'flightM2'] as const) {
      expect(after[key], key).to.have.length(before[key].length);
      expect(after[key], key).to.not.deep.equal(before[key]);
    }
    expect(dataOf(template)).to.deep.equal(before); // the old template is not mutated
    template = first.template;
    for (let i = 0; i < 12; i++) {
      const d = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random))!;
      expect(d.accepted).to.equal(true);
      template = d.template;
    }
    expect(dataOf(template).n).to.equal(DEFAULT_WINDOW);
    const still = createTypingMatcher({ adapt: false }).verify(
      template,
      attempts(typist, TEXT, random),
    )!;
    expect(still.accepted).to.equal(true);
    expect(still.template).to.equal(template);
    // A window below the enrollment's 3 samples would store the latest sample itself.
    const tiny = createTypingMatcher({ window: 1 }).verify(
      template,
      attempts(typist, TEXT, random),
    )!;
    expect(tiny.accepted).to.equal(true);
    expect(dataOf(tiny.template).n).to.equal(3);
  });

  it('old attempts fade: the statistics follow a typist who got faster', () => {
    const typist = makeTypist(12, TEXT);
    let template = enrolled(12);
    const enrolledFlights = dataOf(template).flightMean;
    const random = prng(13);
    const tempo = 0.85;
    for (let i = 0; i < 40; i++) {
      const d = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random, 3, tempo))!;
      expect(d.accepted, `attempt ${i}: score ${d.score}`).to.equal(true);
      template = d.template;
    }
    const shift = dataOf(template).flightMean.map((m, j) => m - enrolledFlights[j]);
    const meanShift = shift.reduce((a, b) => a + b, 0) / shift.length;
    // 120 samples at tempo 0.85 after 3 at tempo 1: an equal-weight mean would have moved
    // 120/123 of the way; with an effective window of 30 the enrollment weighs (29/30)^93 ≈ 4 %.
    expect(meanShift).to.be.closeTo(Math.log(tempo), 0.03);
    expect(dataOf(template).n).to.equal(DEFAULT_WINDOW);
  });

  it('the stored template holds no attempt’s timings, and its size does not grow', () => {
    const typist = makeTypist(21, TEXT);
    const random = prng(22);
    const typed = attempts(typist, TEXT, random);
    let template = defaultTypingMatcher.enroll(typed, TEXT)!;
    const raw = new Set<number>();
    const addRaw = (samples: readonly TypingSample[]) => {
      for (const sample of samples) {
        for (const ms of extractFeatures(sample, TEXT)!) {
          // The value and its 0.1 ms rounding (how version 1 stored it). Every hold and flight
          // of these typists is over 70 ms; the summary's numbers (counts up to 30, log times,
          // sums of squares of log times) stay far below, so an equal number is a leak, not
          // chance. (Short up-down times could equal a rounded statistic by chance.)
          if (Math.abs(ms) < 50) continue;
          raw.add(ms);
          raw.add(Math.round(ms * 10) / 10);
        }
        for (const event of sample.events) raw.add(event.t);
      }
    };
    /** Every number in the stored (JSON) form of a template. */
    const storedNumbers = (t: TypingTemplate): number[] => {
      const out: number[] = [];
      const walk = (v: unknown): void => {
        if (typeof v === 'number') out.push(v);
        else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
      };
      walk(JSON.parse(JSON.stringify(t)));
      return out;
    };
    const leaked = (t: TypingTemplate) => storedNumbers(t).filter((x) => raw.has(x));
    addRaw(typed);
    // The count, then per key a mean and a sum of squares of the log hold and flight times.
    const perTemplate = 1 + 2 * TEXT.length + 2 * (TEXT.length - 1) + 1; // + the version
    expect(storedNumbers(template)).to.have.length(perTemplate);
    expect(leaked(template)).to.deep.equal([]);
    // Nor their logarithms, key by key (the stored means are of 3 samples, not of one).
    const logs = typed.map((sample) => {
      const f = extractFeatures(sample, TEXT)!;
      return {
        holds: f.filter((_, j) => j % 3 === 0).map((ms) => Math.round(Math.log(ms) * 1e4) / 1e4),
        flights: f.filter((_, j) => j % 3 === 1).map((ms) => Math.round(Math.log(ms) * 1e4) / 1e4),
      };
    });
    dataOf(template).holdMean.forEach((m, j) =>
      expect(
        logs.map((l) => l.holds[j]),
        `hold ${j}`,
      ).to.not.include(m),
    );
    dataOf(template).flightMean.forEach((m, j) =>
      expect(
        logs.map((l) => l.flights[j]),
        `flight ${j}`,
      ).to.not.include(m),
    );
    const sizes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const samples = attempts(typist, TEXT, random);
      addRaw(samples);
      const d = defaultTypingMatcher.verify(template, samples)!;
      expect(d.accepted, `attempt ${i}`).to.equal(true);
      template = d.template;
      expect(leaked(template), `after verification ${i}`).to.deep.equal([]);
      expect(storedNumbers(template)).to.have.length(perTemplate);
      sizes.push(JSON.stringify(template).length);
    }
    // Per key 4 numbers of at most ~8 characters, whatever the number of verifications.
    const bound = JSON.stringify({ ...template, data: {} }).length + 4 * 10 * TEXT.length + 100;
    for (const size of sizes) expect(size).to.be.at.most(bound);
    expect(Math.max(...sizes.slice(10))).to.be.at.most(Math.min(...sizes.slice(10)) * 1.05);
    expect(Object.keys(template.data as object).sort()).to.deep.equal([
      'flightM2',
      'flightMean',
      'holdM2',
      'holdMean',
      'n',
    ]);
  });

  it('a version-1 template (raw samples) still verifies and is returned as version 2', () => {
    const typist = makeTypist(31, TEXT);
    const enrollment = attempts(typist, TEXT, prng(32));
    const v1: TypingTemplate = {
      matcher: defaultTypingMatcher.id,
      version: 1,
      text: TEXT,
      data: {
        samples: enrollment.map((s) =>
          extractFeatures(s, TEXT)!.map((x) => Math.round(x * 10) / 10),
        ),
      },
    };
    const v2 = defaultTypingMatcher.enroll(enrollment, TEXT)!;
    expect(v2.version).to.equal(MATCHER_VERSION);
    expect(MATCHER_VERSION).to.equal(2);
    const genuine = attempts(typist, TEXT, prng(33));
    const fromV1 = defaultTypingMatcher.verify(v1, genuine)!;
    const fromV2 = defaultTypingMatcher.verify(v2, genuine)!;
    expect(fromV1.accepted).to.equal(true);
    expect(fromV1.score).to.be.closeTo(fromV2.score, 1e-3);
    expect(fromV1.template.version).to.equal(MATCHER_VERSION);
    expect(isTemplateData(fromV1.template.data, TEXT.length)).to.equal(true);
    expect(dataOf(fromV1.template).n).to.equal(6);
    expect('samples' in (fromV1.template.data as object)).to.equal(false);
    // Accepted without adaptation: upgraded all the same (the summary of the same samples).
    const kept = createTypingMatcher({ adapt: false }).verify(v1, genuine)!;
    expect(kept.template.version).to.equal(MATCHER_VERSION);
    expect(dataOf(kept.template).n).to.equal(3);
    for (const key of ['holdMean', 'flightMean'] as const) {
      dataOf(kept.template)[key].forEach((m, j) =>
        expect(m).to.be.closeTo(dataOf(v2)[key][j], 1e-3),
      );
    }
    // Rejected: the stored template is left as it was.
    const impostor = defaultTypingMatcher.verify(
      v1,
      attempts(makeTypist(77, TEXT), TEXT, prng(78)),
    )!;
    expect(impostor.accepted).to.equal(false);
    expect(impostor.template).to.equal(v1);
    // A backend can upgrade without a verification.
    const upgraded = upgradeTypingTemplate(v1)!;
    expect(upgraded.version).to.equal(MATCHER_VERSION);
    expect(defaultTypingMatcher.verify(upgraded, genuine)!.score).to.be.closeTo(fromV1.score, 1e-3);
    expect(upgradeTypingTemplate(v2)).to.equal(v2);
    expect(upgradeTypingTemplate({ ...v1, data: { samples: [[1, 2, 3]] } })).to.equal(null);
  });

  it('the host sets the threshold', () => {
    const template = enrolled(7);
    const samples = attempts(makeTypist(7, TEXT), TEXT, prng(8));
    const strict = createTypingMatcher({ threshold: 0.01 }).verify(template, samples)!;
    expect(strict.accepted).to.equal(false);
    expect(strict.threshold).to.equal(0.01);
    expect(strict.template).to.equal(template);
    const lax = createTypingMatcher({ threshold: 100 }).verify(
      template,
      attempts(makeTypist(40, TEXT), TEXT, prng(41)),
    )!;
    expect(lax.accepted).to.equal(true);
  });

  it('unusable samples give null, not a mismatch', () => {
    const typist = makeTypist(7, TEXT);
    const template = enrolled(7);
    const good = attempts(typist, TEXT, prng(1), 2);
    const wrongText: TypingSample = { ...good[0], text: TEXT.replace('plan', 'plane') };
    const corrected: TypingSample = {
      text: TEXT,
      events: [
        ...good[1].events,
        { type: 'down', key: 'Backspace', code: 'Backspace', t: 1e6 },
        { type: 'up', key: 'Backspace', code: 'Backspace', t: 1e6 + 50 },
      ],
    };
    expect(defaultTypingMatcher.verify(template, [...good, wrongText])).to.equal(null);
    expect(defaultTypingMatcher.verify(template, [...good, corrected])).to.equal(null);
    expect(defaultTypingMatcher.verify(template, [])).to.equal(null);
    expect(defaultTypingMatcher.enroll([...good, corrected], TEXT)).to.equal(null);
    expect(defaultTypingMatcher.enroll([], TEXT)).to.equal(null);
    expect(defaultTypingMatcher.enroll(good, 'Hello there.')).to.equal(null);
  });

  it('rejects templates it did not make or that are damaged, without throwing', () => {
    const template = enrolled(7);
    const data = dataOf(template);
    const samples = attempts(makeTypist(7, TEXT), TEXT, prng(2));
    const L = TEXT.length;
    const withData = (patch: Record<string, unknown>) => ({
      ...template,
      data: { ...data, ...patch },
    });
    const damaged: unknown[] = [
      null,
      42,
      'template',
      [],
      { ...template, matcher: 'other' },
      { ...template, version: 0 },
      { ...template, version: 3 },
      { ...template, version: '2' },
      { ...template, text: 42 },
      { ...template, text: 'Hi.' },
      { ...template, text: 'x'.repeat(5000) },
      { ...template, text: TEXT + ' And more.' },
      { ...template, data: null },
      { ...template, data: [] },
      { ...template, data: 'data' },
      { ...template, data: { samples: [[1, 2, 3]] } },
      { ...template, data: { ...data, samples: [] } },
      withData({ n: 0 }),
      withData({ n: -3 }),
      withData({ n: 2.5 }),
      withData({ n: '3' }),
      withData({ n: 1e12 }),
      withData({ n: Number.NaN }),
      withData({ holdMean: data.holdMean.slice(1) }),
      withData({ holdMean: [...data.holdMean, 5] }),
      withData({ flightMean: data.holdMean }),
      withData({ holdM2: [-0.5, ...data.holdM2.slice(1)] }),
      withData({ holdM2: [1e9, ...data.holdM2.slice(1)] }),
      withData({ holdMean: [Number.NaN, ...data.holdMean.slice(1)] }),
      withData({ holdMean: [Number.POSITIVE_INFINITY, ...data.holdMean.slice(1)] }),
      withData({ holdMean: [120, ...data.holdMean.slice(1)] }),
      withData({ holdMean: [0, ...data.holdMean.slice(1)] }),
      withData({ flightMean: ['4.5', ...data.flightMean.slice(1)] }),
      withData({ flightM2: [null, ...data.flightM2.slice(1)] }),
      withData({ flightM2: { length: L - 1 } }),
      withData({ extra: [1] }),
      { ...template, data: { holdMean: data.holdMean, holdM2: data.holdM2, n: data.n } },
      { ...template, data: JSON.parse(`{"__proto__": {"n": 3}, ${JSON.stringify(data).slice(1)}`) },
      {
        ...template,
        data: JSON.parse(JSON.stringify(data).replace('"n":', '"__proto__":{},"n":')),
      },
      { ...template, data: Object.assign(Object.create({ n: 3 }), { ...data, n: undefined }) },
    ];
    for (const [i, t] of damaged.entries()) {
      let decision: unknown = 'threw';
      let upgraded: unknown = 'threw';
      try {
        decision = defaultTypingMatcher.verify(t as TypingTemplate, samples);
        upgraded = upgradeTypingTemplate(t as TypingTemplate);
      } catch {
        // recorded as 'threw'
      }
      expect(decision, `template ${i}`).to.equal(null);
      expect(upgraded, `template ${i}`).to.equal(null);
    }
    // The intact template verifies.
    expect(defaultTypingMatcher.verify(template, samples)).to.not.equal(null);
    expect(isTemplateData(JSON.parse(JSON.stringify(data)), L)).to.equal(true);
  });

  it('samples that are not samples give null, not a throw', () => {
    const template = enrolled(7);
    const good = attempts(makeTypist(7, TEXT), TEXT, prng(2), 2);
    const bad: unknown[] = [
      null,
      'sample',
      { text: TEXT },
      { text: TEXT, events: null },
      { text: TEXT, events: [null] },
    ];
    for (const [i, b] of bad.entries()) {
      const samples = [...good, b] as TypingSample[];
      expect(defaultTypingMatcher.verify(template, samples), `sample ${i}`).to.equal(null);
      expect(defaultTypingMatcher.enroll(samples, TEXT), `sample ${i}`).to.equal(null);
    }
    expect(defaultTypingMatcher.verify(template, null as unknown as TypingSample[])).to.equal(null);
    expect(defaultTypingMatcher.enroll(good, 'x'.repeat(5000))).to.equal(null);
  });

  it('enrollment needs 3 samples: 2 could be recovered from a mean and a spread', () => {
    const typed = attempts(makeTypist(7, TEXT), TEXT, prng(2), 3);
    expect(MIN_ENROLL_SAMPLES).to.equal(3);
    expect(defaultTypingMatcher.enroll(typed.slice(0, 1), TEXT)).to.equal(null);
    expect(defaultTypingMatcher.enroll(typed.slice(0, 2), TEXT)).to.equal(null);
    expect(dataOf(defaultTypingMatcher.enroll(typed, TEXT)!).n).to.equal(3);
  });
});
