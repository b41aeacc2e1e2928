/**
 * Passkeys end to end (issue 21), with Chromium's virtual authenticator (DevTools protocol
 * `WebAuthn.addVirtualAuthenticator` on the page's CDP session, test/e2e/webauthn.ts):
 *
 * In the demo (in-memory adapter): sign in with password + an email code → the offer *Create a
 * passkey to log in faster* → create one → sign out → sign in with the passkey alone (the
 * button, then passkey autofill) → My Information lists it; deleted there, it no longer signs in
 * (its own message) and the password still does. Then the same sign-in over the reference server
 * (demo mode, SQLite, HttpAdapter).
 *
 * In the virtual-authenticator environment Chromium completes a conditional (autofill) request at
 * once with the authenticator's passkey, as if the person had picked it. The button journey
 * turns conditional mediation off for its page load (`sessionStorage['e2e-no-autofill']`, read
 * by an init script), as in a browser without passkey autofill.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-browser.mjs';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/main.js';
import type { TypingSample } from '../../src/adapter/types.js';
import { startDemo, type Demo } from './harness.js';
import { addVirtualAuthenticator, type VirtualAuthenticator } from './webauthn.js';

const DELEGATE = {
  username: 'dana0001',
  password: 'Blue-Sky-Walk-42',
  email: 'dana.lee@example.com',
  mobile: '(312) 555-0101',
  firstName: 'Dana',
  lastName: 'Lee',
  states: ['IL' as const],
};

/** Three attempts at `text` by one steady typist: the pattern is enrolled with the account. */
function samples(text: string): TypingSample[] {
  return [0, 1, 2].map((attempt) => {
    const events: TypingSample['events'] = [];
    let t = 1000 + attempt * 10_000;
    for (const ch of text) {
      const code = ch === ' ' ? 'Space' : `Key${ch.toUpperCase()}`;
      events.push({ type: 'down', key: ch, code, t });
      events.push({ type: 'up', key: ch, code, t: t + 90 + attempt });
      t += 180 + attempt;
    }
    return { text, events };
  });
}

/** Conditional mediation off on the next page loads while `sessionStorage` says so. */
const NO_AUTOFILL_SCRIPT = `if (sessionStorage.getItem('e2e-no-autofill') && globalThis.PublicKeyCredential)
  PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);`;

async function setAutofill(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    (off) =>
      off
        ? sessionStorage.setItem('e2e-no-autofill', '1')
        : sessionStorage.removeItem('e2e-no-autofill'),
    !on,
  );
}

const loginAlert = (page: Page) => page.locator('pep-login').locator('[role="alert"]').first();

async function fillPassword(page: Page): Promise<void> {
  await page.getByLabel('Username').fill(DELEGATE.username);
  await page.getByLabel('Password', { exact: true }).fill(DELEGATE.password);
  await page.getByRole('button', { name: 'Log In', exact: true }).click();
}

/** On Verify your account: email code (default choice), then Submit. */
async function verifyByEmail(page: Page, code: () => Promise<string>): Promise<void> {
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await page.getByRole('button', { name: 'Send Code' }).click();
  const input = page.getByRole('textbox', { name: 'Verification Code' });
  await input.waitFor();
  await input.fill(await code());
  await page.getByRole('button', { name: 'Submit' }).click();
}

