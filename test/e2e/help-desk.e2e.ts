/**
 * Issue 22 end to end, through the demo portal, as a new user would:
 *
 * 1. The Internet Help Desk (`helpdesk1`) signs in through the normal Log In and lands on the
 *    console, finds the locked `lockeddelegate`, and unlocks them with a reason; the delegate
 *    then signs in at once and sees "Unlocked by the Internet Help Desk" in Recent activity.
 * 2. The producer `demoproducer2` deactivates `activedelegate` in My Delegates; the delegate's
 *    next Log In (right password) says to contact their producer, and Forgot Password and Forgot
 *    Username show exactly what a made-up account gets and send nothing; the producer
 *    reactivates them and they sign in again.
 * 3. The Help Desk resets `lockeddelegate`'s typing pattern with a reason; their next login asks
 *    for enrollment (the sentence 3 times), as on a first login.
 * 4. Over the reference server (DEMO mode, SQLite, HttpAdapter): journey 1 again.
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
import { startDemo, type Demo } from './harness.js';
import { typeWithRhythm } from './typing.js';

const HELP_DESK = {
  username: 'helpdesk1',
  password: 'Help-Desk-Demo-2026!',
  email: 'casey.rivera@helpdesk.example',
  sms: '+13125550199',
};
const PRODUCER = {
  username: 'demoproducer2',
  password: 'Demo-Producer-2026!',
  email: 'sam.ortiz@agency.example',
  sms: '+13125550101',
};
const LOCKED = {
  username: 'lockeddelegate',
  password: 'Blue-Harbor-2026!',
  email: 'lee.locke@agency.example',
  sms: '+13125550161',
  name: 'Lee Locke',
};
const ACTIVE = {
  username: 'activedelegate',
  password: 'Green-Meadow-2026!',
  email: 'ada.active@agency.example',
  sms: '+13125550162',
  name: 'Ada Active',
};

/** One browser page on the demo, in-memory or served by the reference server. */
interface Portal {
  page: Page;
  /** Open a hash route of the demo. */
  open(hash: string): Promise<void>;
  /** The code in the newest message of `channel` to `to` (an email address or `+1…` mobile). */
  code(to: string, channel: 'email' | 'sms'): Promise<string>;
  /** How many messages the backend has sent. */
  sent(): Promise<number>;
  shot(name: string): Promise<unknown>;
}

async function logIn(p: Portal, username: string, password: string): Promise<void> {
  await p.open('#/delegate/login');
  await p.page.getByLabel('Username').fill(username);
  await p.page.getByLabel('Password', { exact: true }).fill(password);
  await p.page.getByRole('button', { name: 'Log In', exact: true }).click();
}

/**
 * On Verify your account: a code by `channel` (each person's second sign-in in a journey uses
 * the other channel: one code per channel per 30 seconds), then Submit.
 */
async function verify(
  p: Portal,
  who: { email: string; sms: string },
  channel: 'email' | 'sms' = 'email',
): Promise<void> {
  const { page } = p;
  await page.getByRole('heading', { name: 'Verify your account' }).waitFor();
  const option = channel === 'email' ? /Send verification code in an email/ : /SMS Text/;
  await page.getByRole('radio', { name: option }).check();
  await page.getByRole('button', { name: 'Send Code' }).click();
  // The textbox (the method radios' labels say "verification code" too).
  const input = page.getByRole('textbox', { name: 'Verification Code' });
  await input.waitFor();
  await input.fill(await p.code(who[channel], channel));
  await page.getByRole('button', { name: 'Submit' }).click();
}

/** A first login's typing pattern: the highlighted sentence, 3 times, then Continue. */
async function enroll(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Set up your keyboard typing pattern' }).waitFor();
  const sample = (await page.locator('[part="sample-text"]').textContent())!.trim();
  const box = page.getByRole('textbox', { name: 'Type the highlighted sentence' });
  for (let i = 0; i < 3; i++) {
    await box.focus();
    await typeWithRhythm(page, sample, { hold: 90, flight: 180 }, i);
    const progress = i < 2 ? `Attempt ${i + 2} of 3` : '3 of 3 attempts recorded';
    await page.locator('[part="progress"]').getByText(progress).waitFor();
  }
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** On the console: find `username`, open them, run `action` with `reason`; see `done`. */
async function helpDeskAction(
  page: Page,
  who: { username: string; name: string },
  action: string,
  reason: string,
  done: string,
): Promise<void> {
  const desk = page.locator('pep-delegate-admin');
  await page.getByLabel('Username, email, name or mobile number').fill(who.username);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: new RegExp(who.name) }).click();
  await page.getByRole('heading', { name: who.name }).waitFor();
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByLabel('Reason (required)').fill(reason);
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await desk.getByText(done).waitFor();
  await desk.getByText(`Reason: ${reason}`).waitFor();
}

