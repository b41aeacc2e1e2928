import { expect } from '@open-wc/testing';
import { DAY, HOUR, ManualClock, MINUTE, SECOND, systemClock } from '../../src/core/clock.js';

describe('core/clock', () => {
  it('ManualClock starts at a fixed instant and moves only when told', () => {
    const c = new ManualClock();
    const t0 = c.now();
    expect(t0).to.equal(Date.UTC(2026, 0, 5, 15, 0, 0));
    c.advance(30 * MINUTE);
    expect(c.now() - t0).to.equal(1_800_000);
    c.set(0);
    expect(c.now()).to.equal(0);
    expect([SECOND, MINUTE, HOUR, DAY]).to.deep.equal([1000, 60_000, 3_600_000, 86_400_000]);
  });

  it('systemClock reads Date.now', () => {
    const before = Date.now();
    const t = systemClock.now();
    expect(t).to.be.within(before, Date.now());
  });
});