/** The offer after the password sign-in: Create a passkey, then Continue. */
async function createFromOffer(page: Page, shot: (n: string) => Promise<unknown>): Promise<void> {
  await page.getByRole('heading', { name: 'Create a passkey to log in faster' }).waitFor();
  await shot('offer');
  await page.getByRole('button', { name: 'Create a passkey' }).click();
  await page.getByRole('heading', { name: 'Your passkey is ready' }).waitFor();
  await shot('offer-created');
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('passkeys in the demo (in-memory adapter)', () => {
  let demo: Demo;
  let page: Page;
  let auth: VirtualAuthenticator;
  const shot = (name: string) => demo.screenshot(`passkeys-${name}`);

  before(async () => {
    demo = await startDemo();
    page = demo.page;
    await page.addInitScript(NO_AUTOFILL_SCRIPT);
    await demo.open('#/');
    auth = await addVirtualAuthenticator(page);
    const sampleText = await page.evaluate(() => window.pepDemo.adapter.sampleText);
    await page.evaluate(
      async ({ d, typingSamples }) => {
        await window.pepDemo.adapter.admin.createDelegate({
          producer: 'demoproducer',
          ...d,
          typingSamples,
        });
      },
      { d: DELEGATE, typingSamples: samples(sampleText) },
    );
  });

  after(async () => {
    await demo?.close();
  });

  async function expectHome(): Promise<void> {
    await page.waitForURL(/#\/delegate\/home$/);
    const session = await page.evaluate(() => window.pepDemo.adapter.getSession());
    assert.equal(session?.user.username, DELEGATE.username);
  }

  async function logOut(): Promise<void> {
    await page.evaluate(() => window.pepDemo.adapter.logout());
  }

  /** Open the login page with a real page load (the init script reads the autofill switch). */
  async function openLogin(autofill: boolean): Promise<void> {
    await setAutofill(page, autofill);
    await page.goto(demo.url + '#/delegate/login');
    await page.reload();
    await page.waitForFunction(() => Boolean(window.pepDemo));
  }

  test('password + email code, then a passkey created from the offer', async () => {
    await openLogin(false);
    await page.getByRole('heading', { name: 'Log In' }).waitFor();
    await page.getByRole('button', { name: 'Log in with a passkey' }).waitFor();
    await shot('1-login');
    await fillPassword(page);
    await verifyByEmail(page, () => demo.latestCode('email'));
    await createFromOffer(page, (n) => shot(`2-${n}`));
    await expectHome();
    const held = await auth.credentials();
    assert.equal(held.length, 1, 'the authenticator holds one passkey');
    assert.equal(held[0]!.rpId, 'localhost');
    const listed = await page.evaluate(() => window.pepDemo.adapter.listPasskeys());
    assert.equal(listed.length, 1, 'the backend has it');
  });

  test('sign out, then sign in with the passkey alone (the button): no verification', async () => {
    await logOut();
    await openLogin(false);
    await page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await expectHome();
    await shot('3-passkey-home');
  });

  test('sign out, then passkey autofill signs in as the login page opens', async () => {
    await logOut();
    await openLogin(true);
    await expectHome();
  });

  test('My Information lists the passkey; deleted there, it no longer signs in; the password does', async () => {
    await page.waitForURL(/#\/delegate\/home$/);
    const home = page.locator('pep-portal-home');
    await home.getByRole('button', { name: `${DELEGATE.firstName} ${DELEGATE.lastName}` }).click();
    await home.getByRole('button', { name: 'My Information' }).click();
    const passkeys = page.locator('pep-passkeys');
    await passkeys.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await passkeys
      .getByText(/Passkey on/)
      .first()
      .waitFor();
    await shot('4-my-information');
    await passkeys
      .getByRole('button', { name: /^Delete/ })
      .first()
      .click();
    await passkeys.getByRole('button', { name: 'Delete passkey' }).click();
    await passkeys.getByText(/was deleted/).waitFor();
    const listed = await page.evaluate(() => window.pepDemo.adapter.listPasskeys());
    assert.deepEqual(listed, [], 'deleted in the backend');
    // The authenticator still holds it: signing in with it is refused, with its own message.
    await logOut();
    await openLogin(false);
    await page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await loginAlert(page).getByText('not registered for any account').waitFor();
    await shot('5-deleted-passkey');
    assert.equal(await page.evaluate(() => window.pepDemo.adapter.getSession()), null);
    // The password path still works.
    await fillPassword(page);
    await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
    assert.deepEqual(demo.errors, [], 'no console errors or CSP violations');
  });
});

describe('passkeys over the reference server (SQLite, HttpAdapter)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-passkeys-e2e-'));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let auth: VirtualAuthenticator;
  const errors: string[] = [];
  const shot = (name: string) =>
    page.screenshot({ path: `test-results/passkeys-server-${name}.png`, fullPage: true });

  before(async () => {
    const config = loadConfig({
      DEMO: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: join(dir, 'pep.sqlite'),
      SCRYPT_N: '1024',
    });
    server = await startServer(config, { log: { info: () => undefined, warn: () => undefined } });
    await server.engine.admin.createDelegate({
      producer: 'demoproducer',
      ...DELEGATE,
      typingSamples: samples(server.engine.sampleText),
    });
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium');
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(NO_AUTOFILL_SCRIPT);
    mkdirSync('test-results', { recursive: true });
    await page.goto(`http://localhost:${server.port}/#/`);
    auth = await addVirtualAuthenticator(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function sessionUser(): Promise<string | null> {
    return page.evaluate(async () => {
      const res = await fetch('/api/session', { cache: 'no-store' });
      const s = (await res.json()) as { user: { username: string } } | null;
      return s ? s.user.username : null;
    });
  }

  async function emailCode(): Promise<string> {
    await server.worker.drain();
    const mail = server
      .sink!.messages()
      .filter((m) => m.to.toLowerCase() === DELEGATE.email.toLowerCase());
    const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mail[mail.length - 1]?.text ?? '')?.[1];
    assert.ok(code, 'an emailed code');
    return code;
  }

  test('password + code → passkey from the offer → sign out → the passkey alone signs in', async () => {
    await setAutofill(page, false);
    await page.goto(`http://localhost:${server.port}/#/delegate/login`);
    await page.getByRole('heading', { name: 'Log In' }).waitFor();
    await fillPassword(page);
    await verifyByEmail(page, emailCode);
    await createFromOffer(page, shot);
    await page.waitForURL(/#\/delegate\/home$/);
    assert.equal(await sessionUser(), DELEGATE.username);
    assert.equal((await auth.credentials()).length, 1);
    const home = page.locator('pep-portal-home');
    await home.getByRole('button', { name: `${DELEGATE.firstName} ${DELEGATE.lastName}` }).click();
    await home.getByRole('button', { name: 'Log Out' }).click();
    await page.waitForURL(/#\/delegate\/login/);
    assert.equal(await sessionUser(), null);
    await page.reload(); // a real page load: the init script turns autofill off
    await page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await page.waitForURL(/#\/delegate\/home$/);
    assert.equal(await sessionUser(), DELEGATE.username);
    await shot('home');
    assert.deepEqual(errors, [], 'no console errors or CSP violations');
  });
});
