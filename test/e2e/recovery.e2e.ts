/**
 * The recovery journey end to end, through the demo portal (issue 6): recover a username by
 * email (and an unknown address gets the same answer and no email); reset a password by SMS
 * code, including a wrong code and a refused reuse of a previous password; unlock a locked
 * account by resetting its password.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.js';

interface Delegate {
  username: string;
  password: string;
  email: string;
  mobile: string;
  firstName: string;
  lastName: string;
  /** Channel used to create the password (the reset later uses the other, so no throttle). */
  createBy: 'email' | 'sms';
}

const RESETTER: Delegate = {
  username: 'rita0001',
  password: 'Blue-Ocean-Wave7',
  email: 'rita.reset@example.com',
  mobile: '(312) 555-0111',
  firstName: 'Rita',
  lastName: 'Reyes',
  createBy: 'email',
};
const LOCKED: Delegate = {
  username: 'luke0001',
  password: 'Green-Hill-Road8',
  email: 'luke.locked@example.com',
  mobile: '(312) 555-0122',
  firstName: 'Luke',
  lastName: 'Lamb',
  createBy: 'sms',
};

let demo: Demo;
let page: Page;

before(async () => {
  demo = await startDemo();
  page = demo.page;
  await demo.open('#/');
  for (const d of [RESETTER, LOCKED]) await createDelegate(d);
});

after(async () => {
  await demo?.close();
});

/** Register a delegate through the adapter (the registration journey has its own e2e). */
async function createDelegate(d: Delegate): Promise<void> {
  // No named functions inside evaluate(): tsx would wrap them in a helper the page lacks.
  await page.evaluate(async (d) => {
    const a = window.pepDemo.adapter;
    await a.admin.signIn('demoproducer');
    await a.addDelegate({
      username: d.username,
      email: d.email,
      firstName: d.firstName,
      lastName: d.lastName,
      mobile: d.mobile,
      states: ['IL', 'TX'],
    });
    await a.logout();
    const token = /[?&]token=([A-Za-z0-9_%-]+)/.exec(a.outbox[a.outbox.length - 1]!.text)![1]!;
    await a.confirmEmail({ token: decodeURIComponent(token) });
    const flow = await a.findAccount({ username: d.username, purpose: 'create' });
    await a.sendCode({ flowId: flow.flowId, channel: d.createBy });
    const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(a.outbox[a.outbox.length - 1]!.text)![1]!;
    await a.verifyCode({ flowId: flow.flowId, code });
    await a.setPassword({ flowId: flow.flowId, password: d.password });
  }, d);
}

/** What the adapter says to a login attempt: 'ok' (password accepted) or the error code. */
function tryLogin(username: string, password: string): Promise<string> {
  return page.evaluate(
    async ({ username, password }) => {
      try {
        const r = await window.pepDemo.adapter.login({ username, password });
        if (r.status === 'authenticated') await window.pepDemo.adapter.logout();
        return 'ok';
      } catch (e) {
        return (e as { code?: string }).code ?? String(e);
      }
    },
    { username, password },
  );
}

/** Show a route afresh (the demo re-renders even when the hash is already that route). */
async function go(hash: string): Promise<void> {
  await page.evaluate((h) => window.pepDemo.navigate(h), hash);
}

const heading = () => page.locator('[part="step-heading"]');

