/**
 * Passkeys for the stories: the demo producer signed in (`storyWorld`) with passkeys registered
 * through the MemoryAdapter's real ceremonies, answered by a software authenticator (no browser
 * dialog), so the list shows what the element really receives.
 */
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { fromBase64Url, toBase64Url } from '../src/core/hash.js';
import { SoftAuthenticator } from '../test/support/soft-authenticator.js';
import { storyWorld } from './registration.story-helpers.js';

export async function passkeyWorld(
  passkeys: { name: string; used?: boolean }[] = [],
): Promise<{ adapter: MemoryAdapter }> {
  const { adapter } = await storyWorld();
  const soft = new SoftAuthenticator({ origin: location.origin });
  for (const p of passkeys) {
    const { ceremonyId, options } = await adapter.startPasskeyRegistration();
    const response = await soft.create(options);
    await adapter.finishPasskeyRegistration({ ceremonyId, response, name: p.name });
    if (p.used) {
      const challenge = await adapter.startPasskeySignIn();
      const credential = soft.credentials[soft.credentials.length - 1]!;
      const assertion = await soft.get(challenge.options, { credentialId: credential.id });
      await adapter.finishPasskeySignIn({ ceremonyId: challenge.ceremonyId, response: assertion });
    }
  }
  return { adapter };
}

const bytes = (b: BufferSource): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const buffer = (base64url: string): ArrayBuffer => fromBase64Url(base64url).slice().buffer;

/**
 * Run `during` while `navigator.credentials.create` answers with a software authenticator (no
 * browser dialog, which a story cannot click), then put the browser's own back: a story can
 * show the step after a passkey was created.
 */
export async function withSoftPasskeyCreation(during: () => Promise<void>): Promise<void> {
  const soft = new SoftAuthenticator({ origin: location.origin });
  const credentials = navigator.credentials;
  const create = credentials.create;
  credentials.create = async (options?: CredentialCreationOptions) => {
    const publicKey = options!.publicKey!;
    const json = await soft.create({
      rp: publicKey.rp,
      user: { ...publicKey.user, id: toBase64Url(bytes(publicKey.user.id)) },
      challenge: toBase64Url(bytes(publicKey.challenge)),
      pubKeyCredParams: publicKey.pubKeyCredParams,
    });
    const credential = {
      id: json.id,
      rawId: buffer(json.rawId),
      type: json.type,
      authenticatorAttachment: json.authenticatorAttachment,
      response: {
        clientDataJSON: buffer(json.response.clientDataJSON),
        attestationObject: buffer(json.response.attestationObject),
        getTransports: () => json.response.transports,
      },
      getClientExtensionResults: () => ({}),
    };
    return credential;
  };
  try {
    await during();
  } finally {
    credentials.create = create;
  }
}

/**
 * Run `during` as on a device with a platform authenticator (a screen lock: `<pep-login>` offers
 * to create a passkey only there; headless browsers have none), then put the browser's answer
 * back.
 */
export async function withPlatformAuthenticator(during: () => Promise<void>): Promise<void> {
  const available = PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable;
  PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable = () => Promise.resolve(true);
  try {
    await during();
  } finally {
    PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable = available;
  }
}
