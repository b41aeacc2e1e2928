/**
 * One-time passcodes: 8 characters from an unambiguous alphabet (no 0/O, 1/I/L), drawn with
 * `crypto.getRandomValues` by rejection sampling so that every character is equally likely.
 */

/** 31 characters: digits 2–9 and upper-case letters without I, L, O. */
export const OTP_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const OTP_LENGTH = 8;

/** Unbiased random integers in [0, n) from the platform CSPRNG. */
export function randomInts(n: number, count: number): number[] {
  if (n < 1 || n > 256) throw new RangeError('n must be in 1..256');
  const limit = 256 - (256 % n); // bytes >= limit are rejected: no modulo bias
  const out: number[] = [];
  // getRandomValues fills at most 65 536 bytes per call.
  const buf = new Uint8Array(Math.min(Math.max(count * 2, 16), 65536));
  while (out.length < count) {
    crypto.getRandomValues(buf);
    for (const b of buf) {
      if (b < limit) out.push(b % n);
      if (out.length === count) break;
    }
  }
  return out;
}

export function generateOtp(length = OTP_LENGTH, alphabet = OTP_ALPHABET): string {
  return randomInts(alphabet.length, length)
    .map((i) => alphabet[i])
    .join('');
}

/** True when `value` (already normalised) has the shape of a code: right length and alphabet. */
export function isOtpShaped(value: string): boolean {
  if (value.length !== OTP_LENGTH) return false;
  for (const ch of value) if (!OTP_ALPHABET.includes(ch)) return false;
  return true;
}

/** Random bytes as base64url (for link tokens, flow ids, device tokens). */
export function randomToken(bytes = 32): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
