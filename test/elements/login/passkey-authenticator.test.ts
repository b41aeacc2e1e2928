/**
 * The virtual authenticator of the browser tests (scripts/wtr-webauthn.mjs,
 * test/support/webauthn.ts): a passkey created with `navigator.credentials.create` is held by
 * it, signs in with `navigator.credentials.get`, and user verification can be turned off.
 */
import { expect } from '@open-wc/testing';
import {
  addVirtualAuthenticator,
  toBase64Url,
  type VirtualAuthenticator,
} from '../../support/webauthn.js';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function base64Url(buffer: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function createPasskey(): Promise<PublicKeyCredential> {
  const credential = await navigator.credentials.create({
    publicKey: {
      rp: { id: location.hostname, name: 'pep tests' },
      user: { id: random(16), name: 'dana0001', displayName: 'Dana Lee' },
      challenge: random(32),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    },
  });
  return credential as PublicKeyCredential;
}

function getPasskey(): Promise<Credential | null> {
  return navigator.credentials.get({
    publicKey: {
      rpId: location.hostname,
      challenge: random(32),
      allowCredentials: [],
      userVerification: 'required',
      timeout: 10000,
    },
  });
}

describe('virtual WebAuthn authenticator (wtr-webauthn plugin)', () => {
  let auth: VirtualAuthenticator | undefined;

  afterEach(async () => {
    await auth?.remove();
    auth = undefined;
  });

  it('holds a passkey created with navigator.credentials.create and signs in with it', async () => {
    auth = await addVirtualAuthenticator();
    expect(await auth.credentials()).to.deep.equal([]);
    const created = await createPasskey();
    const held = await auth.credentials();
    expect(held).to.have.length(1);
    expect(toBase64Url(held[0]!.credentialId)).to.equal(base64Url(created.rawId));
    expect(held[0]!.isResidentCredential).to.equal(true);
    expect(held[0]!.rpId).to.equal(location.hostname);

    const got = (await getPasskey()) as PublicKeyCredential;
    expect(base64Url(got.rawId)).to.equal(base64Url(created.rawId));
    const flags = new Uint8Array(
      (got.response as AuthenticatorAssertionResponse).authenticatorData,
    )[32]!;
    expect(flags & 0x04, 'user verified').to.equal(0x04);
    expect((await auth.credentials())[0]!.signCount).to.be.greaterThan(held[0]!.signCount);
  });

  it('fails with NotAllowedError when user verification fails', async () => {
    auth = await addVirtualAuthenticator();
    await createPasskey();
    await auth.setUserVerified(false);
    const error = await getPasskey().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as DOMException).name).to.equal('NotAllowedError');
  });

  it('fails with NotAllowedError when it holds no passkey for this site', async () => {
    auth = await addVirtualAuthenticator();
    const created = await createPasskey();
    const [held] = await auth.credentials();
    await auth.removeCredential(held!.credentialId);
    expect(await auth.credentials()).to.deep.equal([]);
    const error = await getPasskey().then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as DOMException).name).to.equal('NotAllowedError');
    expect(created.type).to.equal('public-key');
  });

  it('removing the authenticator takes its passkeys away', async () => {
    auth = await addVirtualAuthenticator();
    await createPasskey();
    await auth.remove();
    auth = await addVirtualAuthenticator();
    expect(await auth.credentials()).to.deep.equal([]);
  });
});
