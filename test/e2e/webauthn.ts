/**
 * A virtual WebAuthn authenticator for the e2e journeys (Playwright + Chromium): the DevTools
 * protocol `WebAuthn` domain on the page's CDP session. It acts as the device's platform
 * authenticator (CTAP2, internal transport) holding passkeys, with user verification and presence
 * given automatically unless told otherwise. It lives as long as the page (and its CDP session).
 *
 *   const auth = await addVirtualAuthenticator(page);
 *   … create a passkey in the demo …
 *   assert.equal((await auth.credentials()).length, 1);
 *   await auth.setUserVerified(false);   // the next ceremony fails with NotAllowedError
 */
import type { CDPSession, Page } from 'playwright-core';

export interface VirtualAuthenticatorOptions {
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
  hasResidentKey?: boolean;
  automaticPresenceSimulation?: boolean;
}

export interface VirtualCredential {
  /** Base64 (standard alphabet) of the raw credential ID. */
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  readonly id: string;
  readonly cdp: CDPSession;
  credentials(): Promise<VirtualCredential[]>;
  removeCredential(credentialId: string): Promise<void>;
  setUserVerified(isUserVerified: boolean): Promise<void>;
  remove(): Promise<void>;
}

export async function addVirtualAuthenticator(
  page: Page,
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: options.hasResidentKey ?? true,
      hasUserVerification: options.hasUserVerification ?? true,
      isUserVerified: options.isUserVerified ?? true,
      automaticPresenceSimulation: options.automaticPresenceSimulation ?? true,
    },
  });
  return {
    id: authenticatorId,
    cdp,
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.map(
        ({ credentialId, isResidentCredential, rpId, userHandle, signCount }) => ({
          credentialId,
          isResidentCredential,
          rpId,
          userHandle,
          signCount,
        }),
      );
    },
    async removeCredential(credentialId) {
      await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId });
    },
    async setUserVerified(isUserVerified) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });
    },
    async remove() {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    },
  };
}
