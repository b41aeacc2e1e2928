/**
 * Password hashing for the reference server: scrypt from `node:crypto`, a memory-hard KDF, at
 * the OWASP production cost (N = 2^17, r = 8, p = 1: 128 MiB and roughly 100–300 ms of CPU per
 * hash). `crypto.scrypt` (the callback form) runs in the libuv thread pool, so hashing never
 * blocks the event loop; at most UV_THREADPOOL_SIZE (default 4) hashes run at once.
 *
 * Hashes run at most {@link defaultConcurrency} at a time (FIFO), never filling the thread pool:
 * other pool work (WebCrypto digests, file I/O, DNS) must not queue behind a burst of 128 MiB
 * derivations, or every request of the burst would finish together at its end.
 *
 * The queue is bounded: at most `maxQueue` (`SCRYPT_MAX_QUEUE`, default 16) derivations wait for
 * a slot. Beyond that a hash or verify is refused at once with `BUSY { retryAfter }` (HTTP 503 +
 * `Retry-After`), `retryAfter` estimated from the queue length and the mean derivation time
 * measured so far. So a flood of bogus logins cannot make a real one wait behind hundreds of
 * derivations: it gets a prompt answer, and what was admitted finishes in bounded time.
 *
 * Every stored hash carries its own parameters and 16-byte salt, so the cost can be raised later:
 * old hashes still verify and {@link ScryptHasher.needsRehash} tells the engine to re-hash them
 * at the next successful login. PBKDF2 hashes written by the in-memory adapter verify too.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { verifyPassword as verifyPbkdf2 } from '../../src/core/hash.js';
import { adapterError } from '../../src/adapter/errors.js';
import { systemClock, type Clock } from '../../src/core/clock.js';
import type { PasswordHasher } from '../../src/adapter/engine/hasher.js';
import type { StoredPassword } from '../../src/adapter/engine/store.js';

/**
 * A stored scrypt password (the engine's {@link StoredPassword} with `alg: 'scrypt'`):
 * `cost` = N, `blockSize` = r, `parallelization` = p; `salt` and `hash` base64url.
 */
export interface ScryptPasswordHash extends StoredPassword {
  alg: 'scrypt';
  cost: number;
  blockSize: number;
  parallelization: number;
  keyLength: number;
}

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet (2023+): N = 2^17, r = 8, p = 1. */
export const PRODUCTION_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({
  N: 2 ** 17,
  r: 8,
  p: 1,
});

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Bytes scrypt needs for a cost (128·N·r for V, 128·r·p for B, plus slack). */
export function scryptMemory(cost: ScryptCost): number {
  return 128 * cost.N * cost.r + 128 * cost.r * cost.p + 1024 * 1024;
}

/** Throws RangeError unless N is a power of two ≥ 2 and r, p are positive integers. */
export function validateCost(cost: ScryptCost): ScryptCost {
  const { N, r, p } = cost;
  if (!Number.isSafeInteger(N) || N < 2 || (N & (N - 1)) !== 0) {
    throw new RangeError(`scrypt N must be a power of two ≥ 2 (got ${N})`);
  }
  if (!Number.isSafeInteger(r) || r < 1) throw new RangeError(`scrypt r must be ≥ 1 (got ${r})`);
  if (!Number.isSafeInteger(p) || p < 1) throw new RangeError(`scrypt p must be ≥ 1 (got ${p})`);
  if (N * r > 2 ** 24) throw new RangeError('scrypt N·r is beyond any sensible memory budget');
  return { N, r, p };
}

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function derive(
  password: string,
  salt: Buffer,
  cost: ScryptCost,
  keyLength: number,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    maxmem: scryptMemory(cost),
  };
  return new Promise((resolve, reject) => {
    // The callback form runs in the libuv thread pool (never `scryptSync` on a server).
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function isScryptHash(value: StoredPassword): value is ScryptPasswordHash {
  return (
    value.alg === 'scrypt' &&
    typeof value.cost === 'number' &&
    typeof value.blockSize === 'number' &&
    typeof value.parallelization === 'number' &&
    typeof value.keyLength === 'number' &&
    typeof value.salt === 'string' &&
    typeof value.hash === 'string'
  );
}

/**
 * Derivations allowed at once: one per CPU, but at least one thread pool slot left free
 * (UV_THREADPOOL_SIZE, default 4).
 */
export function defaultConcurrency(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(availableParallelism(), pool - 1));
}

/** Default `maxQueue`: derivations allowed to wait for a slot (`SCRYPT_MAX_QUEUE`). */
export const DEFAULT_SCRYPT_MAX_QUEUE = 16;

/** A FIFO counting semaphore with a bounded queue. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueue: number,
  ) {}

  /** How many derivations wait for a slot right now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Run `fn` now or after the queue; resolves null (without running it) when the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxQueue) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return { value: await fn() };
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter (FIFO), or free it.
      if (next) next();
      else this.active -= 1;
    }
  }
}

export interface ScryptHasherOptions {
  /** Derivations allowed to wait for a slot; beyond, `BUSY`. Default 16. */
  maxQueue?: number;
  /** The engine's clock, for `BUSY.retryAfter`. Default: the system clock. */
  clock?: Clock;
}