test('recover a username by email; an unknown email gets the same words and no email', async () => {
  await demo.open('#/delegate/forgot-username');
  await heading().filter({ hasText: 'Forgot Username' }).waitFor();
  await demo.screenshot('recovery-01-forgot-username');
  await page.getByLabel('Email', { exact: true }).fill(RESETTER.email);
  await page.getByRole('button', { name: 'Send Email' }).click();
  await heading().filter({ hasText: 'Check Your Email' }).waitFor();
  const known = (await page.locator('[part="confirmation"]').innerText()).trim();
  assert.equal(
    known,
    `If an account exists for ${RESETTER.email}, we sent an email to that address with your username.`,
  );
  const mail = await demo.latestMessage('email');
  assert.equal(mail.to, RESETTER.email);
  assert.equal(mail.subject, 'Account Information - Username');
  assert.match(mail.text, new RegExp(`Username: ${RESETTER.username}`));
  // Resend Email waits for the throttle and says so.
  const resend = page.getByRole('button', { name: 'Resend Email' });
  assert.equal(await resend.getAttribute('aria-disabled'), 'true');
  assert.match(
    await page.locator('[part="countdown"]').innerText(),
    /resend the email in 0:[0-9]{2}/,
  );
  await page.getByText('1-888-706-0583').first().waitFor();
  await page.getByText('producer who added you').first().waitFor();
  await demo.screenshot('recovery-02-username-sent');

  const before = (await demo.outbox()).length;
  await page.getByRole('button', { name: 'Use a different email address' }).click();
  await heading().filter({ hasText: 'Forgot Username' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill('nobody.here@example.com');
  await page.getByRole('button', { name: 'Send Email' }).click();
  await heading().filter({ hasText: 'Check Your Email' }).waitFor();
  const unknown = (await page.locator('[part="confirmation"]').innerText()).trim();
  assert.equal(unknown, known.replace(RESETTER.email, 'nobody.here@example.com'));
  assert.equal((await demo.outbox()).length, before, 'nothing is sent for an unknown email');
  await page.getByRole('link', { name: 'Back to Log In' }).click();
  await page.waitForURL(/#\/delegate\/login$/);
});

test('reset a password by SMS code, with a wrong code and a refused reuse', async () => {
  const NEW_PASSWORD = 'Quiet-River-Stone3';
  await go('#/delegate/forgot-password');
  await heading().filter({ hasText: 'Step 1 of 4' }).waitFor();
  await page.getByLabel('Username').fill(RESETTER.username);
  await page.getByRole('button', { name: 'Find Account' }).click();
  await heading().filter({ hasText: 'Get Verification Code' }).waitFor();
  await page.getByRole('radio', { name: /Send me a text message/ }).check();
  await demo.screenshot('recovery-03-choose-method');
  await page.getByRole('button', { name: 'Send Code' }).click();
  await heading().filter({ hasText: 'Enter Verification Code' }).waitFor();
  const sms = await demo.latestMessage('sms');
  assert.equal(sms.to, '+13125550111');
  const code = await demo.latestCode('sms');

  const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
  await page.getByLabel('Verification Code').fill(wrong);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[role="alert"]').filter({ hasText: 'That code is incorrect' }).waitFor();
  await demo.screenshot('recovery-04-wrong-code');
  await page.getByLabel('Verification Code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading().filter({ hasText: 'Step 4 of 4' }).waitFor();

  await page.getByLabel('New Password', { exact: true }).fill(RESETTER.password);
  await page.getByLabel('Confirm New Password').fill(RESETTER.password);
  await page.getByRole('button', { name: 'Update Password' }).click();
  await page
    .locator('[role="alert"]')
    .filter({ hasText: 'not one of your last 10 passwords' })
    .waitFor();
  await demo.screenshot('recovery-05-password-reused');

  await page.getByLabel('New Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm New Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Update Password' }).click();
  // As in the guide: straight on to Log In, which says it (no extra page and click).
  await page.waitForURL(/#\/delegate\/login\?notice=password-updated$/);
  await page.getByText('Your password was updated. Log in with your new password.').waitFor();
  await demo.screenshot('recovery-06-password-updated');
  const mail = await demo.latestMessage('email');
  assert.equal(mail.subject, 'Account Information - Update Password');
  assert.equal(mail.to, RESETTER.email);
  assert.equal(await tryLogin(RESETTER.username, RESETTER.password), 'INVALID_CREDENTIALS');
  assert.equal(await tryLogin(RESETTER.username, NEW_PASSWORD), 'ok');
});

test('Back to Log In from Forgot Password does not say the password was updated', async () => {
  await go('#/delegate/forgot-password');
  await heading().filter({ hasText: 'Step 1 of 4' }).waitFor();
  await page.getByRole('link', { name: 'Back to Log In' }).click();
  await page.waitForURL(/#\/delegate\/login$/);
  await page.getByRole('button', { name: 'Log In', exact: true }).waitFor();
  assert.equal(await page.getByText('Your password was updated').count(), 0);
});

test('an unknown username goes through the same screens and nothing is sent', async () => {
  const before = (await demo.outbox()).length;
  await go('#/delegate/forgot-password');
  await page.getByLabel('Username').fill('nosuchuser9');
  await page.getByRole('button', { name: 'Find Account' }).click();
  await heading().filter({ hasText: 'Get Verification Code' }).waitFor();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await heading().filter({ hasText: 'Enter Verification Code' }).waitFor();
  assert.equal((await demo.outbox()).length, before);
});

test('unlock a locked account by resetting its password', async () => {
  const NEW_PASSWORD = 'Amber-Field-Moon5';
  for (let i = 0; i < 5; i++) await tryLogin(LOCKED.username, 'Wrong-Pass-000');
  assert.equal(await tryLogin(LOCKED.username, LOCKED.password), 'ACCOUNT_LOCKED');

  await go('#/delegate/forgot-password');
  await page.getByLabel('Username').fill(LOCKED.username);
  await page.getByRole('button', { name: 'Find Account' }).click();
  await page.getByRole('radio', { name: /Send an email/ }).check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await heading().filter({ hasText: 'Enter Verification Code' }).waitFor();
  await page.getByLabel('Verification Code').fill(await demo.latestCode('email'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading().filter({ hasText: 'Step 4 of 4' }).waitFor();
  await page.getByLabel('New Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm New Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Update Password' }).click();
  await page.waitForURL(/#\/delegate\/login\?notice=password-updated$/);

  assert.equal(await tryLogin(LOCKED.username, NEW_PASSWORD), 'ok');
  assert.deepEqual(demo.errors, []);
});
