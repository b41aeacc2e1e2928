/**
 * The login journey end to end, through the demo portal (issue 5):
 * first login with typing-pattern enrollment and an email code → logout → login with an SMS code
 * and "Remember this device" → logout → login skips verification → 5 wrong passwords lock →
 * 30 minutes later (fake clock) login works → the keyboard pattern accepts the enrolled typist
 * and rejects a different rhythm.
 *
 * Typing is driven by real key events (`page.keyboard.down/up`) with the page's fake clock paused
 * and advanced between them, so the `event.timeStamp`s the element records are exactly each
 * typist's rhythm, and the test is repeatable.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.js';
import { typeWithRhythm, type Rhythm } from './typing.js';

const DELEGATE = {
  username: 'dana0001',
  password: 'Blue-Sky-Walk-42',
  email: 'dana.lee@example.com',
  mobile: '(312) 555-0101',
  firstName: 'Dana',
  lastName: 'Lee',
};

/** The enrolled typist, and a clearly different one (short holds, long pauses). */
const TYPIST_A: Rhythm = { hold: 90, flight: 180 };
const TYPIST_B: Rhythm = { hold: 30, flight: 420 };

let demo: Demo;
let page: Page;

before(async () => {
  demo = await startDemo({ fakeClock: true });
  page = demo.page;
  await demo.open('#/');
  await createDelegate();
});

after(async () => {
  await demo?.close();
});

/** Register the delegate through the adapter (the registration journey has its own e2e). */
async function createDelegate(): Promise<void> {
  // (No named helper functions inside page.evaluate: tsx would wrap them in `__name`.)
  await page.evaluate(async (d) => {
    const a = window.pepDemo.adapter;
    await a.admin.signIn('demoproducer');
    await a.addDelegate({
      username: d.username,
      email: d.email,
      firstName: d.firstName,
      lastName: d.lastName,
      mobile: d.mobile,
      states: ['IL'],
    });
    await a.logout();
  }, DELEGATE);
  const link = new URL(await demo.latestLink());
  const token = new URLSearchParams(link.hash.slice(link.hash.indexOf('?') + 1)).get('token')!;
  const flowId = await page.evaluate(
    async ({ d, token }) => {
      const a = window.pepDemo.adapter;
      await a.confirmEmail({ token });
      const flow = await a.findAccount({ username: d.username, purpose: 'create' });
      await a.sendCode({ flowId: flow.flowId, channel: 'email' });
      return flow.flowId;
    },
    { d: DELEGATE, token },
  );
  const code = await demo.latestCode('email');
  await page.evaluate(
    async ({ flowId, code, password }) => {
      const a = window.pepDemo.adapter;
      await a.verifyCode({ flowId, code });
      await a.setPassword({ flowId, password });
    },
    { flowId, code, password: DELEGATE.password },
  );
}

const pepLogin = () => page.locator('pep-login');
const alert = () => pepLogin().locator('[role="alert"]').first();

async function logIn(password = DELEGATE.password): Promise<void> {
  await page.getByLabel('Username').fill(DELEGATE.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log In', exact: true }).click();
}

async function expectHome(step: string): Promise<void> {
  await page.waitForURL(/#\/delegate\/home$/);
  const session = await page.evaluate(() => window.pepDemo.adapter.getSession());
  assert.equal(session?.user.username, DELEGATE.username, `${step}: signed in`);
  await demo.screenshot(`login-${step}-home`);
}

async function logOut(): Promise<void> {
  await page.evaluate(() => window.pepDemo.adapter.logout());
  await demo.open('#/delegate/login');
  await page.getByRole('heading', { name: 'Log In' }).waitFor();
}

/** Type the sample sentence three times in the visible typing-pattern box. */
async function typeThreeTimes(rhythm: Rhythm): Promise<void> {
  const sample = (await page.locator('[part="sample-text"]').textContent())!.trim();
  const box = page.getByRole('textbox', { name: 'Type the highlighted sentence' });
  for (let i = 0; i < 3; i++) {
    await box.focus();
    await typeWithRhythm(page, sample, rhythm, i);
    const progress = i < 2 ? `Attempt ${i + 2} of 3` : '3 of 3 attempts recorded';
    await page.locator('[part="progress"]').getByText(progress).waitFor();
  }
}

async function enterCode(channel: 'email' | 'sms', remember: boolean): Promise<void> {
  const code = await demo.latestCode(channel);
  await page.getByLabel('Verification Code').fill(code);
  if (remember)
    await page.getByRole('checkbox', { name: 'Remember this device for 30 days' }).check();
  await page.getByRole('button', { name: 'Submit' }).click();
}

test('first login: typing-pattern enrollment, then an email code', async () => {
  await demo.open('#/delegate/login');
  await page.getByRole('heading', { name: 'Log In' }).waitFor();
  await demo.screenshot('login-1-form');
  await logIn();
  await page.getByRole('heading', { name: 'Set up your keyboard typing pattern' }).waitFor();
  assert.equal(
    await page.locator('input[name="password"]').count(),
    0,
    'the password field is gone',
  );
  await demo.screenshot('login-2-enroll');
  await typeThreeTimes(TYPIST_A);
  await demo.screenshot('login-3-enroll-ready');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  const pattern = page.getByRole('radio', {
    name: 'Prompt me for personalized keyboard typing pattern',
  });
  assert.equal(await pattern.isDisabled(), true, 'pattern not offered right after enrolling');
  await page
    .getByRole('radio', {
      name: 'Send verification code in an email to the email address starting with d at a domain starting with e and ending in .com',
    })
    .check();
  await demo.screenshot('login-4-verify-options');
  await page.getByRole('button', { name: 'Send Code' }).click();
  await page.getByLabel('Verification Code').waitFor();
  await demo.screenshot('login-5-email-code');
  await enterCode('email', false);
  await expectHome('6-first');
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('pep-device:')),
  );
  assert.deepEqual(stored, [], 'nothing remembered');
});

