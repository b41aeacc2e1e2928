/** The scrypt password hasher: format, verification, cost handling, production defaults. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PRODUCTION_SCRYPT_COST,
  ScryptHasher,
  scryptMemory,
  validateCost,
} from '../../server/crypto/scrypt-hasher.js';
import { hashPassword } from '../../src/core/hash.js';
import { AdapterError } from '../../src/adapter/errors.js';
import { ManualClock } from '../../src/core/clock.js';

// A low cost keeps these tests fast; one test below runs the production cost once.
const fast = new ScryptHasher({ N: 1024, r: 8, p: 1 });

test('the default is the OWASP production cost (N=2^17, r=8, p=1)', () => {
  const h = new ScryptHasher();
  assert.deepEqual({ ...h.cost }, { N: 131072, r: 8, p: 1 });
  assert.deepEqual({ ...PRODUCTION_SCRYPT_COST }, { N: 131072, r: 8, p: 1 });
  assert.equal(h.belowProductionCost, false);
  assert.equal(fast.belowProductionCost, true);
  // 128·N·r = 128 MiB, so maxmem must exceed Node's 32 MiB default.
  assert.ok(scryptMemory(PRODUCTION_SCRYPT_COST) > 128 * 1024 * 1024);
});

test('a hash stores its algorithm, parameters, a 16-byte salt and a 32-byte key', async () => {
  const stored = await fast.hash('Blue-Sky-Walk-42');
  assert.equal(stored.alg, 'scrypt');
  assert.equal(stored.cost, 1024);
  assert.equal(stored.blockSize, 8);
  assert.equal(stored.parallelization, 1);
  assert.equal(stored.keyLength, 32);
  assert.equal(Buffer.from(stored.salt, 'base64url').length, 16);
  assert.equal(Buffer.from(stored.hash, 'base64url').length, 32);
  assert.ok(!JSON.stringify(stored).includes('Blue-Sky'));
});

test('verify accepts the password and rejects any other', async () => {
  const stored = await fast.hash('Blue-Sky-Walk-42');
  assert.equal(await fast.verify('Blue-Sky-Walk-42', stored), true);
  assert.equal(await fast.verify('Blue-Sky-Walk-43', stored), false);
  assert.equal(await fast.verify('', stored), false);
});

test('the same password hashes differently each time (random salt)', async () => {
  const a = await fast.hash('same password 1!');
  const b = await fast.hash('same password 1!');
  assert.notEqual(a.salt, b.salt);
  assert.notEqual(a.hash, b.hash);
});

test('a hash made at another cost still verifies, and needs a re-hash', async () => {
  const older = new ScryptHasher({ N: 512, r: 8, p: 1 });
  const stored = await older.hash('Blue-Sky-Walk-42');
  assert.equal(await fast.verify('Blue-Sky-Walk-42', stored), true);
  assert.equal(fast.needsRehash(stored), true);
  assert.equal(fast.needsRehash(await fast.hash('x')), false);
});

test('PBKDF2 hashes of the in-memory adapter verify, and need a re-hash', async () => {
  const stored = { ...(await hashPassword('Blue-Sky-Walk-42', 1000)) };
  assert.equal(await fast.verify('Blue-Sky-Walk-42', stored), true);
  assert.equal(await fast.verify('wrong', stored), false);
  assert.equal(fast.needsRehash(stored), true);
});

test('malformed or unknown stored values verify as false, never throw', async () => {
  const good = await fast.hash('pw-Pw-1234567');
  for (const bad of [
    { alg: 'bcrypt', salt: good.salt, hash: good.hash },
    { ...good, cost: 1000 },
    { ...good, hash: good.hash.slice(0, 10) },
    { ...good, salt: 'c2hvcnQ' },
    { ...good, keyLength: 64 },
    { alg: 'scrypt', salt: good.salt, hash: good.hash },
    { alg: 'pbkdf2-sha256', iterations: 1000, salt: '!!!', hash: '***' },
  ]) {
    assert.equal(await fast.verify('pw-Pw-1234567', bad), false, JSON.stringify(bad));
  }
});

test('cost validation: N a power of two, r and p positive', () => {
  assert.throws(() => validateCost({ N: 1000, r: 8, p: 1 }), /power of two/);
  assert.throws(() => validateCost({ N: 1024, r: 0, p: 1 }), /r must be/);
  assert.throws(() => validateCost({ N: 1024, r: 8, p: 0 }), /p must be/);
  assert.throws(() => new ScryptHasher({ N: 2 ** 30, r: 8, p: 1 }), /memory/);
});

test('production cost: one hash and one verify, off the event loop', async () => {
  const h = new ScryptHasher();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const t0 = performance.now();
  const stored = await h.hash('Blue-Sky-Walk-42');
  const ok = await h.verify('Blue-Sky-Walk-42', stored);
  const ms = performance.now() - t0;
  clearInterval(timer);
  assert.equal(ok, true);
  assert.equal(stored.cost, 131072);
  // The event loop kept turning while scrypt ran in the thread pool.
  assert.ok(ticks >= Math.floor(ms / 5 / 4), `event loop starved: ${ticks} ticks in ${ms} ms`);
});

test('a burst of hashes runs a few at a time, in order, and never starves the thread pool', async () => {
  const h = new ScryptHasher({ N: 2 ** 14, r: 8, p: 1 }, 1);
  assert.equal(h.concurrency, 1);
  const done: number[] = [];
  const burst = Array.from({ length: 6 }, (_, i) => h.hash(`pw-${i}`).then(() => done.push(i)));
  await new Promise((r) => setImmediate(r));
  assert.equal(h.queued, 5, 'one running, five waiting');
  // Other thread-pool work (a WebCrypto digest) is not queued behind the burst.
  const t0 = performance.now();
  await crypto.subtle.digest('SHA-256', new Uint8Array(32));
  const digestMs = performance.now() - t0;
  await Promise.all(burst);
  const burstMs = performance.now() - t0;
  assert.deepEqual(done, [0, 1, 2, 3, 4, 5], 'FIFO');
  assert.ok(digestMs < burstMs / 3, `digest waited ${digestMs} ms of a ${burstMs} ms burst`);
  assert.equal(h.queued, 0);
});

test('the default concurrency leaves a thread-pool slot free', async () => {
  const { defaultConcurrency } = await import('../../server/crypto/scrypt-hasher.js');
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  assert.ok(defaultConcurrency() >= 1);
  assert.ok(defaultConcurrency() <= Math.max(1, pool - 1));
  assert.throws(() => new ScryptHasher(PRODUCTION_SCRYPT_COST, 0), /concurrency/);
});

test('a flood gets BUSY at once beyond the queue bound; the queue stays bounded; a later hash is prompt', async () => {
  const clock = new ManualClock(1_000_000);
  // N=2^14 (TEST ONLY): each derivation takes a few ms, so the flood really queues.
  const h = new ScryptHasher({ N: 2 ** 14, r: 8, p: 1 }, 1, { maxQueue: 4, clock });
  assert.equal(h.maxQueue, 4);
  let maxQueued = 0;
  const t0 = performance.now();
  const outcomes = Array.from({ length: 40 }, (_, i) =>
    h.hash(`pw-${i}`).then(
      () => ({ ok: true as const, ms: performance.now() - t0 }),
      (err: unknown) => ({ ok: false as const, err, ms: performance.now() - t0 }),
    ),
  );
  maxQueued = Math.max(maxQueued, h.queued);
  const results = await Promise.all(outcomes);
  const ok = results.filter((r) => r.ok);
  const busy = results.filter((r) => !r.ok);
  assert.equal(ok.length, 5, 'one running + four queued were admitted');
  assert.equal(busy.length, 35);
  assert.equal(h.rejected, 35);
  assert.ok(maxQueued <= 4, `queue stayed bounded (${maxQueued})`);
  const slowestAdmitted = Math.max(...ok.map((r) => r.ms));
  for (const r of busy) {
    const err = (r as { err: unknown }).err;
    assert.ok(err instanceof AdapterError, String(err));
    assert.equal(err.code, 'BUSY');
    // On the injected clock: at least a second ahead, and an estimate, not a guess of minutes.
    const wait = (err.data as { retryAfter: number }).retryAfter - clock.now();
    assert.ok(wait >= 1000 && wait < 60_000, `retryAfter ${wait} ms ahead`);
    // Refused without waiting for the queue.
    assert.ok(
      r.ms <= slowestAdmitted,
      `refusal after ${r.ms} ms, the queue took ${slowestAdmitted}`,
    );
  }
  assert.equal(h.queued, 0);
  assert.ok(h.meanDerivationMs > 0);
  // Once the flood is through, a hash is admitted and runs at once.
  const t1 = performance.now();
  const stored = await h.hash('Blue-Sky-Walk-42');
  assert.ok(await h.verify('Blue-Sky-Walk-42', stored));
  assert.ok(performance.now() - t1 < 20 * h.meanDerivationMs + 200);
});

test('maxQueue 0 admits only what can run at once; the bound must be an integer ≥ 0', async () => {
  const h = new ScryptHasher({ N: 1024, r: 8, p: 1 }, 2, { maxQueue: 0 });
  const results = await Promise.allSettled([h.hash('a'), h.hash('b'), h.hash('c')]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'rejected'],
  );
  assert.throws(() => new ScryptHasher({ N: 1024, r: 8, p: 1 }, 1, { maxQueue: -1 }), /maxQueue/);
  assert.throws(() => new ScryptHasher({ N: 1024, r: 8, p: 1 }, 1, { maxQueue: 1.5 }), /maxQueue/);
});
