/**
 * The statistics of `bench/enumeration.ts` (the existing-vs-missing timing benchmark): its
 * Mann-Whitney U test against reference values (SciPy 1.x, `mannwhitneyu(a, b,
 * method='asymptotic', use_continuity=True)`, two-sided), with and without ties.
 *
 *   node --import tsx --test test/server/http-enumeration-bench.spec.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { erfc, mannWhitney, median } from '../../bench/enumeration.js';

function close(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what}: ${actual} vs ${expected}`,
  );
}

describe('bench:enumeration statistics', () => {
  it('erfc matches known values', () => {
    close(erfc(0), 1, 1e-6, 'erfc(0)');
    close(erfc(1), 0.157299207050285, 1e-6, 'erfc(1)');
    close(erfc(3), 2.20904969985854e-5, 1e-6, 'erfc(3)');
    close(erfc(-1), 1.842700792949715, 1e-6, 'erfc(-1)');
  });

  it('Mann-Whitney U agrees with SciPy (asymptotic, continuity correction, two-sided)', () => {
    const separated = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    assert.equal(separated.u, 0);
    close(separated.p, 0.012185780355344813, 1e-5, 'separated');

    const tied = mannWhitney([1, 2, 2, 3, 3, 5], [2, 3, 3, 4, 6, 6, 7]);
    assert.equal(tied.u, 9);
    close(tied.p, 0.09338796860680035, 1e-5, 'with ties');

    const a = Array.from({ length: 40 }, (_, i) => i);
    const shifted = mannWhitney(
      a,
      a.map((x) => x + 30),
    );
    assert.equal(shifted.u, 50);
    close(shifted.p, 5.493794800445032e-13, 1e-3, '40 + 40, shifted');
  });

  it('is symmetric and gives p = 1 for identical samples', () => {
    const x = [3.1, 2.2, 5.0, 4.4, 1.9];
    const y = [2.8, 3.3, 4.1, 6.0, 2.0, 3.9];
    close(mannWhitney(x, y).p, mannWhitney(y, x).p, 1e-12, 'symmetric');
    assert.equal(mannWhitney([1, 1, 1], [1, 1, 1]).p, 1);
    assert.equal(mannWhitney(x, x).p, 1);
  });

  it('median', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
});
