/**
 * Password hashing behind an interface, so each backend picks its KDF: the engine's default is
 * PBKDF2-SHA256 over WebCrypto (runs in browsers and Node 20+); the reference server passes a
 * memory-hard scrypt hasher. Stored hashes record their algorithm and parameters
 * ({@link StoredPassword}), so a backend can tell them apart and upgrade old ones.
 */
import {
  DEFAULT_PBKDF2_ITERATIONS,
  hashPassword,
  verifyPassword,
  type PasswordHash,
} from '../../core/hash.js';
import type { StoredPassword } from './store.js';

/**
 * A hasher may refuse work it cannot take now (the server's bounded scrypt queue rejects
 * `BUSY {retryAfter}` when full): the engine passes such a rejection through unchanged, having
 * counted nothing (a refused login is not a failed login).
 */
export interface PasswordHasher {
  /** Hash a new password with a fresh random salt. */
  hash(password: string): Promise<StoredPassword>;
  /**
   * Check `password` against a stored hash in constant time. Resolves false (never throws) for
   * a hash of an algorithm this hasher cannot verify.
   */
  verify(password: string, stored: StoredPassword): Promise<boolean>;
  /**
   * True when a stored hash (just verified) should be replaced by a new one: another algorithm,
   * or weaker parameters than this hasher's. The engine then re-hashes at the next login.
   */
  needsRehash?(stored: StoredPassword): boolean;
}

export const PBKDF2_ALG = 'pbkdf2-sha256';

function isPbkdf2(stored: StoredPassword): stored is StoredPassword & PasswordHash {
  return (
    stored.alg === PBKDF2_ALG &&
    typeof stored.iterations === 'number' &&
    Number.isInteger(stored.iterations) &&
    stored.iterations > 0 &&
    typeof stored.salt === 'string' &&
    typeof stored.hash === 'string'
  );
}

/** PBKDF2-HMAC-SHA256 (WebCrypto), 16-byte salt, 32-byte key: `{ alg: 'pbkdf2-sha256', iterations, salt, hash }`. */
export class Pbkdf2Hasher implements PasswordHasher {
  readonly iterations: number;

  /** `iterations` defaults to 210 000 (OWASP 2023); tests and demos may lower it for speed. */
  constructor(iterations = DEFAULT_PBKDF2_ITERATIONS) {
    if (!Number.isInteger(iterations) || iterations < 1) {
      throw new RangeError('pbkdf2Iterations must be a positive integer');
    }
    this.iterations = iterations;
  }

  async hash(password: string): Promise<StoredPassword> {
    return { ...(await hashPassword(password, this.iterations)) };
  }

  async verify(password: string, stored: StoredPassword): Promise<boolean> {
    if (!isPbkdf2(stored)) return false;
    try {
      return await verifyPassword(password, stored);
    } catch {
      // Corrupt salt/hash encoding: not a match.
      return false;
    }
  }

  needsRehash(stored: StoredPassword): boolean {
    return !isPbkdf2(stored) || stored.iterations < this.iterations;
  }
}
