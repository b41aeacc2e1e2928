import { expect } from '@open-wc/testing';
import {
  constantTimeEqual,
  fromBase64Url,
  hashPassword,
  matchesSaltedDigest,
  saltedDigest,
  sha256,
  toBase64Url,
  tokenDigest,
  verifyPassword,
  DEFAULT_PBKDF2_ITERATIONS,
} from '../../src/core/hash.js';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string) => new Uint8Array(s.match(/../g)!.map((h) => parseInt(h, 16)));
const text = (s: string) => new TextEncoder().encode(s);

describe('core/hash', () => {
  it('base64url round-trips every byte value without padding', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const enc = toBase64Url(all);
    expect(enc).to.match(/^[A-Za-z0-9_-]+$/);
    expect([...fromBase64Url(enc)]).to.deep.equal([...all]);
    expect(toBase64Url(text('hi?>'))).to.equal('aGk_Pg');
    expect(hex(fromBase64Url('aGk_Pg'))).to.equal(hex(text('hi?>')));
  });

  it('SHA-256 matches the FIPS 180-2 vector', async () => {
    expect(hex(await sha256('abc'))).to.equal(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await tokenDigest('abc')).to.equal(toBase64Url(await sha256('abc')));
  });

  it('constant-time comparison', () => {
    expect(constantTimeEqual(text('abc'), text('abc'))).to.equal(true);
    expect(constantTimeEqual(text('abc'), text('abd'))).to.equal(false);
    expect(constantTimeEqual(text('abc'), text('abcd'))).to.equal(false);
    expect(constantTimeEqual(text(''), text(''))).to.equal(true);
    expect(constantTimeEqual(new Uint8Array([0]), new Uint8Array([]))).to.equal(false);
  });

  it('salted digests: per-secret salt, match only the same secret', async () => {
    const a = await saltedDigest('ABCD2345');
    const b = await saltedDigest('ABCD2345');
    expect(a.salt).to.not.equal(b.salt);
    expect(a.hash).to.not.equal(b.hash);
    expect(fromBase64Url(a.salt).length).to.equal(16);
    expect(await matchesSaltedDigest('ABCD2345', a)).to.equal(true);
    expect(await matchesSaltedDigest('ABCD2346', a)).to.equal(false);
    expect(await matchesSaltedDigest('', a)).to.equal(false);
  });

  it('PBKDF2-SHA256 matches the RFC 7914 vector (passwd / salt / 1 iteration)', async () => {
    const stored = {
      alg: 'pbkdf2-sha256' as const,
      iterations: 1,
      salt: toBase64Url(text('salt')),
      hash: toBase64Url(unhex('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc')),
    };
    expect(await verifyPassword('passwd', stored)).to.equal(true);
    expect(await verifyPassword('passwe', stored)).to.equal(false);
  });

  it('hashPassword: random salt, configurable work factor, verifies', async () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).to.equal(210_000);
    const h1 = await hashPassword('Blue-Sky-2026!', 1000);
    const h2 = await hashPassword('Blue-Sky-2026!', 1000);
    expect(h1.alg).to.equal('pbkdf2-sha256');
    expect(h1.iterations).to.equal(1000);
    expect(h1.salt).to.not.equal(h2.salt);
    expect(h1.hash).to.not.equal(h2.hash);
    expect(fromBase64Url(h1.hash).length).to.equal(32);
    expect(JSON.stringify(h1)).to.not.include('Blue-Sky');
    expect(await verifyPassword('Blue-Sky-2026!', h1)).to.equal(true);
    expect(await verifyPassword('blue-Sky-2026!', h1)).to.equal(false);
    let threw = false;
    try {
      await hashPassword('x', 0);
    } catch (e) {
      threw = e instanceof RangeError;
    }
    expect(threw).to.equal(true);
  });
});
