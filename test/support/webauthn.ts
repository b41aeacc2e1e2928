/**
 * A virtual WebAuthn authenticator for browser tests (Chromium only), driven by the Web Test
 * Runner commands of scripts/wtr-webauthn.mjs (DevTools protocol `WebAuthn` domain). It acts as
 * the device's platform authenticator (CTAP2, internal transport) holding passkeys (resident
 * keys), with user verification and presence given automatically unless told otherwise.
 *
 *   const auth = await addVirtualAuthenticator();          // before navigator.credentials.*
 *   … create / get a credential …
 *   expect(await auth.credentials()).to.have.length(1);
 *   await auth.setUserVerified(false);                     // next ceremony: NotAllowedError
 *   await auth.remove();                                    // in afterEach
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface VirtualAuthenticatorOptions {
  /** The authenticator can verify the user (fingerprint, PIN). Default true. */
  hasUserVerification?: boolean;
  /** Verification succeeds. Default true; false makes a request that requires it fail. */
  isUserVerified?: boolean;
  /** Stores discoverable credentials (passkeys). Default true. */
  hasResidentKey?: boolean;
  /** Presence (the touch) is given at once. Default true; false leaves requests waiting. */
  automaticPresenceSimulation?: boolean;
}

/** A credential the authenticator holds (DevTools `WebAuthn.Credential`, without its key). */
export interface VirtualCredential {
  /** Base64 (standard alphabet, padded) of the raw credential ID. */
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  /** Base64 of the user handle (the RP's user ID). */
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  readonly id: string;
  credentials(): Promise<VirtualCredential[]>;
  removeCredential(credentialId: string): Promise<void>;
  setUserVerified(isUserVerified: boolean): Promise<void>;
  /** Automatic presence (the touch) on or off; off, requests wait. */
  setPresence(enabled: boolean): Promise<void>;
  remove(): Promise<void>;
}

/** Add a virtual platform authenticator to this test page. Throws outside Chromium. */
export async function addVirtualAuthenticator(
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const { authenticatorId } = await executeServerCommand<
    { authenticatorId: string },
    VirtualAuthenticatorOptions
  >('webauthn-add-authenticator', options);
  const payload = { authenticatorId };
  return {
    id: authenticatorId,
    async credentials() {
      return executeServerCommand<VirtualCredential[], typeof payload>(
        'webauthn-credentials',
        payload,
      );
    },
    async removeCredential(credentialId) {
      await executeServerCommand('webauthn-remove-credential', { ...payload, credentialId });
    },
    async setUserVerified(isUserVerified) {
      await executeServerCommand('webauthn-set-user-verified', { ...payload, isUserVerified });
    },
    async setPresence(enabled) {
      await executeServerCommand('webauthn-set-presence', { ...payload, enabled });
    },
    async remove() {
      await executeServerCommand('webauthn-remove-authenticator', payload);
    },
  };
}

/** Base64 (as the DevTools protocol gives IDs) → base64url without padding (as WebAuthn JSON). */
export function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
