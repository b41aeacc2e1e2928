/**
 * Repeatable randomness for screenshots: `seedRandom()` restarts `crypto.getRandomValues`,
 * `crypto.randomUUID` and `Math.random` at the same seed before each story, so a story that shows
 * a generated value (a ticket reference, a one-time code typed into a field) draws the same pixels
 * on every run. Only the visual suite loads this module; WebCrypto keys and signatures
 * (`crypto.subtle`) keep their own generator.
 */
const SEED = 0x5eed2026;
let state = SEED;

/** mulberry32: 32 random bits per call from a 32-bit state. */
function next(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (t ^ (t >>> 14)) >>> 0;
}

crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
  if (array) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
  }
  return array;
};

crypto.randomUUID = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}` as ReturnType<
    Crypto['randomUUID']
  >;
};

Math.random = () => next() / 2 ** 32;

/** Restart every generator at the seed (before each story). */
export function seedRandom(): void {
  state = SEED;
}
