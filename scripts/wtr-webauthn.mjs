// Web Test Runner commands for a virtual WebAuthn authenticator on the calling test page, through
// the Chrome DevTools Protocol `WebAuthn` domain. Chromium only (elsewhere every command throws;
// tests skip). The browser-side, typed helpers are in test/support/webauthn.ts.
//
//   webauthn-add-authenticator    { isUserVerified?: boolean = true, hasUserVerification?: boolean = true,
//                                   hasResidentKey?: boolean = true,
//                                   automaticPresenceSimulation?: boolean = true }
//                                 → { authenticatorId }: a CTAP2 platform ("internal") authenticator
//                                   that stores discoverable credentials (passkeys)
//   webauthn-remove-authenticator { authenticatorId } → true (its credentials go with it)
//   webauthn-credentials          { authenticatorId } → the DevTools `WebAuthn.Credential`s it holds
//                                   (credentialId and userHandle base64, signCount, rpId, …)
//   webauthn-remove-credential    { authenticatorId, credentialId } → true
//   webauthn-set-user-verified    { authenticatorId, isUserVerified } → true: whether the next
//                                   ceremonies pass user verification (false: a request that
//                                   requires it fails with NotAllowedError, as a cancel does)
//   webauthn-set-presence         { authenticatorId, enabled } → true: automatic presence on or
//                                   off (off: requests wait, as for a person who does not touch)
//
// One DevTools session per test page, kept open while the page lives: the authenticators belong
// to it (closing it, or `WebAuthn.disable`, removes them). The other pages are not affected.
const sessions = new Map();

async function cdpFor(session) {
  const page = session.browser.getPage?.(session.id);
  if (!page?.createCDPSession) throw new Error('the virtual authenticator needs Chromium');
  let entry = sessions.get(session.id);
  if (!entry || entry.page !== page) {
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable', { enableUI: false });
    entry = { page, cdp };
    sessions.set(session.id, entry);
    page.once('close', () => {
      if (sessions.get(session.id) === entry) sessions.delete(session.id);
    });
  }
  return entry.cdp;
}

function authenticatorId(payload) {
  const id = payload?.authenticatorId;
  if (typeof id !== 'string' || !id) throw new Error('authenticatorId is required');
  return id;
}

const commands = {
  async 'webauthn-add-authenticator'(cdp, payload = {}) {
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: payload.hasResidentKey ?? true,
        hasUserVerification: payload.hasUserVerification ?? true,
        isUserVerified: payload.isUserVerified ?? true,
        automaticPresenceSimulation: payload.automaticPresenceSimulation ?? true,
      },
    });
    return { authenticatorId };
  },
  async 'webauthn-remove-authenticator'(cdp, payload) {
    await cdp.send('WebAuthn.removeVirtualAuthenticator', {
      authenticatorId: authenticatorId(payload),
    });
    return true;
  },
  async 'webauthn-credentials'(cdp, payload) {
    const { credentials } = await cdp.send('WebAuthn.getCredentials', {
      authenticatorId: authenticatorId(payload),
    });
    // The private key stays in the browser process: a test has no use for it.
    return credentials.map(({ privateKey: _privateKey, ...rest }) => rest);
  },
  async 'webauthn-remove-credential'(cdp, payload) {
    await cdp.send('WebAuthn.removeCredential', {
      authenticatorId: authenticatorId(payload),
      credentialId: String(payload.credentialId),
    });
    return true;
  },
  async 'webauthn-set-presence'(cdp, payload) {
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', {
      authenticatorId: authenticatorId(payload),
      enabled: Boolean(payload.enabled),
    });
    return true;
  },
  async 'webauthn-set-user-verified'(cdp, payload) {
    await cdp.send('WebAuthn.setUserVerified', {
      authenticatorId: authenticatorId(payload),
      isUserVerified: Boolean(payload.isUserVerified),
    });
    return true;
  },
};

// A ceremony needs the page to have the browser's focus ("NotAllowedError: … the page does not
// have focus"), and test files run side by side (concurrency 2). So a page holds the focus from
// adding an authenticator until it removes it (or closes): others adding one wait their turn,
// and the holder is brought to the front.
let focusHolder = null;
let focusWaiters = [];
function releaseFocus(id) {
  if (focusHolder !== id) return;
  focusHolder = null;
  for (const wake of focusWaiters.splice(0)) wake();
}
async function takeFocus(session) {
  while (focusHolder !== null && focusHolder !== session.id)
    await new Promise((wake) => focusWaiters.push(wake));
  const page = session.browser.getPage?.(session.id);
  if (focusHolder === null) {
    focusHolder = session.id;
    page?.once?.('close', () => releaseFocus(session.id));
  }
  await page?.bringToFront?.();
}

export function webauthnPlugin() {
  return {
    name: 'webauthn',
    async executeCommand({ command, payload, session }) {
      if (!Object.hasOwn(commands, command)) return undefined;
      if (command === 'webauthn-add-authenticator') await takeFocus(session);
      const result = await commands[command](await cdpFor(session), payload);
      if (command === 'webauthn-remove-authenticator') releaseFocus(session.id);
      return result;
    },
  };
}
