/**
 * The demo portal's journeys against the reference server (issue 11): `startServer` in demo
 * mode (SQLite file, scrypt at PRODUCTION cost, nodemailer → loopback SMTP sink) serves the built
 * demo (`npm run build:demo`), which talks to it through the HttpAdapter. Email codes and links
 * are read from the SMTP sink, text messages from the server's recording SMS sender.
 *
 * Registration in My Delegates → confirm the emailed link → create a password → first login
 * (typing-pattern enrollment + email code) → logout → SMS code with "Remember this device" →
 * the server restarts on the same database → the remembered device skips verification → five
 * wrong passwords lock (30 minutes later, on the server's clock, login works) → Forgot Username →
 * Forgot Password. No console error and no CSP violation on the way.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-browser.mjs';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import type { Clock } from '../../src/core/clock.js';
import type { OutboxMessage } from '../../src/adapter/types.js';
import { typeWithRhythm, type Rhythm } from './typing.js';

const DELEGATE = {
  username: 'dana0001',
  password: 'Blue-Sky-Walk-42',
  email: 'dana.lee@example.com',
  mobile: '(312) 555-0101',
  firstName: 'Dana',
  lastName: 'Lee',
};
const NEW_PASSWORD = 'Quiet-River-Stone3';

const TYPIST: Rhythm = { hold: 90, flight: 180 };

/** The server's clock: real time plus an offset the test moves (lockout expiry). */
const clock: Clock & { offset: number } = {
  offset: 0,
  now() {
    return Date.now() + this.offset;
  },
};

const dir = mkdtempSync(join(tmpdir(), 'pep-server-e2e-'));
const quiet = { info: () => undefined, warn: (l: string) => console.warn(l) };
let server: RunningServer;
let port = 0;
let browser: Browser;
let page: Page;
const errors: string[] = [];
/**
 * True while the server is deliberately stopped for the restart: a background request of the
 * page then (the login page's passkey challenge for autofill, the session check) fails to
 * connect, or is reset when the closing server drops its connection: what it should do, not an
 * error of the page.
 */
let restarting = false;

/** One sealing key for both runs: templates and queued messages still open after the restart. */
const TYPING_KEYS = (() => {
  const { kid, key } = Keyring.newKeySpec('e2e1');
  return `${kid}:${key}`;
})();

async function start(): Promise<void> {
  const config = loadConfig({
    DEMO: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_PATH: join(dir, 'pep.sqlite'),
    TYPING_KEYS,
  });
  assert.equal(config.scrypt.N, 2 ** 17, 'production scrypt cost');
  server = await startServer(config, { clock, log: quiet, shutdownGraceMs: 1000 });
  port = server.port;
}