test('second login: SMS code and "Remember this device for 30 days"', async () => {
  await logOut();
  await logIn();
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await page
    .getByRole('radio', {
      name: 'Send verification code in a SMS Text to the mobile number ending in 0 1 0 1',
    })
    .check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  await page.getByLabel('Verification Code').waitFor();
  // the tooltip explains the check box
  await page.getByRole('button', { name: 'About remembering this device' }).focus();
  await page.getByRole('tooltip').waitFor();
  await demo.screenshot('login-7-sms-code-tooltip');
  await page.keyboard.press('Escape');
  await page.getByRole('tooltip').waitFor({ state: 'hidden' });
  await enterCode('sms', true);
  await expectHome('8-sms');
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('pep-device:')),
  );
  assert.deepEqual(stored, ['pep-device:dana0001']);
});

test('third login: the remembered device skips verification', async () => {
  await logOut();
  await logIn();
  await expectHome('9-remembered');
});

test('5 wrong passwords lock the account; 30 minutes later login works', async () => {
  await logOut();
  for (let i = 1; i <= 4; i++) {
    await logIn(`Wrong-Password-${i}`);
    await alert().getByText('The username or password you entered is incorrect.').waitFor();
    await page
      .getByRole('button', { name: 'Log In', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
  }
  await logIn('Wrong-Password-5');
  await alert()
    .getByText(/locked/)
    .waitFor();
  const text = (await alert().textContent())!;
  assert.match(text, /unlock automatically at \d{1,2}:\d\d\s?[AP]M/);
  assert.match(text, /new password with Forgot Password/);
  assert.match(text, /1-888-706-0583/);
  await demo.screenshot('login-10-locked');
  // still locked with the right password
  await page
    .getByRole('button', { name: 'Log In', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  await logIn();
  await page
    .getByRole('button', { name: 'Log In', exact: true })
    .and(page.locator(':enabled'))
    .waitFor();
  assert.match((await alert().textContent())!, /locked/);
  await page.clock.fastForward('30:00');
  await logIn();
  await expectHome('11-unlocked');
});

test('keyboard pattern: rejects a different rhythm, accepts the enrolled typist', async () => {
  await logOut();
  // forget the remembered device so that verification is asked again
  await page.evaluate(() => localStorage.removeItem('pep-device:dana0001'));
  await logIn();
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  await page
    .getByRole('radio', { name: 'Prompt me for personalized keyboard typing pattern' })
    .check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Verify your account by keyboard pattern' }).waitFor();
  await demo.screenshot('login-12-pattern');
  await typeThreeTimes(TYPIST_B);
  // Remember this device comes with Submit, once the three attempts are recorded.
  await page.getByRole('checkbox', { name: 'Remember this device for 30 days' }).waitFor();
  await demo.screenshot('login-12b-pattern-ready');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText(/The typing pattern did not match\. You have 2 attempts left/).waitFor();
  await demo.screenshot('login-13-pattern-rejected');
  await typeThreeTimes(TYPIST_A);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expectHome('14-pattern-accepted');
  assert.deepEqual(demo.errors, [], 'no console errors or CSP violations');
});

test('idle timeout: a warning two minutes before, Stay logged in, then signed out with the reason', async () => {
  // Signed in on the landing page by the previous journey (the fake clock drives every timer).
  await page.waitForURL(/#\/delegate\/home$/);
  await page.clock.fastForward('28:01');
  const dialog = page.getByRole('alertdialog', { name: 'You will be logged out soon' });
  await dialog.waitFor();
  await demo.screenshot('login-15-idle-warning');
  await dialog.getByRole('button', { name: 'Stay logged in' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const session = await page.evaluate(() => window.pepDemo.adapter.getSession());
  assert.equal(session?.user.username, DELEGATE.username, 'Stay logged in kept the session');
  await page.clock.fastForward('30:01');
  await page.getByText('You were logged out because you were inactive for 30 minutes.').waitFor();
  assert.match(page.url(), /#\/delegate\/home$/, 'the host leaves the reason on screen');
  assert.equal(await page.evaluate(() => window.pepDemo.adapter.getSession()), null);
  await page
    .getByRole('link', { name: /log in/i })
    .first()
    .waitFor();
  await demo.screenshot('login-16-idle-signed-out');
  assert.deepEqual(demo.errors, [], 'no console errors or CSP violations');
});
