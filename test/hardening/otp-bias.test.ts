/**
 * The one-time code generator: 100 000 codes, each of the 8 positions tested for uniformity over
 * the 31-character alphabet with a chi-square test at the 0.999 quantile (30 degrees of freedom).
 * The same test is shown to catch the classic modulo bias, so it is not a test that cannot fail.
 */
import { expect } from '@open-wc/testing';
import { generateOtp, OTP_ALPHABET, OTP_LENGTH } from '../../src/core/otp.js';

/** Upper 0.999 quantile of the chi-square distribution with 30 degrees of freedom (tables). */
const CHI2_30_999 = 59.703;
const N = 100_000;

function chiSquare(counts: readonly number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** Per-position character counts of `n` codes drawn from `next`. */
function countPositions(n: number, next: () => string): number[][] {
  const counts = Array.from({ length: OTP_LENGTH }, () => new Array<number>(31).fill(0));
  for (let i = 0; i < n; i++) {
    const code = next();
    expect(code.length).to.equal(OTP_LENGTH);
    for (let p = 0; p < OTP_LENGTH; p++) {
      const k = OTP_ALPHABET.indexOf(code[p]!);
      if (k < 0) throw new Error(`character outside the alphabet: ${code}`);
      counts[p]![k]! += 1;
    }
  }
  return counts;
}

describe('hardening / OTP generator', () => {
  it('31 characters, so 30 degrees of freedom', () => {
    expect(OTP_ALPHABET.length).to.equal(31);
    expect(new Set(OTP_ALPHABET).size).to.equal(31);
  });

  it(`${N.toLocaleString('en')} codes: every position below the chi-square 0.999 bound`, () => {
    const counts = countPositions(N, () => generateOtp());
    const stats = counts.map((c) => chiSquare(c, N));
    for (const [p, x2] of stats.entries()) {
      expect(x2, `position ${p}: ${stats.map((s) => s.toFixed(1)).join(', ')}`).to.be.below(
        CHI2_30_999,
      );
    }
    // No two positions move together: the first two characters are independent (31 × 31 cells,
    // 960 degrees of freedom; 0.999 quantile ≈ 1 103).
    const pairs = new Array<number>(31 * 31).fill(0);
    for (let i = 0; i < N; i++) {
      const c = generateOtp();
      pairs[OTP_ALPHABET.indexOf(c[0]!) * 31 + OTP_ALPHABET.indexOf(c[1]!)]! += 1;
    }
    expect(chiSquare(pairs, N)).to.be.below(1103);
  });

  it('the same test catches modulo bias (byte % 31), which rejection sampling avoids', () => {
    const buf = new Uint8Array(OTP_LENGTH);
    const biased = () => {
      crypto.getRandomValues(buf);
      return [...buf].map((b) => OTP_ALPHABET[b % 31]).join('');
    };
    const counts = countPositions(N, biased);
    for (const c of counts) expect(chiSquare(c, N)).to.be.above(CHI2_30_999);
  });
});