/** The signed-in delegate's Recent activity on My Information. */
async function recentActivity(page: Page, name: string): Promise<string> {
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole('button', { name: 'My Information' }).click();
  await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
  return (await page.locator('pep-activity-log').textContent()) ?? '';
}

describe('in the demo (in-memory adapter)', () => {
  let demo: Demo;
  let page: Page;
  let p: Portal;

  before(async () => {
    demo = await startDemo();
    page = demo.page;
    p = {
      page,
      // A fresh page the first time, then the demo's own navigation (which re-renders the
      // route even when it is the current one, as a click on its link does).
      async open(hash) {
        if (page.url().startsWith(demo.url))
          await page.evaluate((h) => window.pepDemo.navigate(h), hash);
        else await demo.open(hash);
      },
      async code(to, channel) {
        const mine = (await demo.outbox()).filter((m) => m.channel === channel && m.to === to);
        const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mine[mine.length - 1]?.text ?? '')?.[1];
        assert.ok(code, `a code to ${to}`);
        return code;
      },
      sent: async () => (await demo.outbox()).length,
      shot: (name) => demo.screenshot(name),
    };
  });

  after(async () => {
    await demo?.close();
  });

  const logOut = () => page.evaluate(() => window.pepDemo.adapter.logout());
  const sessionUser = () =>
    page.evaluate(async () => (await window.pepDemo.adapter.getSession())?.user.username ?? null);

  test('the Help Desk unlocks a delegate with a reason; the delegate sees it', async () => {
    // The console's demo delegates are seeded when it is first opened.
    await demo.open('#/help-desk');
    await page.getByRole('heading', { name: 'Please log in' }).waitFor();

    await logIn(p, HELP_DESK.username, HELP_DESK.password);
    // First login of the staff member: the typing pattern, then a code.
    await enroll(page);
    await verify(p, HELP_DESK);
    await page.getByRole('heading', { name: 'Internet Help Desk: Find a Delegate' }).waitFor();
    assert.match(page.url(), /#\/help-desk$/);

    await page.getByLabel('Username, email, name or mobile number').fill('lockeddelegate');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: /Lee Locke/ }).click();
    await page.getByRole('heading', { name: 'Lee Locke' }).waitFor();
    assert.match((await page.locator('[part=details]').textContent())!, /Locked until/);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('button', { name: /^Confirm/ }).click();
    await page
      .locator('pep-delegate-admin')
      .getByText('Enter the reason for this action.')
      .waitFor();
    await page.getByLabel('Reason (required)').fill('Caller verified by phone');
    await page.getByRole('button', { name: /^Confirm/ }).click();
    const helpDesk = page.locator('pep-delegate-admin');
    await helpDesk.getByText('Lee Locke was unlocked.').waitFor();
    await helpDesk.getByText('Reason: Caller verified by phone').waitFor();
    await demo.screenshot('help-desk-unlocked');

    await logOut();
    await logIn(p, LOCKED.username, LOCKED.password);
    await verify(p, LOCKED);
    await page
      .getByRole('button', { name: /Lee Locke/ })
      .first()
      .waitFor();
    const recent = await recentActivity(page, LOCKED.name);
    await page
      .locator('pep-activity-log')
      .getByText('Unlocked by the Internet Help Desk', { exact: true })
      .waitFor();
    assert.doesNotMatch(recent, /Caller verified/, 'the reason is for the Help Desk only');
    await demo.screenshot('help-desk-recent-activity');
    assert.deepEqual(demo.errors, []);
  });

  /** The visible text of `selector`, with `secret` (a username or email) made generic. */
  async function screenText(selector: string, secret: string): Promise<string> {
    const text = await page.locator(selector).innerText();
    return text
      .split(secret)
      .join('<who>')
      .replace(/\d+:\d{2}/g, 'm:ss')
      .trim();
  }

  /** Forgot Password: Find Account → Send Code; the two screens' words. */
  async function forgotPassword(username: string): Promise<string[]> {
    const heading = page.locator('[part="step-heading"]');
    await p.open('#/delegate/forgot-password');
    await heading.filter({ hasText: 'Step 1 of 4' }).waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Find Account' }).click();
    await heading.filter({ hasText: 'Get Verification Code' }).waitFor();
    const choose = await screenText('pep-forgot-password', username);
    await page.getByRole('button', { name: 'Send Code' }).click();
    await heading.filter({ hasText: 'Enter Verification Code' }).waitFor();
    return [choose, await screenText('pep-forgot-password', username)];
  }

  /** Forgot Username: Send Email; the answer's words. */
  async function forgotUsername(email: string): Promise<string> {
    const heading = page.locator('[part="step-heading"]');
    await p.open('#/delegate/forgot-username');
    await heading.filter({ hasText: 'Forgot Username' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send Email' }).click();
    await heading.filter({ hasText: 'Check Your Email' }).waitFor();
    return screenText('pep-forgot-username', email);
  }

  /** Log In's alert after `password`. */
  async function loginAlert(username: string, password: string): Promise<string> {
    await logIn(p, username, password);
    const alert = page.locator('pep-login [role="alert"]').filter({ hasText: /\S/ }).first();
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  /** The producer signs in and opens My Delegates. */
  async function producerDelegates(first: boolean): Promise<void> {
    await logOut();
    await logIn(p, PRODUCER.username, PRODUCER.password);
    if (first) await enroll(page);
    await verify(p, PRODUCER, first ? 'email' : 'sms');
    await page.waitForURL(/#\/delegate\/home$/);
    await page.locator('#nav').getByRole('link', { name: 'My Delegates' }).click();
    await page.getByText(`Logged in as the producer ${PRODUCER.username}.`).waitFor();
  }

  async function producerControl(control: 'Deactivate' | 'Reactivate'): Promise<void> {
    const list = page.locator('pep-my-delegates');
    await list.getByRole('button', { name: `${control} ${ACTIVE.name}` }).click();
    const confirm = list.locator('[part="confirm"]');
    await confirm.getByText(`${control} ${ACTIVE.name}?`).waitFor();
    await confirm.getByRole('button', { name: control, exact: true }).click();
    await list.getByText(`${ACTIVE.name} was ${control.toLowerCase()}d.`).waitFor();
  }

  test('the producer deactivates a delegate: no sign-in, no code, no hint; reactivated, they sign in', async () => {
    // The demo delegates (of demoproducer2) are seeded when the console is first opened.
    await p.open('#/help-desk');
    await page.locator('pep-delegate-admin').waitFor();
    await producerDelegates(true);
    const item = page.locator('pep-my-delegates [part="delegate"]').filter({
      hasText: ACTIVE.username,
    });
    await item.waitFor();
    await producerControl('Deactivate');
    await item.getByText('Deactivated', { exact: true }).waitFor();
    await demo.screenshot('help-desk-producer-deactivated');
    await logOut();

    const sent = await p.sent();
    // Log In with the right password: deactivated, contact the producer; no session.
    const said = await loginAlert(ACTIVE.username, ACTIVE.password);
    assert.equal(
      said,
      'This account has been deactivated. Contact your producer to have it reactivated.',
    );
    assert.equal(await sessionUser(), null);
    await demo.screenshot('help-desk-deactivated-login');
    // A wrong password gets what a made-up username gets.
    assert.equal(
      await loginAlert(ACTIVE.username, 'Wrong-Pass-000'),
      await loginAlert('nosuchdelegate9', 'Wrong-Pass-000'),
    );

    // Forgot Password and Forgot Username: the same screens as a made-up account, nothing sent.
    const deactivatedReset = await forgotPassword(ACTIVE.username);
    await demo.screenshot('help-desk-deactivated-forgot-password');
    assert.deepEqual(deactivatedReset, await forgotPassword('nosuchdelegate9'));
    const deactivatedName = await forgotUsername(ACTIVE.email);
    await demo.screenshot('help-desk-deactivated-forgot-username');
    assert.equal(deactivatedName, await forgotUsername('nobody.here@example.com'));
    assert.equal(await p.sent(), sent, 'no code, no email, no text');

    // Reactivated by the producer, the delegate signs in.
    await producerDelegates(false);
    await producerControl('Reactivate');
    await item.getByText('Active', { exact: true }).waitFor();
    await logOut();
    await logIn(p, ACTIVE.username, ACTIVE.password);
    await verify(p, ACTIVE);
    await page.waitForURL(/#\/delegate\/home$/);
    assert.equal(await sessionUser(), ACTIVE.username);
    await demo.screenshot('help-desk-reactivated-home');
    assert.deepEqual(demo.errors, []);
  });

  test('the Help Desk resets a typing pattern; the next login enrolls again', async () => {
    await logOut();
    await logIn(p, HELP_DESK.username, HELP_DESK.password);
    await verify(p, HELP_DESK, 'sms');
    await page.getByRole('heading', { name: 'Internet Help Desk: Find a Delegate' }).waitFor();
    await helpDeskAction(
      page,
      LOCKED,
      'Reset typing pattern',
      'Cannot type the sentence after a wrist injury',
      `The typing pattern of ${LOCKED.name} was reset.`,
    );
    await demo.screenshot('help-desk-pattern-reset');
    await logOut();

    // Before the reset this delegate went straight to Verify your account.
    await logIn(p, LOCKED.username, LOCKED.password);
    await enroll(page);
    await demo.screenshot('help-desk-pattern-enrolled');
    await verify(p, LOCKED, 'sms');
    await page.waitForURL(/#\/delegate\/home$/);
    assert.equal(await sessionUser(), LOCKED.username);
    assert.deepEqual(demo.errors, []);
  });
});

describe('over the reference server (SQLite, HttpAdapter)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-help-desk-e2e-'));
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];

  before(async () => {
    const config = loadConfig({
      DEMO: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_PATH: join(dir, 'pep.sqlite'),
      SCRYPT_N: '1024',
    });
    server = await startServer(config, { log: { info: () => undefined, warn: () => undefined } });
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium');
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    mkdirSync('test-results', { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A person at their own browser (own cookies) on the server's demo page. */
  async function person(): Promise<Portal> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    const base = `http://localhost:${server.port}/`;
    return {
      page,
      async open(hash) {
        await page.goto(base + hash);
      },
      async code(to, channel) {
        assert.equal(channel, 'email');
        await server.worker.drain();
        const mail = server.sink!.messages().filter((m) => m.to.toLowerCase() === to);
        const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mail[mail.length - 1]?.text ?? '')?.[1];
        assert.ok(code, `an emailed code to ${to}`);
        return code;
      },
      sent: async () => server.sink!.messages().length,
      shot: (name) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true }),
    };
  }

  test('the Help Desk unlocks a delegate with a reason; the delegate signs in at once and sees it', async () => {
    const desk = await person();
    await desk.open('#/help-desk');
    await desk.page.getByRole('heading', { name: 'Please log in' }).waitFor();
    await logIn(desk, HELP_DESK.username, HELP_DESK.password);
    await enroll(desk.page);
    await verify(desk, HELP_DESK);
    await desk.page.getByRole('heading', { name: 'Internet Help Desk: Find a Delegate' }).waitFor();
    await helpDeskAction(
      desk.page,
      LOCKED,
      'Unlock',
      'Caller verified by phone',
      `${LOCKED.name} was unlocked.`,
    );
    await desk.shot('help-desk-server-unlocked');

    const delegate = await person();
    await logIn(delegate, LOCKED.username, LOCKED.password);
    await verify(delegate, LOCKED);
    await delegate.page.waitForURL(/#\/delegate\/home$/);
    const recent = await recentActivity(delegate.page, LOCKED.name);
    await delegate.page
      .locator('pep-activity-log')
      .getByText('Unlocked by the Internet Help Desk', { exact: true })
      .waitFor();
    assert.doesNotMatch(recent, /Caller verified/, 'the reason is for the Help Desk only');
    await delegate.shot('help-desk-server-recent-activity');
    assert.deepEqual(errors, [], 'no console errors or CSP violations');
  });
});
