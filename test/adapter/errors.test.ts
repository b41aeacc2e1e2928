import { expect } from '@open-wc/testing';
import {
  AdapterError,
  adapterError,
  isAdapterError,
  RETRYABLE_CODES,
  toAdapterError,
} from '../../src/adapter/errors.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import type { TypingMatcher } from '../../src/core/typing/types.js';

describe('adapter errors', () => {
  it('carry a stable code and typed data', () => {
    const e = adapterError('ACCOUNT_LOCKED', { unlocksAt: 5 });
    expect(e).to.be.instanceOf(Error);
    expect(e).to.be.instanceOf(AdapterError);
    expect(e.name).to.equal('AdapterError');
    expect(e.code).to.equal('ACCOUNT_LOCKED');
    expect(e.data).to.deep.equal({ unlocksAt: 5 });
    expect(e.is('ACCOUNT_LOCKED')).to.equal(true);
    expect(e.is('CODE_INVALID')).to.equal(false);
    expect(adapterError('CODE_EXPIRED').data).to.deep.equal({});
    expect(isAdapterError(e)).to.equal(true);
    expect(isAdapterError(new Error('x'))).to.equal(false);
  });

  it('only NETWORK, TIMEOUT, UNAVAILABLE and BUSY are retryable', () => {
    expect([...RETRYABLE_CODES].sort()).to.deep.equal([
      'BUSY',
      'NETWORK',
      'TIMEOUT',
      'UNAVAILABLE',
    ]);
    expect(adapterError('BUSY', { retryAfter: 1 }).retryable).to.equal(true);
    expect(adapterError('RATE_LIMITED', { retryAfter: 1 }).retryable).to.equal(false);
    expect(adapterError('NETWORK').retryable).to.equal(true);
    expect(adapterError('TIMEOUT').retryable).to.equal(true);
    expect(adapterError('UNAVAILABLE').retryable).to.equal(true);
    expect(adapterError('INVALID_CREDENTIALS').retryable).to.equal(false);
    expect(adapterError('ABORTED').retryable).to.equal(false);
  });

  it('toAdapterError normalises anything thrown', () => {
    const same = adapterError('FORBIDDEN');
    expect(toAdapterError(same)).to.equal(same);
    expect(toAdapterError(new DOMException('x', 'AbortError')).code).to.equal('ABORTED');
    expect(toAdapterError(new DOMException('x', 'TimeoutError')).code).to.equal('TIMEOUT');
    expect(toAdapterError(new TypeError('Failed to fetch')).code).to.equal('NETWORK');
    expect(toAdapterError(new Error('boom')).code).to.equal('UNAVAILABLE');
    expect(toAdapterError('string').code).to.equal('UNAVAILABLE');
  });

  it('MemoryAdapter turns an internal failure into UNAVAILABLE (cause kept) and keeps serving', async () => {
    const boom = new Error('matcher crashed');
    const matcher: TypingMatcher = {
      id: 'crash',
      enroll() {
        throw boom;
      },
      verify() {
        throw boom;
      },
    };
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000, matcher });
    await seedDemo(adapter);
    const r = await adapter.login({
      username: DEMO_PRODUCER.username,
      password: DEMO_PRODUCER.password,
    });
    if (r.status !== 'verification-required') throw new Error('expected verification');
    let caught: unknown;
    try {
      await adapter.enrollTypingPattern({ pendingId: r.pending.pendingId, samples: [] });
    } catch (e) {
      caught = e;
    }
    expect(caught).to.be.instanceOf(AdapterError);
    expect((caught as AdapterError).code).to.equal('UNAVAILABLE');
    expect((caught as Error & { cause?: unknown }).cause).to.equal(boom);
    expect((await adapter.admin.signIn(DEMO_PRODUCER.username)).user.role).to.equal('producer');
  });
});
