// `npm run test:examples`: builds the React and Vue examples with Vite (against the built
// package in dist/, so run `npm run build` first — the npm script does), serves the repository
// on a free loopback port, and drives each example in headless Chromium (playwright-core, the
// machine's Chromium, never a downloaded one):
//   1. the page renders <pep-login> (heading and labelled fields) with the host's `messages`
//      property applied (objects must be bound as properties, not attributes);
//   2. a wrong password shows the INVALID_CREDENTIALS message in the role="alert" region;
//   3. the seeded delegate logs in, picks the email code, reads it from the page's outbox,
//      submits it, and the HOST receives `pep-authenticated` (its listener writes the
//      username from `event.detail.session` into #status).
// Then it checks that the React and Vue bundles hold only the elements those apps import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { findChromium, CHROMIUM_ARGS } from '../scripts/find-browser.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const DELEGATE = { username: 'dana0001', password: 'Blue-Sky-Walk-42' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

let server;
let baseUrl;
let browser;

before(async () => {
  if (!existsSync(join(root, 'dist/cdn/pep-auth-elements.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  for (const name of ['react', 'vue']) {
    await build({ configFile: join(root, `examples/${name}/vite.config.mjs`), logLevel: 'warn' });
  }
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || file.includes('node_modules')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** The whole smoke journey on one example page; `styled` checks the page's theme first. */
async function smoke(path, styled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(baseUrl + path);
    const login = page.locator('pep-login');

    // 1. Rendered: heading, labelled fields, submit.
    await login.getByRole('heading', { name: 'Log In' }).waitFor();
    const username = login.getByLabel('Username');
    const password = login.getByLabel('Password', { exact: true });
    // The host's `messages` property (an object, so a property binding) reached the element.
    await login.getByText('Forgot your username?').waitFor();
    if (styled) await styled(login);
    await username.fill(DELEGATE.username);

    // 2. Wrong credentials: the generic message, in the alert region.
    await password.fill('not-the-password-1');
    await login.getByRole('button', { name: 'Log In' }).click();
    await login
      .getByRole('alert')
      .getByText('The username or password you entered is incorrect.')
      .waitFor();
    assert.equal(await username.inputValue(), DELEGATE.username, 'the username is kept');

    // 3. The seeded delegate logs in and verifies with the emailed code.
    await password.fill(DELEGATE.password);
    await login.getByRole('button', { name: 'Log In' }).click();
    await login.getByRole('heading', { name: 'Verify your account' }).waitFor();
    assert.match(await page.locator('#status').textContent(), /Step: verify/, 'host saw the step');
    await login.getByRole('radio', { name: /^Send verification code in an email/ }).check();
    await login.getByRole('button', { name: 'Send Code' }).click();
    await login.getByLabel('Verification Code').waitFor();
    const mail = await page.locator('#outbox li').first().textContent();
    const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mail)?.[1];
    assert.ok(code, `a code in the outbox: ${mail}`);
    await login.getByLabel('Verification Code').fill(code);
    await login.getByRole('button', { name: 'Submit' }).click();
    await page.locator('#status').getByText(`Signed in as ${DELEGATE.username}`).waitFor();

    assert.deepEqual(errors, [], 'no page errors');
  } catch (error) {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    const shot = join(root, `test-results/example-${path.split('/')[1]}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    throw Object.assign(error, { message: `${error.message}\n(screenshot: ${shot})` });
  } finally {
    await context.close();
  }
}

const css = (locator, property) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

test('plain HTML with the CDN bundle (and themes/high-contrast.css linked)', () =>
  smoke('examples/html/index.html', async (login) => {
    const input = login.getByLabel('Username');
    assert.equal(await css(input, 'border-top-width'), '2px', 'the theme file applies');
    assert.equal(await css(login, 'color'), 'rgb(0, 0, 0)', 'the theme file applies');
    const submit = login.getByRole('button', { name: 'Log In' });
    // The page's own --pep-color-primary (#1f5f8b) wins over the theme's.
    assert.equal(await css(submit, 'background-color'), 'rgb(31, 95, 139)');
  }));
test('React 19 (properties and events on custom elements, no wrapper)', () =>
  smoke('examples/react/dist/index.html'));
test('Vue 3 (isCustomElement, :prop and @event bindings; themes/compact.css imported)', () =>
  smoke('examples/vue/dist/index.html', async (login) => {
    const input = login.getByLabel('Username');
    assert.equal(await css(input, 'height'), '36px', 'the bundled theme file applies');
  }));

// The React and Vue apps import two tags and a few named exports: their bundles (built by Vite
// through package.json `exports`, honouring `sideEffects`) must not contain the other elements.
test('app bundles carry only the elements they import (exports + sideEffects)', async () => {
  const unused = [
    'pep-add-delegate',
    'pep-create-password',
    'pep-my-delegates',
    'pep-portal-home',
    'pep-report-issue',
    'pep-verify-email',
  ];
  for (const name of ['react', 'vue']) {
    const dir = join(root, `examples/${name}/dist/assets`);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
    const code = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    assert.match(code, /["'`]pep-login["'`]/, `${name}: <pep-login> is in the bundle`);
    for (const tag of unused) {
      assert.doesNotMatch(code, new RegExp(`["'\`]${tag}["'\`]`), `${name}: no <${tag}>`);
    }
  }
});