/** Password hashing with scrypt; see the module comment. */
export class ScryptHasher implements PasswordHasher {
  readonly cost: Readonly<ScryptCost>;
  /** Derivations that may run at once (the others wait in FIFO order). */
  readonly concurrency: number;
  /** Derivations that may wait; beyond, a call is refused `BUSY` at once. */
  readonly maxQueue: number;
  private readonly gate: Gate;
  private readonly clock: Clock;
  /** Running mean of a derivation's duration (ms): an estimate until the first one is measured. */
  private meanMs: number;
  private measured = 0;
  /** Calls refused BUSY since start (a measure of overload). */
  rejected = 0;

  constructor(
    cost: ScryptCost = PRODUCTION_SCRYPT_COST,
    concurrency = defaultConcurrency(),
    options: ScryptHasherOptions = {},
  ) {
    this.cost = Object.freeze(validateCost(cost));
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError('concurrency must be a positive integer');
    }
    const maxQueue = options.maxQueue ?? DEFAULT_SCRYPT_MAX_QUEUE;
    if (!Number.isInteger(maxQueue) || maxQueue < 0) {
      throw new RangeError('maxQueue must be an integer ≥ 0');
    }
    this.concurrency = concurrency;
    this.maxQueue = maxQueue;
    this.gate = new Gate(concurrency, maxQueue);
    this.clock = options.clock ?? systemClock;
    // About 200 ms at production cost on a current server core, scaled by N·r.
    const { N, r, p } = this.cost;
    this.meanMs = Math.max(1, (200 * N * r * p) / (PRODUCTION_SCRYPT_COST.N * 8));
  }

  /** Derivations waiting for a slot (a measure of login load). */
  get queued(): number {
    return this.gate.queued;
  }

  /** The mean derivation time measured so far (ms). */
  get meanDerivationMs(): number {
    return this.meanMs;
  }

  /** One derivation through the bounded queue, timed; `BUSY` when the queue is full. */
  private async derive(password: string, salt: Buffer, cost: ScryptCost, keyLength: number) {
    const result = await this.gate.run(async () => {
      const started = performance.now();
      const key = await derive(password, salt, cost, keyLength);
      this.measured = Math.min(this.measured + 1, 20);
      // Mean of the first 20, then an exponential moving average (weight 1/20).
      this.meanMs += (performance.now() - started - this.meanMs) / this.measured;
      return key;
    });
    if (result) return result.value;
    this.rejected += 1;
    // The queue drains `concurrency` derivations per mean derivation time.
    const waitMs = Math.ceil(((this.gate.queued + 1) / this.concurrency) * this.meanMs);
    throw adapterError('BUSY', { retryAfter: this.clock.now() + Math.max(1000, waitMs) });
  }

  /** True when this hasher runs below the production cost (tests and benchmarks only). */
  get belowProductionCost(): boolean {
    const { N, r, p } = this.cost;
    return (
      N * r * p < PRODUCTION_SCRYPT_COST.N * PRODUCTION_SCRYPT_COST.r * PRODUCTION_SCRYPT_COST.p
    );
  }

  async hash(password: string): Promise<ScryptPasswordHash> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.derive(String(password), salt, this.cost, KEY_BYTES);
    return {
      alg: 'scrypt',
      cost: this.cost.N,
      blockSize: this.cost.r,
      parallelization: this.cost.p,
      keyLength: KEY_BYTES,
      salt: b64url(salt),
      hash: b64url(key),
    };
  }

  /**
   * Derive with the stored salt and parameters and compare in constant time. A malformed or
   * unknown stored value verifies as false (never throws for a bad record).
   */
  async verify(password: string, stored: StoredPassword): Promise<boolean> {
    if (stored.alg === 'pbkdf2-sha256' && typeof stored.iterations === 'number') {
      try {
        return await verifyPbkdf2(String(password), {
          alg: 'pbkdf2-sha256',
          iterations: stored.iterations,
          salt: stored.salt,
          hash: stored.hash,
        });
      } catch {
        // A corrupt salt or hash encoding: not a match.
        return false;
      }
    }
    if (!isScryptHash(stored)) return false;
    let cost: ScryptCost;
    try {
      cost = validateCost({ N: stored.cost, r: stored.blockSize, p: stored.parallelization });
    } catch {
      return false;
    }
    const expected = Buffer.from(stored.hash, 'base64url');
    const salt = Buffer.from(stored.salt, 'base64url');
    if (expected.length < 16 || expected.length !== stored.keyLength || salt.length < SALT_BYTES) {
      return false;
    }
    const actual = await this.derive(String(password), salt, cost, expected.length);
    return timingSafeEqual(actual, expected);
  }

  /** True when `stored` is not scrypt at this hasher's cost (re-hash after a good login). */
  needsRehash(stored: StoredPassword): boolean {
    if (!isScryptHash(stored)) return true;
    return (
      stored.cost !== this.cost.N ||
      stored.blockSize !== this.cost.r ||
      stored.parallelization !== this.cost.p
    );
  }
}
