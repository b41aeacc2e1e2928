// `node scripts/check-storybook.mjs` (CI, after `npm run build-storybook`): opens the static
// Storybook (storybook-static/, served on a loopback port) in headless Chromium and checks what a
// reader of the published site gets:
//
// - every element of custom-elements.json has a docs page (`Elements/*`, `tags: ['autodocs']`)
//   whose API tables list each of its attributes, properties, events, CSS shadow parts, CSS
//   custom properties and slots from the manifest, under the right heading; every story shown
//   on that page draws its widget; no console error, no page error;
// - every story renders its element (a `pep-*` tag with a drawn shadow root), its play function
//   completes, and the accessibility addon (axe, `parameters.a11y.test = 'error'`) reports no
//   violation: Storybook's own `storyFinished` report for that story must be `success`.
//
// Options: `--dir <path>` (default storybook-static), `--screenshot <file.png>` (a full-page
// screenshot of the Login docs page), `--only <substring>` (entries whose id contains it),
// `--globals theme:dark;locale:es` (toolbar globals, e.g. to check the dark theme with axe).
// Exits 1 with a list of what failed.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(option('--dir') ?? 'storybook-static');
const screenshot = option('--screenshot');
const only = option('--only');
// e.g. `--globals theme:dark;locale:es`: the toolbar globals every page opens with.
const globals = option('--globals');
const withGlobals = (path) => (globals ? `${path}&globals=${encodeURIComponent(globals)}` : path);

if (!existsSync(join(dir, 'index.json'))) {
  console.error(`${dir}/index.json not found: run npm run build-storybook first`);
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  process.exit(1);
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
/** tag → declaration, for every custom element in the manifest. */
const declarations = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => [d.tagName, d]),
);
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !only || e.id.includes(only));
const docsEntries = entries.filter((e) => e.type === 'docs' && e.title.startsWith('Elements/'));
const storyEntries = entries.filter((e) => e.type === 'story');

// ---------------------------------------------------------------------------------------------
// Static server (no CSP: Storybook's pages use inline scripts)
// ---------------------------------------------------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    if (path === '/favicon.ico') path = '/favicon.svg';
    const file = join(dir, path);
    if (!file.startsWith(dir)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;

// ---------------------------------------------------------------------------------------------
// Browser: every page records Storybook's channel events and its console errors
// ---------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...CHROMIUM_ARGS, '--headless'],
});
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
await context.addInitScript(() => {
  const events = [];
  window.__pepStorybookEvents = events;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      const names = [
        'storyFinished',
        'storyErrored',
        'storyThrewException',
        'storyMissing',
        'playFunctionThrewException',
        'unhandledErrorsWhilePlaying',
        'docsRendered',
      ];
      for (const name of names) {
        next.on(name, (payload) => {
          if (name !== 'storyFinished') {
            const text = payload?.message ?? payload?.title ?? JSON.stringify(payload ?? null);
            events.push({ name, text: String(text).slice(0, 500) });
            return;
          }
          events.push({
            name,
            storyId: payload.storyId,
            status: payload.status,
            reports: (payload.reporters ?? []).map((r) => ({
              type: r.type,
              status: r.status,
              error: r.result?.error ? String(r.result.error?.message ?? r.result.error) : null,
              violations: (r.result?.violations ?? []).map(
                (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              ),
            })),
          });
        });
      }
    },
  });
});

const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

