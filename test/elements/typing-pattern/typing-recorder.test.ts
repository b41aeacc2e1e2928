import { expect } from '@open-wc/testing';
import {
  TypingRecorder,
  isCorrectionKey,
} from '../../../src/elements/typing-pattern/typing-recorder.js';

const k = (key: string, code: string, timeStamp: number, repeat = false) => ({
  key,
  code,
  timeStamp,
  repeat,
});

describe('typing-pattern/typing-recorder', () => {
  it('records key-down and key-up with their timeStamps in order', () => {
    const r = new TypingRecorder();
    expect(r.down(k('a', 'KeyA', 10))).to.equal(true);
    expect(r.allReleased).to.equal(false);
    expect(r.up(k('a', 'KeyA', 95))).to.equal(true);
    expect(r.allReleased).to.equal(true);
    expect(r.events).to.deep.equal([
      { type: 'down', key: 'a', code: 'KeyA', t: 10 },
      { type: 'up', key: 'a', code: 'KeyA', t: 95 },
    ]);
    expect(r.keyCount).to.equal(1);
  });

  it('keeps rollover order (next key down before previous key up)', () => {
    const r = new TypingRecorder();
    r.down(k('t', 'KeyT', 0));
    r.down(k('h', 'KeyH', 60));
    r.up(k('t', 'KeyT', 90));
    r.up(k('h', 'KeyH', 140));
    expect(r.events.map((e) => `${e.type}:${e.key}:${e.t}`)).to.deep.equal([
      'down:t:0',
      'down:h:60',
      'up:t:90',
      'up:h:140',
    ]);
  });

  it('records Shift like any key; the key-up may report the other case', () => {
    const r = new TypingRecorder();
    r.down(k('Shift', 'ShiftLeft', 0));
    r.down(k('T', 'KeyT', 50));
    r.up(k('Shift', 'ShiftLeft', 90));
    r.up(k('t', 'KeyT', 120));
    expect(r.events.map((e) => `${e.type}:${e.code}`)).to.deep.equal([
      'down:ShiftLeft',
      'down:KeyT',
      'up:ShiftLeft',
      'up:KeyT',
    ]);
    expect(r.allReleased).to.equal(true);
  });

  it('ignores auto-repeat, duplicate downs, ups without a recorded down, Enter, Tab and arrows', () => {
    const r = new TypingRecorder();
    expect(r.up(k('x', 'KeyX', 1))).to.equal(false);
    r.down(k('a', 'KeyA', 10));
    expect(r.down(k('a', 'KeyA', 40, true))).to.equal(false);
    expect(r.down(k('a', 'KeyA', 41))).to.equal(false);
    expect(r.down(k('Enter', 'Enter', 50))).to.equal(false);
    expect(r.down(k('Tab', 'Tab', 50))).to.equal(false);
    expect(r.down(k('ArrowLeft', 'ArrowLeft', 50))).to.equal(false);
    expect(r.up(k('Enter', 'Enter', 60))).to.equal(false);
    r.up(k('a', 'KeyA', 70));
    expect(r.events).to.have.length(2);
  });

  it('Backspace and Delete are correction keys and are never recorded', () => {
    expect(isCorrectionKey('Backspace')).to.equal(true);
    expect(isCorrectionKey('Delete')).to.equal(true);
    expect(isCorrectionKey('a')).to.equal(false);
    const r = new TypingRecorder();
    expect(r.down(k('Backspace', 'Backspace', 0))).to.equal(false);
    expect(r.events).to.have.length(0);
  });

  it('reset forgets the attempt; events returns a copy', () => {
    const r = new TypingRecorder();
    r.down(k('a', 'KeyA', 0));
    const copy = r.events;
    copy[0]!.t = 999;
    expect(r.events[0]!.t).to.equal(0);
    r.reset();
    expect(r.events).to.deep.equal([]);
    expect(r.allReleased).to.equal(true);
  });
});
