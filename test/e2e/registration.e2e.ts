/**
 * The registration journey end to end, through the demo portal (issue 4): the demo producer adds
 * a delegate in My Delegates (modal dialog), the delegate opens the *Confirm Your Email Address*
 * link from the outbox, then creates a password with the code from the outbox. A screenshot of
 * every step goes to test-results/registration-*.png.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.js';

const DELEGATE = {
  username: 'robin0042',
  email: 'robin.hale@example.com',
  firstName: 'Robin',
  lastName: 'Hale',
  mobile: '312.555.0142',
};
const PASSWORD = 'Maple-Leaf-Road-7';

let demo: Demo;
let page: Page;

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 2 });

before(async () => {
  demo = await startDemo();
  page = demo.page;
});

after(async () => {
  await demo?.close();
});

test('a producer adds a delegate who confirms the email and creates a password', async () => {
  // My Delegates, empty.
  await demo.open('#/producer/delegates');
  await heading('My Delegates').waitFor();
  await page.getByText('You have not added any delegates yet').waitFor();
  await demo.screenshot('registration-01-my-delegates-empty');

  // Add Delegate opens the modal dialog.
  await page.getByRole('button', { name: 'Add Delegate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Delegate' });
  await dialog.waitFor();
  await demo.screenshot('registration-02-add-delegate');

  // Submitting empty shows every field error and focuses Username.
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  await dialog.getByText('Enter a username.').waitFor();
  assert.equal(
    await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.id;
    }),
    'username',
  );
  await demo.screenshot('registration-03-add-delegate-errors');

  // The producer's own username is taken.
  await dialog.getByLabel('Username').fill('demoproducer');
  await dialog.getByLabel('Email').fill(DELEGATE.email);
  await dialog.getByLabel('First Name').fill(DELEGATE.firstName);
  await dialog.getByLabel('Last Name').fill(DELEGATE.lastName);
  await dialog.getByLabel('Mobile Number').fill(DELEGATE.mobile);
  await dialog.getByLabel('Illinois').check();
  await dialog.getByLabel('Texas').check();
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  await dialog.getByText('already registered as a Producer').waitFor();
  await demo.screenshot('registration-04-username-taken');

  await dialog.getByLabel('Username').fill(DELEGATE.username);
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  await heading('Delegate was added').waitFor();
  await demo.screenshot('registration-05-delegate-added');

  // Finish closes the dialog and refreshes the list.
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'Robin Hale', level: 3 }).waitFor();
  assert.equal(await dialog.isVisible(), false);
  await page.locator('#main').getByText('Invited (no password yet)').waitFor();
  await demo.screenshot('registration-06-my-delegates-list');

  // The email: username + Confirm Your Email Address link on this origin.
  const mail = await demo.latestMessage('email');
  assert.equal(mail.to, DELEGATE.email);
  assert.match(mail.text, new RegExp(DELEGATE.username));
  const link = await demo.latestLink();
  assert.ok(link.startsWith(`${demo.url}#/delegate/verify-email?token=`), link);

  await page.goto(link);
  await heading('Email Verification Complete!').waitFor();
  await demo.screenshot('registration-07-email-verified');

  await page.getByRole('button', { name: 'Create a Password' }).click();
  await heading(/Find Account/).waitFor();
  assert.equal(await page.getByLabel('Username').inputValue(), DELEGATE.username);
  await demo.screenshot('registration-08-find-account');
  await page.getByRole('button', { name: 'Find Account' }).click();

  await heading(/Get Verification Code/).waitFor();
  await page.getByText('Send an email to r•••@e•••.com').waitFor();
  await page.getByText('Send me a text message to •••-•••-0142').waitFor();
  await demo.screenshot('registration-09-choose-channel');
  await page.getByRole('button', { name: 'Send Code' }).click();

  await heading(/Enter Verification Code/).waitFor();
  await page.getByLabel('Verification Code').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('That code is incorrect. You have 4 attempts left.').waitFor();
  await demo.screenshot('registration-10-wrong-code');

  const code = await demo.latestCode('email');
  await page
    .getByLabel('Verification Code')
    .fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
  assert.equal(await page.getByLabel('Verification Code').inputValue(), code);
  await page.getByRole('button', { name: 'Continue' }).click();

  await heading(/Step 4 of 4/).waitFor();
  await page.getByLabel('New Password', { exact: true }).fill('robin0042');
  await demo.screenshot('registration-11-password-checklist-partial');
  await page.getByLabel('New Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm New Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Show password' }).first().click();
  await demo.screenshot('registration-12-password-ready');
  await page.getByRole('button', { name: 'Create Password' }).click();

  // As in the guide: straight on to Log In, which confirms it (no extra page and click).
  await page.waitForURL(/#\/delegate\/login\?notice=password-created$/);
  await page.getByText('Your password was created. Log in with your username').waitFor();
  await demo.screenshot('registration-13-password-created');
  const confirmation = await demo.latestMessage('email');
  assert.equal(confirmation.subject, 'Account Information - Update Password');

  // The link works once; its page is no dead end: Go to Log In, Forgot Password, and Create a
  // Password (Find Account) for a delegate who has not created one yet.
  await page.goto(link);
  await heading('This link was already used').waitFor();
  await page.locator('#main').getByText('1-888-706-0583').waitFor();
  const used = page.locator('pep-verify-email');
  assert.equal(
    await used.getByRole('link', { name: 'Go to Log In' }).getAttribute('href'),
    '#/delegate/login',
  );
  assert.equal(
    await used.getByRole('link', { name: 'Forgot Password' }).getAttribute('href'),
    '#/delegate/forgot-password',
  );
  await demo.screenshot('registration-14-link-used');
  await used.getByRole('button', { name: 'Create a Password' }).click();
  await heading(/Find Account/).waitFor();

  // My Delegates now shows the delegate as active.
  await demo.open('#/producer/delegates');
  await page.locator('#main').getByText('Active', { exact: true }).waitFor();

  await demo.screenshot('registration-15-my-delegates-active');

  // Dark colour scheme: the same widgets follow prefers-color-scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Add Delegate' }).click();
  await dialog.getByRole('button', { name: 'Create Delegate' }).click();
  await dialog.getByText('Enter a username.').waitFor();
  await demo.screenshot('registration-16-add-delegate-dark');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  assert.deepEqual(demo.errors, []);
});
