import { expect } from '@open-wc/testing';
import {
  generateOtp,
  isOtpShaped,
  OTP_ALPHABET,
  OTP_LENGTH,
  randomInts,
  randomToken,
} from '../../src/core/otp.js';

/**
 * Upper critical value of the chi-square distribution (Wilson–Hilferty approximation) for a
 * one-sided z (4.265 ≈ p = 1e-5, so an unbiased generator fails this about once in 100 000 runs).
 */
function chiSquareCritical(df: number, z = 4.265): number {
  const a = 2 / (9 * df);
  return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
}

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe('core/otp', () => {
  it('codes: 8 characters from the unambiguous 31-character alphabet', () => {
    expect(OTP_LENGTH).to.equal(8);
    expect(OTP_ALPHABET).to.have.length(31);
    expect(OTP_ALPHABET).to.not.match(/[01ILO]/);
    for (let i = 0; i < 200; i++) {
      const code = generateOtp();
      expect(code).to.match(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(isOtpShaped(code)).to.equal(true);
    }
    expect(isOtpShaped('ABCD234')).to.equal(false);
    expect(isOtpShaped('ABCD234O')).to.equal(false);
    expect(isOtpShaped('abcd2345')).to.equal(false);
  });

  it('20 000 codes: every character of every position equally likely (chi-square)', () => {
    const n = 20_000;
    const overall = new Array<number>(31).fill(0);
    const perPosition = Array.from({ length: OTP_LENGTH }, () => new Array<number>(31).fill(0));
    for (let i = 0; i < n; i++) {
      const code = generateOtp();
      for (let p = 0; p < OTP_LENGTH; p++) {
        const k = OTP_ALPHABET.indexOf(code[p]!);
        overall[k]! += 1;
        perPosition[p]![k]! += 1;
      }
    }
    expect(chiSquare(overall, (n * OTP_LENGTH) / 31)).to.be.below(chiSquareCritical(30));
    for (const counts of perPosition) {
      expect(chiSquare(counts, n / 31)).to.be.below(chiSquareCritical(30));
    }
  });

  it('randomInts has no modulo bias even where plain `% n` would be far off (n = 200)', () => {
    // With byte % 200, values 0..55 would be twice as likely: chi-square in the tens of thousands.
    const draws = randomInts(200, 200_000);
    const counts = new Array<number>(200).fill(0);
    for (const d of draws) counts[d]! += 1;
    expect(draws).to.have.length(200_000);
    expect(counts[0]).to.be.above(0);
    expect(counts[199]).to.be.above(0);
    expect(draws.every((d) => Number.isInteger(d) && d >= 0 && d < 200)).to.equal(true);
    expect(chiSquare(counts, 1000)).to.be.below(chiSquareCritical(199));
    expect(() => randomInts(0, 1)).to.throw(RangeError);
    expect(() => randomInts(257, 1)).to.throw(RangeError);
  });

  it('the chi-square check catches a biased generator', () => {
    // The same statistic over a modulo-biased draw must fail: the test above can fail.
    const bytes = new Uint8Array(160_000);
    for (let o = 0; o < bytes.length; o += 65536) {
      crypto.getRandomValues(bytes.subarray(o, o + 65536));
    }
    const counts = new Array<number>(31).fill(0);
    for (const b of bytes) counts[b % 31]! += 1;
    expect(chiSquare(counts, 160_000 / 31)).to.be.above(chiSquareCritical(30));
  });

  it('randomToken: base64url of the requested number of random bytes', () => {
    const t = randomToken(32);
    expect(t).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).to.have.length(22);
    expect(new Set(Array.from({ length: 100 }, () => randomToken(16))).size).to.equal(100);
  });
});
