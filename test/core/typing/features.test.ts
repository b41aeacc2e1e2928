import { expect } from '@open-wc/testing';
import type { KeystrokeEvent, TypingSample } from '../../../src/adapter/types.js';
import { cmuSample, cmuTimeline, parseCmuCsv } from '../../../src/core/typing/cmu.js';
import {
  extractFeatures,
  featureCount,
  pairKeystrokes,
} from '../../../src/core/typing/features.js';

const HEADER =
  'subject,sessionIndex,rep,H.period,DD.period.x,UD.period.x,H.x,DD.x.a,UD.x.a,H.a,DD.a.t,UD.a.t,' +
  'H.t,DD.t.1,UD.t.1,H.1,DD.1.7,UD.1.7,H.7,DD.7.p,UD.7.p,H.p,DD.p.a,UD.p.a,H.a,DD.a.d,UD.a.d,' +
  'H.d,DD.d.n,UD.d.n,H.n,DD.n.Return,UD.n.Return,H.Return';
/** IIITBh-Big.csv, subject0 session 3 rep 19 (two rollovers: p→a and a→d). ODbL, see bench. */
const ROW =
  'subject0,3,19,0.1279470921,0.4922099113,0.3642628193,0.0965139866,0.1465611458,' +
  '0.0500471592,0.1508588791,0.3485808373,0.1977219582,0.0953781605,0.2493071556,0.1539289951,' +
  '0.143362999,0.4001760483,0.2568130493,0.0996379852,0.5055968761,0.4059588909,0.1207199097,' +
  '0.1159040928,-0.0048158169,0.2071340084,0.1748209,-0.0323131084,0.1427979469,0.5030250549,' +
  '0.360227108,0.0962729454,0.4067308903,0.3104579449,0.1180260181';

/** [type, key, code, t] of the expected recorder timeline (ms from a start at 1000). */
const EXPECTED_TIMELINE: [KeystrokeEvent['type'], string, string, number][] = [
  ['down', '.', 'Period', 1000],
  ['up', '.', 'Period', 1127.9470921],
  ['down', 'x', 'KeyX', 1492.2099113],
  ['up', 'x', 'KeyX', 1588.7238979],
  ['down', 'a', 'KeyA', 1638.7710571],
  ['up', 'a', 'KeyA', 1789.6299362],
  ['down', 't', 'KeyT', 1987.3518944],
  ['up', 't', 'KeyT', 2082.7300549],
  ['down', '1', 'Digit1', 2236.65905],
  ['up', '1', 'Digit1', 2380.022049],
  ['down', '7', 'Digit7', 2636.8350983],
  ['up', '7', 'Digit7', 2736.4730835],
  ['down', 'p', 'KeyP', 3142.4319744],
  ['down', 'a', 'KeyA', 3258.3360672], // a goes down before p comes up (UD.p.a < 0)
  ['up', 'p', 'KeyP', 3263.1518841],
  ['down', 'd', 'KeyD', 3433.1569672], // d goes down before a comes up (UD.a.d < 0)
  ['up', 'a', 'KeyA', 3465.4700756],
  ['up', 'd', 'KeyD', 3575.9549141],
  ['down', 'n', 'KeyN', 3936.1820221],
  ['up', 'n', 'KeyN', 4032.4549675],
  ['down', 'Enter', 'Enter', 4342.9129124],
  ['up', 'Enter', 'Enter', 4460.9389305],
];

const ev = (type: KeystrokeEvent['type'], key: string, code: string, t: number) => ({
  type,
  key,
  code,
  t,
});

/** Presses of lower-case letters / digits / space: [char, down, up]. */
function presses(list: [string, number, number][]): KeystrokeEvent[] {
  const code = (c: string) =>
    c === ' ' ? 'Space' : /[0-9]/.test(c) ? `Digit${c}` : `Key${c.toUpperCase()}`;
  return list
    .flatMap(([c, d, u]) => [ev('down', c, code(c), d), ev('up', c, code(c), u)])
    .sort((a, b) => a.t - b.t);
}

