/**
 * `src/shared/webauthn.ts`, the browser side of passkeys, against Chromium's virtual
 * authenticator: feature detection, the failure mapping, and one request at a time (a
 * conditional request is aborted before a modal one).
 */
import { expect } from '@open-wc/testing';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import {
  cancelPasskeyRequest,
  conditionalMediationAvailable,
  createPasskey,
  getPasskey,
  passkeyFailureReason,
  passkeyRequestPending,
  passkeysSupported,
} from '../../../src/shared/webauthn.js';
import { producerAdapter, until } from '../../support/registration.js';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../../support/webauthn.js';

function withoutWebAuthn(): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
  Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
  return () => {
    if (original) Object.defineProperty(window, 'PublicKeyCredential', original);
  };
}

describe('shared/webauthn', () => {
  let adapter: MemoryAdapter;
  let auth: VirtualAuthenticator | undefined;
  beforeEach(async () => {
    adapter = await producerAdapter();
  });
  afterEach(async () => {
    cancelPasskeyRequest();
    await auth?.remove();
    auth = undefined;
  });

  it('maps DOMException names to distinct reasons', () => {
    const e = (name: string) => new DOMException('x', name);
    expect(passkeyFailureReason(e('NotAllowedError'))).to.equal('cancelled');
    expect(passkeyFailureReason(e('InvalidStateError'))).to.equal('already-registered');
    expect(passkeyFailureReason(e('SecurityError'))).to.equal('security');
    expect(passkeyFailureReason(e('NotSupportedError'))).to.equal('unsupported');
    expect(passkeyFailureReason(e('ConstraintError'))).to.equal('unsupported');
    expect(passkeyFailureReason(e('AbortError'))).to.equal('aborted');
    expect(passkeyFailureReason(e('UnknownError'))).to.equal('failed');
    expect(passkeyFailureReason(new Error('x'))).to.equal('failed');
    expect(passkeyFailureReason(null)).to.equal('failed');
  });

  it('detects WebAuthn, and its absence', async () => {
    expect(passkeysSupported()).to.equal(true);
    const restore = withoutWebAuthn();
    try {
      expect(passkeysSupported()).to.equal(false);
      expect(await conditionalMediationAvailable()).to.equal(false);
      const { options } = await adapter.startPasskeyRegistration();
      expect(await createPasskey(options)).to.deep.equal({ ok: false, reason: 'unsupported' });
      const challenge = await adapter.startPasskeySignIn();
      expect(await getPasskey(challenge.options)).to.deep.equal({
        ok: false,
        reason: 'unsupported',
      });
    } finally {
      restore();
    }
    expect(passkeysSupported()).to.equal(true);
  });

  it('a sign-in with no passkey for this site answers cancelled (NotAllowedError)', async () => {
    auth = await addVirtualAuthenticator();
    const { options } = await adapter.startPasskeySignIn();
    expect(await getPasskey(options)).to.deep.equal({ ok: false, reason: 'cancelled' });
  });

  /**
   * The virtual authenticator answers a conditional request at once (NotAllowedError without a
   * matching passkey, the passkey with one), so a waiting autofill request is played by a
   * `navigator.credentials.get` that waits for its signal, as a browser's autofill does.
   */
  function holdConditional(): { log: string[]; restore: () => void } {
    const log: string[] = [];
    const real = navigator.credentials.get.bind(navigator.credentials);
    const signals: AbortSignal[] = [];
    const fake = (options?: CredentialRequestOptions): Promise<Credential | null> => {
      if (options?.mediation !== 'conditional') {
        log.push(`modal (conditional aborted: ${signals.every((s) => s.aborted)})`);
        return real(options);
      }
      log.push('conditional');
      const signal = options.signal!;
      signals.push(signal);
      return new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => {
          log.push('conditional aborted');
          reject(new DOMException('aborted', 'AbortError'));
        }),
      );
    };
    Object.defineProperty(navigator.credentials, 'get', { value: fake, configurable: true });
    return {
      log,
      restore: () => void delete (navigator.credentials as unknown as Record<string, unknown>).get,
    };
  }

  it('a conditional (autofill) request is aborted before a modal one, which then succeeds', async function () {
    auth = await addVirtualAuthenticator();
    if (!(await conditionalMediationAvailable())) this.skip();
    const { ceremonyId, options } = await adapter.startPasskeyRegistration();
    const created = await createPasskey(options);
    if (!created.ok) throw new Error(created.reason);
    await adapter.finishPasskeyRegistration({ ceremonyId, response: created.response, name: 'A' });
    const hold = holdConditional();
    try {
      const first = await adapter.startPasskeySignIn();
      const autofill = getPasskey(first.options, { autofill: true });
      await until(() => hold.log.includes('conditional'), 2000, 'the conditional request');
      expect(passkeyRequestPending()).to.equal(true);
      const second = await adapter.startPasskeySignIn();
      const modal = await getPasskey(second.options);
      expect(await autofill).to.deep.equal({ ok: false, reason: 'aborted' });
      expect(hold.log).to.deep.equal([
        'conditional',
        'conditional aborted',
        'modal (conditional aborted: true)',
      ]);
      expect(modal.ok).to.equal(true);
      if (modal.ok)
        expect(
          await adapter.finishPasskeySignIn({
            ceremonyId: second.ceremonyId,
            response: modal.response,
          }),
        ).to.exist;
      expect(passkeyRequestPending()).to.equal(false);
    } finally {
      hold.restore();
    }
  });

  it('cancelPasskeyRequest() and the caller signal abort a waiting request', async function () {
    auth = await addVirtualAuthenticator();
    if (!(await conditionalMediationAvailable())) this.skip();
    const hold = holdConditional();
    try {
      const a = await adapter.startPasskeySignIn();
      const waiting = getPasskey(a.options, { autofill: true });
      await until(() => hold.log.length === 1, 2000, 'pending');
      cancelPasskeyRequest();
      expect(await waiting).to.deep.equal({ ok: false, reason: 'aborted' });

      const controller = new AbortController();
      const b = await adapter.startPasskeySignIn();
      const waiting2 = getPasskey(b.options, { autofill: true, signal: controller.signal });
      await until(() => hold.log.length === 3, 2000, 'pending');
      controller.abort();
      expect(await waiting2).to.deep.equal({ ok: false, reason: 'aborted' });
      expect(passkeyRequestPending()).to.equal(false);
    } finally {
      hold.restore();
    }
  });
});
