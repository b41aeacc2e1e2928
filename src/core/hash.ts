/**
 * Hashing helpers over WebCrypto (`crypto.subtle`), shared by backends that run in the browser or
 * in Node 20+: salted PBKDF2-SHA256 for passwords, salted SHA-256 for one-time codes, plain
 * SHA-256 for high-entropy tokens, and a constant-time comparison.
 */

const encoder = new TextEncoder();

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) to bytes. Throws on characters outside the alphabet. */
export function fromBase64Url(value: string): Uint8Array {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const s = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function randomBytes(length: number): Uint8Array {
  const buf = new Uint8Array(length);
  crypto.getRandomValues(buf);
  return buf;
}

/**
 * Compare two byte strings in time that depends only on their lengths, never on where they
 * first differ.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const n = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** SHA-256 of a string as base64url: the stored form of a high-entropy token (link, device). */
export async function tokenDigest(token: string): Promise<string> {
  return toBase64Url(await sha256(token));
}

/** A salted SHA-256 of a low-entropy secret such as a one-time code. */
export interface SaltedDigest {
  salt: string;
  hash: string;
}

export async function saltedDigest(secret: string, salt = randomBytes(16)): Promise<SaltedDigest> {
  const hash = await sha256(concat(salt, encoder.encode(secret)));
  return { salt: toBase64Url(salt), hash: toBase64Url(hash) };
}

/** Check `secret` against a stored salted digest in constant time. */
export async function matchesSaltedDigest(secret: string, stored: SaltedDigest): Promise<boolean> {
  const hash = await sha256(concat(fromBase64Url(stored.salt), encoder.encode(secret)));
  return constantTimeEqual(hash, fromBase64Url(stored.hash));
}

/** A stored password: PBKDF2-SHA256 with a 16-byte random salt; 32-byte derived key. */
export interface PasswordHash {
  alg: 'pbkdf2-sha256';
  iterations: number;
  salt: string;
  hash: string;
}

/** OWASP 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 210_000;

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(
  password: string,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<PasswordHash> {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError('iterations must be a positive integer');
  }
  const salt = randomBytes(16);
  const hash = await pbkdf2(password, salt, iterations);
  return { alg: 'pbkdf2-sha256', iterations, salt: toBase64Url(salt), hash: toBase64Url(hash) };
}

/** Derive with the stored salt and work factor and compare in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const hash = await pbkdf2(password, fromBase64Url(stored.salt), stored.iterations);
  return constantTimeEqual(hash, fromBase64Url(stored.hash));
}
