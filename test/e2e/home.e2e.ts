/**
 * The signed-in delegate end to end, through the demo portal (issue 7): without a session the
 * landing page sends you to login; signed in, the landing page shows the session's name; My
 * Information and My Hierarchy show the profile and the producer; the enrollment SSOs are
 * explained, not linked; an issue report with a screenshot gets a ticket; logout ends it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.js';

const DELEGATE = {
  username: 'hana0001',
  password: 'Silver-Lake-Dawn4',
  email: 'hana.home@example.com',
  mobile: '(312) 555-0133',
  firstName: 'Hana',
  lastName: 'Holt',
};

let demo: Demo;
let page: Page;

before(async () => {
  demo = await startDemo();
  page = demo.page;
  await demo.open('#/');
});

after(async () => {
  await demo?.close();
});

/** A real PNG of `w`×`h` pixels (a blue and yellow gradient), built in memory. */
function makePng(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) {
      const i = row + 1 + x * 3;
      raw[i] = Math.round((255 * x) / w);
      raw[i + 1] = Math.round((200 * y) / h);
      raw[i + 2] = 200;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => window.pepDemo.navigate(h), hash);
}

test('without a session the landing page redirects to login', async () => {
  await go('#/delegate/home');
  await page.waitForURL(/#\/delegate\/login$/);
  await go('#/delegate/report-issue');
  await page.waitForURL(/#\/delegate\/login$/);
});

test('sign in, landing page, My Information, My Hierarchy, Quote & Enroll', async () => {
  // Register the delegate through the adapter (registration and login have their own e2e),
  // then start the delegate's session as a host would after its login. No named functions in
  // evaluate(): tsx would wrap them in a helper the page lacks.
  await page.evaluate(async (d) => {
    const a = window.pepDemo.adapter;
    await a.admin.signIn('demoproducer');
    await a.addDelegate({ ...d, states: ['IL', 'TX'] });
    await a.logout();
    const token = /[?&]token=([A-Za-z0-9_%-]+)/.exec(a.outbox[a.outbox.length - 1]!.text)![1]!;
    await a.confirmEmail({ token: decodeURIComponent(token) });
    const flow = await a.findAccount({ username: d.username, purpose: 'create' });
    await a.sendCode({ flowId: flow.flowId, channel: 'email' });
    const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(a.outbox[a.outbox.length - 1]!.text)![1]!;
    await a.verifyCode({ flowId: flow.flowId, code });
    await a.setPassword({ flowId: flow.flowId, password: d.password });
    await a.admin.signIn(d.username);
  }, DELEGATE);

  await go('#/delegate/home');
  const home = page.locator('pep-portal-home');
  await home.getByRole('heading', { name: 'Welcome to Producer Experience Portal' }).waitFor();
  const menuButton = home.getByRole('button', { name: 'Hana Holt' });
  await menuButton.waitFor();
  assert.equal(
    await home.locator('[part="portal-name"]').innerText(),
    'Producer Experience Portal',
  );
  await home.getByRole('heading', { name: 'Need help?' }).waitFor();
  await home.getByRole('heading', { name: 'Quick Links' }).waitFor();
  await home.getByRole('heading', { name: 'Individual & Family ACA Resources' }).waitFor();
  await home.getByRole('heading', { name: 'Medicare Resources' }).waitFor();
  // Delegates: the SSOs are explained, never linked.
  assert.equal(await home.getByRole('link', { name: 'On-Exchange Enrollment' }).count(), 0);
  assert.equal(await home.locator('[part="unavailable"]').count(), 2);
  await home
    .getByText('Delegate users will not be able to Single Sign On (SSO) into Medicare')
    .waitFor();
  await home.getByRole('link', { name: /Off-Exchange Quote & Enroll/ }).waitFor();
  await demo.screenshot('home-01-landing');

  await menuButton.click();
  assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
  await home.getByRole('button', { name: 'My Information' }).click();
  await home.getByRole('heading', { name: 'My Information' }).waitFor();
  const profile = await home.locator('[part="profile"]').innerText();
  assert.match(profile, /hana0001/);
  assert.match(profile, /hana\.home@example\.com/);
  assert.match(profile, /\(312\) 555-0133/);
  assert.match(profile, /Illinois, Texas/);
  await demo.screenshot('home-02-my-information');

  await home.getByRole('button', { name: 'My Hierarchy' }).click();
  await home.getByRole('heading', { name: 'My Hierarchy', level: 1 }).waitFor();
  const producer = await home.locator('[part="producer"]').innerText();
  assert.match(producer, /Pat Morgan/);
  assert.match(producer, /P-100200/);
  assert.deepEqual(
    await home
      .locator('[part="states"] li')
      .evaluateAll((lis) => lis.map((li) => li.textContent?.trim())),
    ['Illinois (IL)', 'Texas (TX)'],
  );
  await demo.screenshot('home-03-my-hierarchy');

  await home.getByRole('button', { name: 'Quote & Enroll' }).click();
  await home.getByRole('link', { name: /Create a Quote/ }).waitFor();
  assert.equal(await home.locator('[part="unavailable"]').count(), 2);
});

test('report an issue: bad input keeps what was typed; a screenshot is attached; ticket shown', async () => {
  await go('#/delegate/home');
  await page.locator('pep-portal-home').getByRole('link', { name: 'Report an Issue' }).click();
  await page.waitForURL(/#\/delegate\/report-issue$/);
  const form = page.locator('pep-report-issue');
  await form.getByRole('heading', { name: 'Report an Issue' }).waitFor();
  assert.equal(await form.getByLabel('Agent Name').inputValue(), 'Pat Morgan');
  assert.equal(await form.getByLabel('Producer ID').inputValue(), 'P-100200');
  assert.match(
    await form.getByLabel('Date/Time issue was observed').inputValue(),
    /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
  );

  // Missing description: a field error, the rest kept.
  await form
    .getByLabel('Steps taken prior to receiving the error')
    .fill('Opened Quote, chose Texas.');
  await form.getByRole('button', { name: 'Submit' }).click();
  await form.getByText('Describe the issue or the error message.').waitFor();
  assert.equal(
    await form.getByLabel('Steps taken prior to receiving the error').inputValue(),
    'Opened Quote, chose Texas.',
  );
  // Wrong file type: refused at the field.
  await form.getByLabel('Screenshot').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not an image'),
  });
  await form.getByText('The screenshot must be an image file').waitFor();
  await demo.screenshot('home-04-report-errors');

  await form
    .getByLabel('Detailed Description of Issue/Error Message')
    .fill('Quote page shows "Error 500".');
  await form.getByLabel('Client/Contact Name').fill('Chris Client');
  await form.getByLabel('Product Type').selectOption('ACA Medical');
  await form.getByLabel('State', { exact: false }).last().selectOption('TX');
  const png = makePng(160, 90);
  await form
    .getByLabel('Screenshot')
    .setInputFiles({ name: 'quote-error.png', mimeType: 'image/png', buffer: png });
  await form.getByRole('img', { name: 'Preview of quote-error.png' }).waitFor();
  await demo.screenshot('home-05-report-filled');
  await form.getByRole('button', { name: 'Submit' }).click();
  await form.getByRole('heading', { name: 'Issue Reported' }).waitFor();
  const ticket = /PEP-[2-9A-HJKMNP-Z]{8}/.exec(
    await form.locator('[part="ticket"]').innerText(),
  )?.[0];
  assert.ok(ticket, 'a ticket reference is shown');
  const mail = await demo.latestMessage('email');
  assert.match(mail.subject ?? '', new RegExp(ticket!));
  assert.match(mail.text, /Client\/contact name: Chris Client/);
  assert.match(mail.text, /Product type: ACA Medical/);
  assert.match(mail.text, /State: TX/);
  assert.match(
    mail.text,
    new RegExp(`Attachment: quote-error\\.png \\(image/png, ${png.length} bytes\\)`),
  );
  await demo.screenshot('home-06-report-ticket');
});

test('the landing views are in history: Back and Forward move between them; a reload keeps one', async () => {
  await go('#/delegate/home');
  const home = page.locator('pep-portal-home');
  const welcome = home.getByRole('heading', { name: 'Welcome to Producer Experience Portal' });
  const hierarchy = home.getByRole('heading', { name: 'My Hierarchy', level: 1 });
  const quote = home.getByRole('heading', { name: 'Quote & Enroll', level: 1 });
  await welcome.waitFor();
  await home.getByRole('button', { name: 'My Hierarchy' }).click();
  await page.waitForURL(/#\/delegate\/home\?view=hierarchy$/);
  await hierarchy.waitFor();
  await home.getByRole('button', { name: 'Quote & Enroll' }).click();
  await page.waitForURL(/#\/delegate\/home\?view=quote$/);
  await quote.waitFor();
  await home.getByRole('button', { name: 'Hana Holt' }).click();
  await home.getByRole('button', { name: 'My Information' }).click();
  await page.waitForURL(/#\/delegate\/home\?view=information$/);

  await page.goBack();
  await page.waitForURL(/#\/delegate\/home\?view=quote$/);
  await quote.waitFor();
  await page.goBack();
  await page.waitForURL(/#\/delegate\/home\?view=hierarchy$/);
  await hierarchy.waitFor();
  // The page followed in place (the view's heading has focus, as after a click).
  assert.equal(
    await page.evaluate(
      () =>
        document.querySelector('pep-portal-home')!.shadowRoot!.activeElement?.textContent?.trim() ??
        null,
    ),
    'My Hierarchy',
  );
  await page.goBack();
  await page.waitForURL(/#\/delegate\/home$/);
  await welcome.waitFor();
  await page.goForward();
  await page.waitForURL(/#\/delegate\/home\?view=hierarchy$/);
  await hierarchy.waitFor();
  assert.equal(
    await page.locator('#nav').getByRole('link', { name: 'Home' }).getAttribute('aria-current'),
    'page',
  );

  await page.reload();
  await page.waitForFunction(() => Boolean(window.pepDemo));
  await hierarchy.waitFor();
  assert.equal(await home.getAttribute('view'), 'hierarchy');
  await demo.screenshot('home-07-hierarchy-after-reload');
});

test('logged in, Log In goes to Home: no empty form, no old "Your password was created"', async () => {
  await go('#/delegate/home');
  await page.locator('pep-portal-home').getByRole('button', { name: 'Hana Holt' }).waitFor();
  // As Back from the landing page would: the Log In page the delegate came through.
  await go('#/delegate/login?notice=password-created');
  await page.waitForURL(/#\/delegate\/home$/);
  await page.locator('pep-portal-home').getByRole('button', { name: 'Hana Holt' }).waitFor();
  assert.equal(await page.locator('pep-login').count(), 0);
  assert.equal(await page.getByText('Your password was created').count(), 0);
  // The Log In entry was replaced: Back does not land on it again.
  // (`popstate`: the entry before has the same URL, so no `hashchange`.)
  assert.doesNotMatch(
    await page.evaluate(() => {
      const back = new Promise<string>((resolve) =>
        window.addEventListener('popstate', () => resolve(location.hash), { once: true }),
      );
      history.back();
      return back;
    }),
    /#\/delegate\/login/,
  );
  await page.locator('pep-portal-home').getByRole('button', { name: 'Hana Holt' }).waitFor();
  assert.equal(await page.locator('pep-login').count(), 0);
});

test('the language switch turns the page Spanish, and it stays Spanish after a reload', async () => {
  await go('#/delegate/home');
  const home = page.locator('pep-portal-home');
  await home.getByRole('heading', { name: 'Welcome to Producer Experience Portal' }).waitFor();
  const switcher = page.getByRole('group', { name: 'Language' });
  const english = switcher.getByRole('button', { name: 'English' });
  const spanish = switcher.getByRole('button', { name: 'Español' });
  assert.equal(await english.getAttribute('aria-pressed'), 'true');
  assert.equal(await spanish.getAttribute('aria-pressed'), 'false');
  await spanish.click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  // The widget (its own words and the configured texts) and the page around it.
  await home.getByRole('heading', { name: 'Bienvenido a Producer Experience Portal' }).waitFor();
  await home.getByRole('button', { name: 'Mi jerarquía' }).waitFor();
  await home.getByRole('heading', { name: '¿Necesita ayuda?' }).waitFor();
  await home.getByRole('heading', { name: 'Enlaces rápidos' }).waitFor();
  // The switch's own label is Spanish now.
  const interruptor = page.getByRole('group', { name: 'Idioma' });
  assert.equal(
    await interruptor.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'),
    'true',
  );
  await page.locator('#nav').getByRole('link', { name: 'Inicio', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Bandeja de salida' }).waitFor();
  await demo.screenshot('home-08-spanish');

  await page.reload();
  await page.waitForFunction(() => Boolean(window.pepDemo));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await home.getByRole('heading', { name: 'Bienvenido a Producer Experience Portal' }).waitFor();
  await go('#/delegate/report-issue');
  await page
    .locator('pep-report-issue')
    .getByRole('heading', { name: 'Reportar un problema' })
    .waitFor();

  await interruptor.getByRole('button', { name: 'English' }).click();
  await page
    .locator('pep-report-issue')
    .getByRole('heading', { name: 'Report an Issue' })
    .waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('demo-language')), 'en');
});

test('the demo page follows dark mode around the dark widgets', async () => {
  await go('#/delegate/home');
  await page.locator('pep-portal-home').getByRole('button', { name: 'Hana Holt' }).waitFor();
  /** Relative luminance (0 black … 1 white) of a computed colour. */
  const luminance = (selector: string, property: 'backgroundColor' | 'color') =>
    page.evaluate(
      ([sel, prop]) => {
        const value = getComputedStyle(document.querySelector(sel!)!)[prop as 'color'];
        const [r, g, b] = value.match(/[\d.]+/g)!.map(Number) as [number, number, number];
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      },
      [selector, property],
    );
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok((await luminance('html', 'backgroundColor')) > 0.8, 'light page');
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    assert.ok((await luminance('html', 'backgroundColor')) < 0.15, 'dark page');
    assert.ok((await luminance('html', 'color')) > 0.8, 'light text on it');
    assert.ok((await luminance('#outbox', 'backgroundColor')) < 0.15, 'dark Outbox');
    assert.ok((await luminance('.portal-header', 'backgroundColor')) < 0.3, 'dark header');
    await demo.screenshot('home-09-dark');
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

test('log out from the user menu', async () => {
  await go('#/delegate/home');
  const home = page.locator('pep-portal-home');
  await home.getByRole('button', { name: 'Hana Holt' }).click();
  await home.getByRole('button', { name: 'Log Out' }).click();
  await page.waitForURL(/#\/delegate\/login$/);
  assert.equal(await page.evaluate(() => window.pepDemo.adapter.getSession()), null);
  assert.deepEqual(demo.errors, []);
});