before(async () => {
  await start();
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.clock.install();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (restarting && /net::ERR_CONNECTION_(REFUSED|RESET)/.test(msg.text())) return;
    errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  mkdirSync('test-results', { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (hash: string) => `http://localhost:${port}/${hash}`;
const shot = (name: string) =>
  page.screenshot({ path: `test-results/server-${name}.png`, fullPage: true });

async function open(hash: string): Promise<void> {
  await page.goto(url(hash));
  await page.waitForFunction(() => Boolean(window.pepDemoServer));
}

/**
 * Emails straight from the server's SMTP sink. Messages go through the outbox: drain it first,
 * so every message queued so far has reached the sink.
 */
async function emails(to: string): Promise<OutboxMessage[]> {
  await server.worker.drain();
  return server.sink!.messages().filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

async function latestEmail(to: string): Promise<OutboxMessage> {
  const list = await emails(to);
  assert.ok(list.length, `an email to ${to}`);
  return list[list.length - 1]!;
}

function codeIn(m: OutboxMessage): string {
  const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(m.text)?.[1];
  assert.ok(code, `a code in: ${m.text}`);
  return code;
}

async function latestSmsCode(to: string): Promise<string> {
  await server.worker.drain();
  const sms = server.outbox!.messages().filter((m) => m.channel === 'sms' && m.to === to);
  assert.ok(sms.length, `a text to ${to}`);
  return codeIn(sms[sms.length - 1]!);
}

async function sessionUser(): Promise<string | null> {
  return page.evaluate(async () => {
    const res = await fetch('/api/session', { cache: 'no-store' });
    const s = (await res.json()) as { user: { username: string } } | null;
    return s ? s.user.username : null;
  });
}

async function typeThreeTimes(): Promise<void> {
  const sample = (await page.locator('[part="sample-text"]').textContent())!.trim();
  const box = page.getByRole('textbox', { name: 'Type the highlighted sentence' });
  for (let i = 0; i < 3; i++) {
    await box.focus();
    await typeWithRhythm(page, sample, TYPIST, i);
    const progress = i < 2 ? `Attempt ${i + 2} of 3` : '3 of 3 attempts recorded';
    await page.locator('[part="progress"]').getByText(progress).waitFor();
  }
}

async function logIn(password: string): Promise<void> {
  await page.getByLabel('Username').fill(DELEGATE.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log In', exact: true }).click();
}

async function expectHome(): Promise<void> {
  await page.waitForURL(/#\/delegate\/home$/);
  assert.equal(await sessionUser(), DELEGATE.username);
}

async function logOut(): Promise<void> {
  const home = page.locator('pep-portal-home');
  await home.getByRole('button', { name: `${DELEGATE.firstName} ${DELEGATE.lastName}` }).click();
  await home.getByRole('button', { name: 'Log Out' }).click();
  await page.waitForURL(/#\/delegate\/login/);
  assert.equal(await sessionUser(), null);
}

const heading2 = (name: string | RegExp) => page.getByRole('heading', { name, level: 2 });
const loginAlert = () => page.locator('pep-login').locator('[role="alert"]').first();

test('the demo is served wired to the HttpAdapter, under the strict CSP', async () => {
  const res = await page.goto(url('#/'));
  assert.match(res!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.waitForFunction(() => Boolean(window.pepDemoServer));
  assert.equal(await page.evaluate(() => 'pepDemo' in window), false, 'no in-browser adapter');
  await page.getByText('This page talks to the reference server').waitFor();
});

test('registration: add a delegate, confirm the emailed link, create a password', async () => {
  await open('#/producer/delegates');
  await heading2('My Delegates').waitFor();
  await page.getByRole('button', { name: 'Add Delegate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Delegate' });
  await dialog.getByLabel('Username').fill('demoproducer');
  await dialog.getByLabel('Email').fill(DELEGATE.email);
  await dialog.getByLabel('First Name').fill(DELEGATE.firstName);
  await dialog.getByLabel('Last Name').fill(DELEGATE.lastName);
  await dialog.getByLabel('Mobile Number').fill(DELEGATE.mobile);
  await dialog.getByLabel('Illinois').check();
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  // The server answers USERNAME_TAKEN like the in-memory adapter.
  await dialog.getByText('already registered as a Producer').waitFor();
  await dialog.getByLabel('Username').fill(DELEGATE.username);
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  await heading2('Delegate was added').waitFor();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'Dana Lee', level: 3 }).waitFor();
  await page.locator('#main').getByText('Invited (no password yet)').waitFor();
  await shot('01-my-delegates');

  // The invitation arrived over SMTP; its link opens this server's demo.
  const invite = await latestEmail(DELEGATE.email);
  assert.equal(invite.subject, 'Confirm Your Email Address');
  const link = /https?:\/\/\S+/.exec(invite.text)![0];
  assert.ok(link.startsWith(`http://localhost:${port}/#/delegate/verify-email?token=`), link);
  // The Outbox panel shows it too (polled from the server).
  await page.locator('#outbox').getByText('Confirm Your Email Address').first().waitFor();

  await page.goto(link);
  await heading2('Email Verification Complete!').waitFor();
  await page.getByRole('button', { name: 'Create a Password' }).click();
  await heading2(/Find Account/).waitFor();
  await page.getByRole('button', { name: 'Find Account' }).click();
  await heading2(/Get Verification Code/).waitFor();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await heading2(/Enter Verification Code/).waitFor();
  await page.getByLabel('Verification Code').fill(codeIn(await latestEmail(DELEGATE.email)));
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading2(/Step 4 of 4/).waitFor();
  await page.getByLabel('New Password', { exact: true }).fill(DELEGATE.password);
  await page.getByLabel('Confirm New Password').fill(DELEGATE.password);
  await page.getByRole('button', { name: 'Create Password' }).click();
  // Straight to Log In (issue 23, item 13), with the confirmation.
  await page.waitForURL(/#\/delegate\/login/);
  await page
    .getByText('Your password was created. Log in with your username and new password.')
    .waitFor();
  assert.equal(
    (await latestEmail(DELEGATE.email)).subject,
    'Account Information - Update Password',
  );

  // The link works once, also on the server.
  await page.goto(link);
  await heading2('This link was already used').waitFor();
  await shot('02-link-used');
});

test('first login: typing-pattern enrollment, then an email code', async () => {
  await open('#/delegate/login');
  await logIn(DELEGATE.password);
  await page.getByRole('heading', { name: 'Set up your keyboard typing pattern' }).waitFor();
  await typeThreeTimes();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await page
    .getByRole('radio', {
      name: /^Send verification code in an email to the email address starting with d at a domain starting with e and ending in \.com$/,
    })
    .check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await page.getByLabel('Verification Code', { exact: true }).waitFor();
  await page
    .getByLabel('Verification Code', { exact: true })
    .fill(codeIn(await latestEmail(DELEGATE.email)));
  await page.getByRole('button', { name: 'Submit' }).click();
  await expectHome();
  await shot('03-home');
  // The session lives in an HttpOnly cookie: page script cannot read it.
  assert.equal(await page.evaluate(() => document.cookie.includes('pep-session')), false);
});

test('second login: SMS code and "Remember this device"; the server restarts; the device skips verification', async () => {
  await logOut();
  await logIn(DELEGATE.password);
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await page
    .getByRole('radio', {
      name: 'Send verification code in a SMS Text to the mobile number ending in 0 1 0 1',
    })
    .check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await page.getByLabel('Verification Code', { exact: true }).waitFor();
  await page
    .getByLabel('Verification Code', { exact: true })
    .fill(await latestSmsCode('+13125550101'));
  await page.getByRole('checkbox', { name: 'Remember this device for 30 days' }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expectHome();
  // The login page asks for a passkey challenge in the background (autofill): let it be
  // answered before the server stops.
  const challenge = page
    .waitForResponse((r) => r.url().includes('/passkeys/sign-in/start'), { timeout: 10_000 })
    .catch(() => null);
  await logOut();
  await challenge;

  // Restart mid-journey: a new process state on the same database file and port.
  restarting = true;
  await server.close();
  await start();
  await new Promise((resolve) => setTimeout(resolve, 500)); // refusals still being reported
  restarting = false;

  await open('#/delegate/login');
  await logIn(DELEGATE.password);
  await expectHome();
  await shot('04-remembered-after-restart');
  await logOut();
});

test('five wrong passwords lock the account; 30 minutes later (server clock) login works', async () => {
  await open('#/delegate/login');
  for (let i = 1; i <= 4; i++) {
    await logIn(`Wrong-Password-${i}`);
    await loginAlert().getByText('The username or password you entered is incorrect.').waitFor();
    await page
      .getByRole('button', { name: 'Log In', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
  }
  await logIn('Wrong-Password-5');
  await loginAlert()
    .getByText(/locked/)
    .waitFor();
  await shot('05-locked');
  await page
    .getByRole('button', { name: 'Log In', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  await logIn(DELEGATE.password);
  await page
    .getByRole('button', { name: 'Log In', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  assert.match((await loginAlert().textContent())!, /locked/);

  clock.offset += 30 * 60 * 1000;
  await page.clock.fastForward('30:00');
  await logIn(DELEGATE.password);
  await expectHome();
  await logOut();
});

test('Forgot Username emails the username; Forgot Password resets it by email code', async () => {
  await open('#/delegate/forgot-username');
  await page.getByLabel('Email', { exact: true }).fill(DELEGATE.email);
  await page.getByRole('button', { name: 'Send Email' }).click();
  await page.locator('[part="step-heading"]').filter({ hasText: 'Check Your Email' }).waitFor();
  const reminder = await latestEmail(DELEGATE.email);
  assert.equal(reminder.subject, 'Account Information - Username');
  assert.match(reminder.text, /Username: dana0001/);

  await open('#/delegate/forgot-password');
  await page.getByLabel('Username').fill(DELEGATE.username);
  await page.getByRole('button', { name: 'Find Account' }).click();
  await page
    .locator('[part="step-heading"]')
    .filter({ hasText: 'Get Verification Code' })
    .waitFor();
  await page.getByRole('radio', { name: /Send an email/ }).check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await page
    .locator('[part="step-heading"]')
    .filter({ hasText: 'Enter Verification Code' })
    .waitFor();
  await page.getByLabel('Verification Code').fill(codeIn(await latestEmail(DELEGATE.email)));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[part="step-heading"]').filter({ hasText: 'Step 4 of 4' }).waitFor();
  await page.getByLabel('New Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm New Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Update Password' }).click();
  // Straight to Log In (issue 23, item 13), with the confirmation.
  await page.waitForURL(/#\/delegate\/login/);
  await page.getByText('Your password was updated. Log in with your new password.').waitFor();

  // The old password is refused; the new one works (a new password revoked the device).
  await logIn(DELEGATE.password);
  await loginAlert().getByText('The username or password you entered is incorrect.').waitFor();
  await page
    .getByRole('button', { name: 'Log In', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  await logIn(NEW_PASSWORD);
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await shot('06-after-reset');
});

test('in Spanish: Add Delegate prefers Spanish; the invitation is Spanish; the first login enrolls on the Spanish sentence', async () => {
  const LUCIA = { username: 'lucia0001', email: 'lucia.garcia@example.com' };
  await open('#/producer/delegates');
  // Widgets follow <html lang> (docs/languages.md), as the demo's language switch sets it.
  await page.evaluate(() => (document.documentElement.lang = 'es'));
  await page.getByRole('button', { name: 'Agregar delegado' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agregar delegado' });
  await dialog.getByLabel('Nombre de usuario').fill(LUCIA.username);
  await dialog.getByLabel('Correo electrónico').fill(LUCIA.email);
  await dialog.getByLabel('Nombre', { exact: true }).fill('Lucía');
  await dialog.getByLabel('Apellido').fill('García');
  await dialog.getByLabel('Número de celular').fill('(312) 555-0102');
  await dialog.getByLabel('Illinois').check();
  assert.equal(await dialog.getByLabel('Idioma preferido').inputValue(), 'es');
  await dialog.getByRole('button', { name: 'Crear delegado' }).click();
  await heading2('Se agregó el delegado').waitFor();
  await page.getByRole('button', { name: 'Terminar' }).click();

  const invite = await latestEmail(LUCIA.email);
  assert.equal(invite.subject, 'Confirme su dirección de correo electrónico');
  assert.match(invite.text, /Nombre de usuario: lucia0001/);
  const link = /https?:\/\/\S+/.exec(invite.text)![0];

  await page.goto(link);
  await page.evaluate(() => (document.documentElement.lang = 'es'));
  await page.getByRole('button', { name: 'Crear una contraseña' }).click();
  await heading2(/Buscar cuenta/).waitFor();
  await page.getByRole('button', { name: 'Buscar cuenta' }).click();
  await heading2(/Obtener código de verificación/).waitFor();
  await page.getByRole('button', { name: 'Enviar código' }).click();
  await heading2(/Ingresar código de verificación/).waitFor();
  const codeMail = await latestEmail(LUCIA.email);
  assert.equal(codeMail.subject, 'Su código de verificación');
  await page.getByLabel('Código de verificación').fill(codeIn(codeMail));
  await page.getByRole('button', { name: 'Continuar' }).click();
  await heading2(/Paso 4 de 4/).waitFor();
  await page.getByLabel('Contraseña nueva', { exact: true }).fill(DELEGATE.password);
  await page.getByLabel('Confirmar contraseña nueva').fill(DELEGATE.password);
  await page.getByRole('button', { name: 'Crear contraseña' }).click();
  await page.waitForURL(/#\/delegate\/login/);
  assert.equal(
    (await latestEmail(LUCIA.email)).subject,
    'Información de la cuenta - Actualizar contraseña',
  );

  await page.evaluate(() => (document.documentElement.lang = 'es'));
  await page.getByLabel('Nombre de usuario').fill(LUCIA.username);
  await page.getByLabel('Contraseña', { exact: true }).fill(DELEGATE.password);
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  const sentence = page.locator('[part="sample-text"]');
  await sentence.waitFor();
  assert.equal(await sentence.getAttribute('lang'), 'es');
  assert.equal(
    (await sentence.textContent())!.trim(),
    'Hoy ayudamos a las familias a elegir su plan de salud.',
  );
  await shot('07-spanish-enrollment');
  await page.evaluate(() => (document.documentElement.lang = 'en'));
});

test('no console errors and no CSP violations', () => {
  // Chromium logs every 4xx answer as a failed resource load: those are the API's typed errors
  // (409 USERNAME_TAKEN, 410 LINK_USED, 401 INVALID_CREDENTIALS, 423 ACCOUNT_LOCKED) that the
  // journeys provoke on purpose. Anything else (a 5xx, a script error, a CSP report) fails.
  const expected = /^Failed to load resource: the server responded with a status of 4\d\d /;
  assert.deepEqual(
    errors.filter((e) => !expected.test(e)),
    [],
  );
  assert.ok(
    errors.some((e) => / 423 /.test(e)),
    'the lockout answered 423',
  );
});
