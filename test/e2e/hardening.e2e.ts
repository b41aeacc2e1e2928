/**
 * The demo under its strict Content Security Policy (issue 12): the server sends the policy (no
 * 'unsafe-inline', no 'unsafe-eval'), the policy is live in the page (an injected inline script
 * does not run and is reported), and every demo route — signed out, then
 * signed in as the demo producer, navigated to and reloaded — renders its widgets without a single CSP violation or
 * console error. Delegate names with XSS payloads are refused by Add Delegate in the real page.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.js';

/** Every route the demo declares (read from its sources, so a new route is covered too). */
function demoRoutes(): string[] {
  const dir = 'demo/routes';
  const paths = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(`${dir}/${file}`, 'utf8');
    for (const m of src.matchAll(/path:\s*'(#\/[^']*)'/g)) paths.add(m[1]!);
  }
  return [...paths].sort();
}

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

let demo: Demo;
let page: Page;

/** Violations recorded by the page since it loaded. */
const violations = (): Promise<Violation[]> =>
  page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp ?? []);

const clearViolations = (): Promise<void> =>
  page.evaluate(() => {
    (window as unknown as { __csp: Violation[] }).__csp.length = 0;
  });

/** Open `hash` and wait until the route's pep-* widgets have rendered their shadow roots. */
async function openRoute(hash: string): Promise<string[]> {
  await demo.open(hash);
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('pep-'));
    return els.length > 0 && els.every((e) => e.shadowRoot && e.shadowRoot.childNodes.length > 0);
  });
  await page.waitForTimeout(150);
  return page.evaluate(() =>
    [...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('pep-')),
  );
}

before(async () => {
  demo = await startDemo();
  page = demo.page;
  await page.addInitScript(() => {
    const list: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
});

after(async () => {
  await demo?.close();
});

test('the demo is served with a strict CSP: no unsafe-inline, no unsafe-eval', async () => {
  const response = await page.request.get(demo.url);
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('the policy is live: an injected inline script is blocked and reported', async () => {
  await demo.open('#/');
  const result = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 1';
    document.body.append(s);
    return { ran: (window as unknown as { __ran?: number }).__ran ?? 0 };
  });
  assert.deepEqual(result, { ran: 0 });
  await page.waitForTimeout(50);
  const seen = await violations();
  assert.deepEqual(
    seen.map((v) => [v.directive, v.blocked]),
    [['script-src-elem', 'inline']],
  );
  await clearViolations();
  demo.errors.length = 0; // the blocked script was ours
});

test('every demo route renders its widgets with no CSP violation and no console error', async () => {
  const routes = demoRoutes();
  assert.ok(routes.length >= 8, `routes: ${routes.join(', ')}`);
  const seen: Record<string, string[]> = {};
  for (const signedIn of [false, true]) {
    if (signedIn) {
      await page.evaluate(async () => {
        const w = window as unknown as {
          pepDemo: { adapter: { admin: { signIn(u: string): Promise<unknown> } } };
        };
        await w.pepDemo.adapter.admin.signIn('demoproducer');
      });
    }
    for (const route of routes) {
      // As the app navigates (same document)…
      await clearViolations();
      const elements = await openRoute(route);
      seen[`${signedIn ? 'in' : 'out'} ${route}`] = elements;
      assert.deepEqual(await violations(), [], `CSP violations on ${route}`);
      assert.deepEqual(demo.errors, [], `console errors on ${route}`);
      // …and loaded afresh (new document, every script and style loaded again).
      await page.reload();
      await openRoute(route);
      assert.deepEqual(await violations(), [], `CSP violations on ${route} (reload)`);
      assert.deepEqual(demo.errors, [], `console errors on ${route} (reload)`);
    }
  }
  // Widgets really rendered (not an empty page that trivially has no violations).
  const all = new Set(Object.values(seen).flat());
  for (const tag of [
    'pep-login',
    'pep-forgot-username',
    'pep-forgot-password',
    'pep-my-delegates',
  ]) {
    assert.ok(all.has(tag), `${tag} was never rendered: ${JSON.stringify(seen)}`);
  }
});

test('in the real page, Add Delegate refuses a script-tag name and nothing runs', async () => {
  await page.evaluate(async () => {
    const w = window as unknown as {
      pepDemo: { adapter: { admin: { signIn(u: string): Promise<unknown> } } };
    };
    await w.pepDemo.adapter.admin.signIn('demoproducer');
  });
  await clearViolations();
  await openRoute('#/producer/delegates');
  await page.locator('pep-my-delegates [part~=add-button]').click();
  const form = page.locator('pep-add-delegate');
  await form.locator('#firstName').fill('<img src=x onerror="window.__xss=1">');
  await form.locator('#lastName').fill('<script>window.__xss=1</script>');
  await form.locator('[part~=submit-button]').click();
  await page.waitForTimeout(100);
  assert.equal(await form.locator('#firstName').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.locator('#lastName').getAttribute('aria-invalid'), 'true');
  assert.equal(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    undefined,
  );
  assert.deepEqual(await violations(), []);
  assert.deepEqual(demo.errors, []);
});

test('the outbox panel shows payloads from issue reports and delegate emails as text', async () => {
  const payloads = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=1</script>',
    'https://evil.example/"><svg onload="window.__xss=1">',
    '${window.__xss=1}{{constructor.constructor("window.__xss=1")()}}',
  ];
  const email = "{{7*7}}${7*7}'@example.com";
  await page.evaluate(
    async ({ payloads, email }) => {
      const w = window as unknown as {
        pepDemo: {
          adapter: {
            admin: { signIn(u: string): Promise<unknown> };
            addDelegate(i: unknown): Promise<unknown>;
            reportIssue(r: unknown): Promise<unknown>;
          };
        };
      };
      const a = w.pepDemo.adapter;
      await a.admin.signIn('demoproducer');
      await a.addDelegate({
        username: 'templated01',
        email,
        firstName: 'Tess',
        lastName: 'Plate',
        mobile: '(312) 555-0177',
        states: ['IL'],
      });
      await a.reportIssue({
        description: payloads.join('\n'),
        stepsTaken: payloads.join(' '),
        agentName: payloads[0],
        producerId: 'P-100200',
        productType: 'MAPD',
        state: 'IL',
        observedAt: new Date().toISOString(),
      });
    },
    { payloads, email },
  );
  await clearViolations();
  await openRoute('#/');
  const panel = page.locator('#outbox');
  const text = (await panel.textContent()) ?? '';
  for (const p of payloads) assert.ok(text.includes(p), `outbox shows ${p}`);
  assert.ok(text.includes(`To: ${email}`), 'outbox shows the templated address verbatim');
  const injected = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    nodes: document.querySelectorAll('#outbox img, #outbox script, #outbox svg, #outbox iframe')
      .length,
    jsLinks: [...document.querySelectorAll('#outbox a')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  assert.deepEqual(injected, { xss: undefined, nodes: 0, jsLinks: 0 });
  assert.deepEqual(await violations(), []);
  assert.deepEqual(demo.errors, []);
});