async function open(path) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text().split('\n')[0].slice(0, 300)}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message.slice(0, 300)}`));
  await page.goto(base + withGlobals(path));
  return { page, errors };
}

const events = (page) => page.evaluate(() => window.__pepStorybookEvents);

// ---------------------------------------------------------------------------------------------
// Docs pages
// ---------------------------------------------------------------------------------------------

/** The rows of the docs page's API tables: category → names (the rows under its heading). */
async function apiTables(page) {
  return page.evaluate(() => {
    const out = {};
    let category = '(none)';
    for (const table of document.querySelectorAll('.docblock-argstable')) {
      for (const row of table.querySelectorAll('tbody > tr')) {
        const title = row.getAttribute('title');
        const heading = title && /^(Hide|Show) (.+) items$/.exec(title);
        if (heading) {
          category = heading[2];
          continue;
        }
        const name = row.querySelector('td:first-child')?.textContent?.trim();
        if (name) (out[category] ??= []).push(name);
      }
    }
    return out;
  });
}

/** What the docs page must list for `decl`, by the category headings Storybook gives them. */
function expectedTables(decl) {
  const isPublic = (m) =>
    !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !/^[#_]/.test(m.name);
  const attributeFields = new Set((decl.attributes ?? []).map((a) => a.fieldName));
  const members = (decl.members ?? []).filter(isPublic);
  return {
    attributes: (decl.attributes ?? []).map((a) => a.name),
    // A property reflected by an attribute is documented on the attribute's row.
    properties: members
      .filter((m) => m.kind === 'field' && !attributeFields.has(m.name))
      .map((m) => m.name),
    methods: members.filter((m) => m.kind === 'method').map((m) => `${m.name}(`),
    events: (decl.events ?? []).map((e) => e.name),
    'css shadow parts': (decl.cssParts ?? []).map((p) => p.name),
    'css custom properties': (decl.cssProperties ?? []).map((p) => p.name),
    slots: (decl.slots ?? []).map((s) => s.name || 'default'),
  };
}

const documented = new Set();
for (const entry of docsEntries) {
  const where = `docs ${entry.title}`;
  const { page, errors } = await open(`iframe.html?id=${entry.id}&viewMode=docs`);
  try {
    await page.waitForFunction(
      () => window.__pepStorybookEvents.some((e) => e.name === 'docsRendered'),
      null,
      { timeout: 30_000 },
    );
    const tag = await page.evaluate(
      () => window.__STORYBOOK_PREVIEW__.currentRender?.csfFiles?.[0]?.meta?.component,
    );
    const decl = declarations.get(tag);
    if (!decl) {
      fail(where, `component ${JSON.stringify(tag)} is not an element of custom-elements.json`);
      continue;
    }
    documented.add(tag);
    // Every story block on the page has drawn its widget (loaders and play functions included),
    // inline or in its own frame (`docs.story.inline: false`).
    const blocks = await page.locator('[data-story-block]').count();
    // (Framed stories load lazily: bring each into view.)
    for (const frame of await page.locator('[data-story-block] iframe').all()) {
      await frame.scrollIntoViewIfNeeded();
    }
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('[data-story-block]')].every((block) => {
            const root = block.querySelector('iframe')?.contentDocument ?? block;
            return [...root.querySelectorAll('*')].some(
              (el) => el.localName.startsWith('pep-') && el.shadowRoot?.childElementCount,
            );
          }),
        null,
        { timeout: 30_000 },
      )
      .catch(() => fail(where, 'a story block did not draw its pep-* element'));
    if (blocks < 2) fail(where, `only ${blocks} story block(s) on the page`);
    // The @summary and the description of the element's JSDoc head the page (compared without
    // markdown marks and spacing).
    const plain = (text) => (text ?? '').replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
    const head = plain(
      await page.evaluate(() => document.querySelector('#storybook-docs')?.innerText ?? ''),
    );
    for (const line of [decl.summary, (decl.description ?? '').split('\n')[0]]) {
      const want = plain(line).slice(0, 60);
      if (want && !head.includes(want))
        fail(where, `the page does not show ${JSON.stringify(want)}`);
    }
    const tables = await apiTables(page);
    for (const [category, names] of Object.entries(expectedTables(decl))) {
      const shown = tables[category] ?? [];
      const missing = names.filter((n) =>
        n.endsWith('(') ? !shown.some((row) => row.startsWith(n)) : !shown.includes(n),
      );
      if (missing.length) fail(where, `${category} table lacks ${missing.join(', ')}`);
    }
    const shownErrors = await page.locator('.sb-errordisplay:visible, .docs-story pre').count();
    if (shownErrors) fail(where, `${shownErrors} story error display(s) on the page`);
    for (const e of await events(page)) {
      if (e.name !== 'docsRendered' && e.name !== 'storyFinished')
        fail(where, `${e.name} ${e.text}`);
      if (e.name === 'storyFinished' && e.status !== 'success')
        fail(where, `story ${e.storyId} finished with ${e.status}`);
    }
    if (screenshot && entry.id === 'elements-login--docs') {
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`screenshot of ${entry.title} docs: ${screenshot}`);
    }
    const counts = Object.entries(expectedTables(decl))
      .filter(([, names]) => names.length)
      .map(([category, names]) => `${names.length} ${category}`)
      .join(', ');
    console.log(`ok docs ${entry.title} <${tag}>: ${blocks} stories; ${counts}`);
  } catch (e) {
    fail(where, e.message.split('\n')[0]);
  } finally {
    for (const e of errors) fail(where, e);
    await page.close();
  }
}
if (!only) {
  for (const tag of declarations.keys()) {
    if (!documented.has(tag)) fail(`<${tag}>`, 'no docs page (Elements/* with autodocs)');
  }
}

// ---------------------------------------------------------------------------------------------
// Stories: rendered, played, and axe clean by the accessibility addon
// ---------------------------------------------------------------------------------------------
// One page; each story is selected the way the manager does it (`setCurrentStory` on the
// channel), so Storybook tears the previous one down and runs loaders, play and afterEach (axe).
let passed = 0;
const started = Date.now();
let current = null;
for (const entry of storyEntries) {
  const where = `story ${entry.id}`;
  if (!current) {
    current = await open(`iframe.html?id=${entry.id}&viewMode=story`);
  } else {
    await current.page.evaluate((id) => {
      window.__pepStorybookEvents.length = 0;
      globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
        storyId: id,
        viewMode: 'story',
      });
    }, entry.id);
  }
  const { page, errors } = current;
  try {
    await page.waitForFunction(
      (id) =>
        window.__pepStorybookEvents.some((e) => e.name === 'storyFinished' && e.storyId === id),
      entry.id,
      { timeout: 30_000 },
    );
    const seen = await events(page);
    const last = seen.filter((e) => e.name === 'storyFinished').at(-1);
    const a11y = last.reports.find((r) => r.type === 'a11y');
    if (!a11y) fail(where, 'the accessibility addon did not run');
    else if (a11y.status !== 'passed')
      fail(where, `a11y ${a11y.status}: ${a11y.error ?? a11y.violations.join('; ')}`);
    if (last.status !== 'success') fail(where, `finished with status ${last.status}`);
    for (const e of seen) {
      if (e.name !== 'storyFinished') fail(where, `${e.name} ${e.text}`);
    }
    // An element's story draws that element; the design-system pages draw something.
    const drawn = await page.evaluate((element) => {
      const root = document.querySelector('#storybook-root');
      if (!element) return !!root?.childElementCount;
      return [...(root?.querySelectorAll('*') ?? [])].some(
        (el) => el.localName.startsWith('pep-') && el.shadowRoot?.childElementCount,
      );
    }, entry.title.startsWith('Elements/'));
    if (!drawn) fail(where, 'nothing drawn in #storybook-root');
    if (a11y?.status === 'passed' && last.status === 'success' && drawn) passed++;
  } catch (e) {
    fail(where, e.message.split('\n')[0]);
    await page.close();
    current = null; // start the next story on a fresh page
  } finally {
    for (const e of errors.splice(0)) fail(where, e);
  }
}
await current?.page.close();
console.log(
  `ok ${passed}/${storyEntries.length} stories rendered and axe clean ` +
    `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
);

await browser.close();
server.close();

if (failures.length) {
  console.error(`\n${failures.length} Storybook check(s) failed:`);
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log(`Storybook OK: ${docsEntries.length} docs pages, ${storyEntries.length} stories`);