describe('core/typing/features', () => {
  it('a CSV row converts into the expected recorder timeline', () => {
    const dataset = parseCmuCsv(`${HEADER}\n${ROW}\n`);
    expect(dataset.keys).to.deep.equal([
      'period',
      'x',
      'a',
      't',
      '1',
      '7',
      'p',
      'a',
      'd',
      'n',
      'Return',
    ]);
    expect(dataset.text).to.equal('.xat17padn\n');
    const sample = cmuSample(dataset, dataset.rows[0]);
    expect(sample.text).to.equal('.xat17padn');
    expect(sample.events.length).to.equal(EXPECTED_TIMELINE.length);
    sample.events.forEach((e, i) => {
      const [type, key, code, t] = EXPECTED_TIMELINE[i];
      expect([e.type, e.key, e.code]).to.deep.equal([type, key, code]);
      expect(e.t).to.be.closeTo(t, 1e-6);
    });
  });

  it('the timeline yields the row’s own H / DD / UD values (ms), in column order', () => {
    const dataset = parseCmuCsv(`${HEADER}\n${ROW}\n`);
    const features = extractFeatures(cmuSample(dataset, dataset.rows[0]), dataset.text);
    const expected = ROW.split(',')
      .slice(3)
      .map((v) => Number(v) * 1000);
    expect(features).to.have.length(31);
    expect(featureCount(11)).to.equal(31);
    features!.forEach((f, j) => expect(f).to.be.closeTo(expected[j], 1e-6));
    // UD.p.a and UD.a.d are the negative (rollover) ones.
    expect(features![20]).to.be.closeTo(-4.8158169, 1e-6);
    expect(features![23]).to.be.closeTo(-32.3131084, 1e-6);
  });

  it('without the Return in the expected text, the trailing Enter is not a feature', () => {
    const dataset = parseCmuCsv(`${HEADER}\n${ROW}\n`);
    const sample = cmuSample(dataset, dataset.rows[0]);
    const features = extractFeatures(sample, '.xat17padn');
    expect(features).to.have.length(28);
    const full = extractFeatures(sample, '.xat17padn\n')!;
    expect(features).to.deep.equal(full.slice(0, 28));
  });

  it('rejects malformed CSV', () => {
    expect(() => parseCmuCsv('a,b,c\n1,2,3')).to.throw();
    expect(() => parseCmuCsv(`${HEADER}\nsubject0,1,1,0.1`)).to.throw(/cells/);
    expect(() => parseCmuCsv(`${HEADER}\n${ROW.replace('0.1279470921', 'x')}`)).to.throw();
    expect(() => cmuTimeline(['Tab'], [0.1])).to.throw(/Unknown/);
  });

  it('handles key rollover: the next key goes down before the previous comes up', () => {
    const sample = {
      text: 'ab',
      events: presses([
        ['a', 0, 80],
        ['b', 50, 120],
      ]),
    };
    expect(sample.events.map((e) => `${e.type}:${e.key}`)).to.deep.equal([
      'down:a',
      'down:b',
      'up:a',
      'up:b',
    ]);
    expect(extractFeatures(sample, 'ab')).to.deep.equal([80, 50, -30, 70]);
  });

  it('Shift for a capital is not a keystroke; downs and ups pair by code', () => {
    const events: KeystrokeEvent[] = [
      ev('down', 'Shift', 'ShiftLeft', 0),
      ev('down', 'H', 'KeyH', 40),
      ev('up', 'Shift', 'ShiftLeft', 90),
      ev('up', 'h', 'KeyH', 100), // key reports lower case after Shift went up
      ev('down', 'i', 'KeyI', 150),
      ev('up', 'i', 'KeyI', 220),
    ];
    expect(extractFeatures({ text: 'Hi', events }, 'Hi')).to.deep.equal([60, 110, 50, 70]);
  });

  it('ignores autorepeat key-downs of a key that is still down', () => {
    const events: KeystrokeEvent[] = [
      ev('down', 'o', 'KeyO', 0),
      ev('down', 'o', 'KeyO', 30),
      ev('down', 'o', 'KeyO', 60),
      ev('up', 'o', 'KeyO', 100),
      ev('down', 'k', 'KeyK', 200),
      ev('up', 'k', 'KeyK', 260),
    ];
    expect(extractFeatures({ text: 'ok', events }, 'ok')).to.deep.equal([100, 200, 100, 60]);
  });

  it('a Backspace (or Delete, or IME composition) voids the attempt', () => {
    const typo = [
      ...presses([
        ['a', 0, 50],
        ['x', 100, 150],
      ]),
      ev('down', 'Backspace', 'Backspace', 200),
      ev('up', 'Backspace', 'Backspace', 250),
      ...presses([['b', 300, 350]]),
    ];
    expect(extractFeatures({ text: 'ab', events: typo }, 'ab')).to.equal(null);
    const del = [...presses([['a', 0, 50]]), ev('down', 'Delete', 'Delete', 60)];
    expect(pairKeystrokes(del)).to.equal(null);
    const ime = [ev('down', 'Process', 'KeyA', 0), ev('up', 'a', 'KeyA', 40)];
    expect(extractFeatures({ text: 'a', events: ime }, 'a')).to.equal(null);
  });

  it('a text that is not the sentence, or keys that do not spell it, are unusable', () => {
    const events = presses([
      ['a', 0, 50],
      ['b', 100, 150],
    ]);
    expect(extractFeatures({ text: 'ab', events }, 'abc')).to.equal(null);
    expect(extractFeatures({ text: 'abc', events }, 'abc')).to.equal(null);
    expect(extractFeatures({ text: 'ba', events }, 'ba')).to.equal(null);
    expect(extractFeatures({ text: '', events: [] }, '')).to.equal(null);
  });

  it('a key that never comes up voids the attempt; an up without a down is ignored', () => {
    const stuck = [...presses([['a', 0, 50]]), ev('down', 'b', 'KeyB', 100)];
    expect(extractFeatures({ text: 'ab', events: stuck }, 'ab')).to.equal(null);
    const early: TypingSample = {
      text: 'ab',
      events: [
        ev('up', 'Tab', 'Tab', -20),
        ...presses([
          ['a', 0, 50],
          ['b', 100, 150],
        ]),
      ],
    };
    expect(extractFeatures(early, 'ab')).to.deep.equal([50, 100, 50, 50]);
  });

  it('a trailing Enter that submits the box is dropped; events are ordered by time', () => {
    const events = [
      ...presses([
        ['b', 100, 150],
        ['a', 0, 50],
      ]),
      ev('down', 'Enter', 'Enter', 300),
      ev('up', 'Enter', 'Enter', 380),
    ].reverse();
    expect(extractFeatures({ text: 'ab', events }, 'ab')).to.deep.equal([50, 100, 50, 50]);
    expect(extractFeatures({ text: 'ab', events }, 'ab\n')).to.deep.equal([
      50, 100, 50, 50, 200, 150, 80,
    ]);
  });
});
