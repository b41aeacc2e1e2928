/**
 * Sealing at rest (sealing.ts): AES-256-GCM values bound to their place by associated data,
 * tagged with the id of the key that sealed them, and key rotation (old keys open, the current
 * one seals, `needsReseal` tells which values to seal again).
 */
import { expect } from '@open-wc/testing';
import {
  Keyring,
  UnknownKeyError,
  isSealedValue,
  isUnknownKeyError,
  type KeySpec,
  type SealedValue,
} from '../../src/adapter/engine/sealing.js';
import { fromBase64Url, toBase64Url } from '../../src/core/hash.js';

async function rejectsWith(promise: Promise<unknown>, pattern?: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(Error);
    if (pattern) expect((err as Error).message).to.match(pattern);
    return err as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}

const VALUE = { matcher: 'summary', version: 2, data: { mean: [101.5, 88], n: 3 }, tag: 'ünï' };

describe('adapter/engine/sealing', () => {
  it('round-trips any JSON value for its place; each seal uses a new IV', async () => {
    const ring = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
    const a = await ring.seal(VALUE, 'typing:usr_1');
    const b = await ring.seal(VALUE, 'typing:usr_1');
    expect(isSealedValue(a)).to.equal(true);
    expect(a.v).to.equal(1);
    expect(a.kid).to.equal('k1');
    expect(fromBase64Url(a.iv).length).to.equal(12);
    expect(a.iv).not.to.equal(b.iv);
    expect(a.ct).not.to.equal(b.ct);
    expect(JSON.stringify(a)).not.to.contain('summary');
    expect(await ring.open(a, 'typing:usr_1')).to.deep.equal(VALUE);
    expect(await ring.open(b, 'typing:usr_1')).to.deep.equal(VALUE);
    for (const v of ['text', 42, null, [1, 'two']]) {
      expect(await ring.open(await ring.seal(v, 'outbox:x'), 'outbox:x')).to.deep.equal(v);
    }
    // A stored value is plain JSON: it survives a JSON round trip (a database column).
    const stored = JSON.parse(JSON.stringify(a)) as SealedValue;
    expect(await ring.open(stored, 'typing:usr_1')).to.deep.equal(VALUE);
  });

  it('a value does not open for another place, nor when altered', async () => {
    const ring = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
    const sealed = await ring.seal(VALUE, 'typing:usr_1');
    await rejectsWith(ring.open(sealed, 'typing:usr_2'));
    await rejectsWith(ring.open(sealed, 'outbox:usr_1'));
    await rejectsWith(ring.open(sealed, ''));
    const ct = fromBase64Url(sealed.ct);
    ct[0] = ct[0]! ^ 1;
    await rejectsWith(ring.open({ ...sealed, ct: toBase64Url(ct) }, 'typing:usr_1'));
    const iv = fromBase64Url(sealed.iv);
    iv[11] = iv[11]! ^ 0x80;
    await rejectsWith(ring.open({ ...sealed, iv: toBase64Url(iv) }, 'typing:usr_1'));
  });

  it('an unknown key id or another ring’s key does not open it', async () => {
    const ring = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
    const other = await Keyring.fromSpecs([Keyring.newKeySpec('k1')]);
    const sealed = await ring.seal(VALUE, 'typing:usr_1');
    const err = await rejectsWith(ring.open({ ...sealed, kid: 'k9' }, 'typing:usr_1'), /k9/);
    expect(err.message).not.to.contain(sealed.ct);
    // An unknown key id is told apart from damage (the outbox waits for the key; it drops damage).
    expect(err).to.be.instanceOf(UnknownKeyError);
    expect(isUnknownKeyError(err)).to.equal(true);
    expect((err as UnknownKeyError).kid).to.equal('k9');
    const damaged = await rejectsWith(other.open(sealed, 'typing:usr_1'));
    expect(isUnknownKeyError(damaged)).to.equal(false);
  });

  it('rotation: the first key seals, older keys still open, needsReseal names old values', async () => {
    const oldSpec = Keyring.newKeySpec('old');
    const newSpec = Keyring.newKeySpec('new');
    const before = await Keyring.fromSpecs([oldSpec]);
    const sealedOld = await before.seal(VALUE, 'typing:usr_1');
    expect(before.needsReseal(sealedOld)).to.equal(false);

    const after = await Keyring.fromSpecs([newSpec, oldSpec]);
    expect(after.currentKid).to.equal('new');
    expect(await after.open(sealedOld, 'typing:usr_1')).to.deep.equal(VALUE);
    expect(after.needsReseal(sealedOld)).to.equal(true);
    const resealed = await after.seal(await after.open(sealedOld, 'typing:usr_1'), 'typing:usr_1');
    expect(resealed.kid).to.equal('new');
    expect(after.needsReseal(resealed)).to.equal(false);

    // Once the old key is dropped, only what was sealed again still opens.
    const finished = await Keyring.fromSpecs([newSpec]);
    expect(await finished.open(resealed, 'typing:usr_1')).to.deep.equal(VALUE);
    await rejectsWith(finished.open(sealedOld, 'typing:usr_1'), /old/);
  });

  it('parses kid:key lists; newKeySpec makes 32 random bytes', async () => {
    const a = Keyring.newKeySpec('a');
    const b = Keyring.newKeySpec('b');
    expect(fromBase64Url(a.key).length).to.equal(32);
    expect(a.key).not.to.equal(b.key);
    expect(Keyring.newKeySpec().kid).to.match(/^[A-Za-z0-9_.-]{1,32}$/);
    expect(Keyring.parseSpecs(` a:${a.key} , b:${b.key},`)).to.deep.equal([a, b]);
    expect(() => Keyring.parseSpecs(`${a.key}`)).to.throw(/kid:/);
    expect(() => Keyring.parseSpecs(`:${a.key}`)).to.throw(/kid:/);
    const ring = await Keyring.fromSpecs(Keyring.parseSpecs(`b:${b.key},a:${a.key}`));
    expect(ring.currentKid).to.equal('b');
  });

  it('rejects bad key specs: none, duplicate or malformed ids, keys that are not 32 bytes', async () => {
    const good = Keyring.newKeySpec('good');
    const cases: [KeySpec[], RegExp][] = [
      [[], /at least one/],
      [[good, { ...Keyring.newKeySpec('x'), kid: 'good' }], /twice/],
      [[{ ...good, kid: 'has space' }], /key id/],
      [[{ ...good, kid: '' }], /key id/],
      [[{ ...good, kid: 'k'.repeat(33) }], /key id/],
      [[{ kid: 'short', key: toBase64Url(new Uint8Array(16)) }], /32 bytes/],
      [[{ kid: 'long', key: toBase64Url(new Uint8Array(33)) }], /32 bytes/],
      [[{ kid: 'bad', key: '***not base64***' }], /base64url|32 bytes/],
    ];
    for (const [specs, pattern] of cases) {
      const err = await rejectsWith(Keyring.fromSpecs(specs), pattern);
      // The message never quotes key material.
      for (const s of specs) if (s.key.length > 8) expect(err.message).not.to.contain(s.key);
    }
  });

  it('isSealedValue recognises the stored shape only', () => {
    expect(isSealedValue({ v: 1, kid: 'k', iv: 'a', ct: 'b' })).to.equal(true);
    expect(isSealedValue({ v: 2, kid: 'k', iv: 'a', ct: 'b' })).to.equal(false);
    expect(isSealedValue({ matcher: 'm', version: 2, text: 't', data: {} })).to.equal(false);
    expect(isSealedValue({ v: 1, kid: 'k', iv: 'a' })).to.equal(false);
    expect(isSealedValue(null)).to.equal(false);
    expect(isSealedValue('sealed')).to.equal(false);
  });
});
