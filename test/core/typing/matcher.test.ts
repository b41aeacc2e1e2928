import { expect } from '@open-wc/testing';
import type { TypingSample } from '../../../src/adapter/types.js';
import {
  createTypingMatcher,
  DEFAULT_SAMPLE_TEXT,
  DEFAULT_THRESHOLD,
  DEFAULT_WINDOW,
  defaultTypingMatcher,
  extractFeatures,
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

const samplesOf = (t: TypingTemplate) => (t.data as KeystrokeTemplateData).samples;

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

  it('folds accepted attempts into the template, keeping only the latest window', () => {
    const typist = makeTypist(11, TEXT);
    let template = enrolled(11);
    expect(samplesOf(template)).to.have.length(3);
    const random = prng(12);
    const first = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random))!;
    expect(first.accepted).to.equal(true);
    expect(samplesOf(first.template)).to.have.length(6);
    expect(samplesOf(template)).to.have.length(3); // the old template is not mutated
    template = first.template;
    for (let i = 0; i < 12; i++) {
      const d = defaultTypingMatcher.verify(template, attempts(typist, TEXT, random))!;
      expect(d.accepted).to.equal(true);
      template = d.template;
    }
    expect(samplesOf(template)).to.have.length(DEFAULT_WINDOW);
    const still = createTypingMatcher({ adapt: false }).verify(
      template,
      attempts(typist, TEXT, random),
    )!;
    expect(still.accepted).to.equal(true);
    expect(still.template).to.equal(template);
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

  it('rejects templates it did not make or that are damaged', () => {
    const template = enrolled(7);
    const samples = attempts(makeTypist(7, TEXT), TEXT, prng(2));
    const foreign = { ...template, matcher: 'other' };
    const old = { ...template, version: 0 };
    const damaged = { ...template, data: { samples: [[1, 2, 3]] } };
    for (const t of [foreign, old, damaged]) {
      expect(defaultTypingMatcher.verify(t, samples)).to.equal(null);
    }
  });
});
