// Slow-network comparison for `npm run bench:render`: our <pep-login> (the CDN bundle) against
// <hanko-auth> from @teamhanko/hanko-elements (its one-file browser bundle), each on a page of its
// own served by one local static server, both gzip-compressed (level 9) the same way.
//
// Each run is a fresh browser context and page with, over a CDP session and before navigating:
// the network throttled (Network.emulateNetworkConditions) and the HTTP cache disabled. Measured:
// - bytes over the wire: the sum of Network.loadingFinished.encodedDataLength (headers included)
//   over every request the page makes until the network has been quiet for QUIET_MS after the
//   form took input (CORS preflights to the Hanko API included);
// - time to input: from navigation start (performance.timeOrigin) until an enabled, visible text
//   input of the element (its light DOM, then its shadow root) takes focus (page.waitForFunction, polled each frame).
import { createServer } from 'node:http';
import { gzipSync, constants as zlib } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { startHankoStub } from './hanko-stub.mjs';

const NETWORK = {
  downKbps: 1600,
  upKbps: 750,
  latencyMs: 150,
};
const QUIET_MS = 1000;
const TIMEOUT_MS = 30_000;

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">`;

/** The two pages: the element in the markup, its script a module in the head (deferred). */
const pages = (hankoApi) => ({
  '/pep.html': `${HEAD}<title>pep-login</title>
<script type="module">
import { MemoryAdapter } from '/pep-auth-elements.js';
document.querySelector('pep-login').adapter = new MemoryAdapter(); // the host's backend
</script></head><body><main><pep-login></pep-login></main></body></html>`,
  '/hanko.html': `${HEAD}<title>hanko-auth</title>
<script type="module">
import { register } from '/hanko-elements.js';
register(${JSON.stringify(hankoApi)});
</script></head><body><main><hanko-auth></hanko-auth></main></body></html>`,
});

/** Our CDN bundle and Hanko's browser bundle: read once, so a rebuild during the run is harmless. */
export async function loadBundles(root, ourBundle) {
  const require = createRequire(root + 'package.json');
  let hanko = null;
  let hankoVersion = null;
  let hankoError = null;
  try {
    const main = require.resolve('@teamhanko/hanko-elements'); // dist/elements.js, self-contained
    hanko = await readFile(main);
    hankoVersion = JSON.parse(
      await readFile(new URL('../package.json', pathToFileURL(main)), 'utf8'),
    ).version;
  } catch (e) {
    // not installed: the comparison reports it and the rest of the bench runs
    hankoError = `@teamhanko/hanko-elements not found (npm install): ${e.code ?? e.message}`;
  }
  return { ours: await readFile(root + ourBundle), hanko, hankoVersion, hankoError };
}

/** One static server (gzip level 9, no caching) for both pages and both bundles. */
async function startStatic(files) {
  const gz = new Map();
  for (const [path, { body, type }] of Object.entries(files))
    gz.set(path, { type, body: gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }) });
  const server = createServer((req, res) => {
    const file = gz.get(new URL(req.url, 'http://x').pathname);
    if (!file) return res.writeHead(404).end('not found');
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Encoding': 'gzip',
      'Content-Length': file.body.length,
      'Cache-Control': 'no-store',
    });
    res.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * In the page: the first enabled, visible text input of `tag`, once it takes focus: in its own
 * light DOM first (where `<pep-login>` renders its credential form for password managers), then
 * in its shadow tree.
 */
function inputReady(tag) {
  const host = document.querySelector(tag);
  if (!host || !host.shadowRoot) return false;
  const TEXT =
    'input:not([type]),input[type=text],input[type=email],input[type=password],input[type=tel]';
  const find = (root) => {
    for (const input of root.querySelectorAll(TEXT))
      if (!input.disabled && !input.readOnly && input.checkVisibility()) return input;
    for (const el of root.querySelectorAll('*'))
      if (el.shadowRoot) {
        const found = find(el.shadowRoot);
        if (found) return found;
      }
    return null;
  };
  const input = find(host) ?? find(host.shadowRoot);
  if (!input) return false;
  input.focus();
  if (input.getRootNode().activeElement !== input) return false;
  const label =
    input.labels?.[0]?.textContent.trim() || input.getAttribute('aria-label') || input.placeholder;
  return {
    at: performance.now(),
    input: `input name=${input.name || '-'} type=${input.type} "${label}"`,
  };
}

async function measure(browser, url, tag) {
  const context = await browser.newContext();
  try {
    return await measureIn(context, url, tag);
  } finally {
    await context.close();
  }
}

async function measureIn(context, url, tag) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  let bytes = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, method: e.request.method, done: false });
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, bytes: e.encodedDataLength });
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, failed: e.errorText });
    lastActivity = Date.now();
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK.latencyMs,
    downloadThroughput: (NETWORK.downKbps * 1000) / 8, // bytes per second
    uploadThroughput: (NETWORK.upKbps * 1000) / 8,
  });
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  const ready = await page.waitForFunction(inputReady, tag, {
    polling: 'raf',
    timeout: TIMEOUT_MS,
  });
  const { at: timeToInput, input } = await ready.jsonValue();
  if (process.env.BENCH_SCREENSHOT)
    await page.screenshot({ path: `${process.env.BENCH_SCREENSHOT}-${tag}.png` });
  const bytesAtInput = bytes;
  // Count what the page still fetches after the form is usable (lazy chunks, translations, …).
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const pending = [...requests.values()].some((r) => !r.done);
    if (!pending && Date.now() - lastActivity >= QUIET_MS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    timeToInput,
    input,
    bytesAtInput,
    bytes,
    requests: [...requests.values()].map(({ url: u, method, bytes: b, failed }) => ({
      request: `${method} ${new URL(u).pathname}${new URL(u).search}`,
      bytes: b,
      ...(failed ? { failed } : {}),
    })),
  };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Ours and theirs, `runs` fresh pages each (alternating, so drift hits both alike).
 * Hanko failing (not installed, or its form never appears) is reported, not thrown.
 */
export async function compare(browser, bundles, { runs = 5 } = {}) {
  const stub = await startHankoStub();
  const files = {
    '/pep-auth-elements.js': { body: bundles.ours, type: 'text/javascript' },
  };
  if (bundles.hanko) files['/hanko-elements.js'] = { body: bundles.hanko, type: 'text/javascript' };
  for (const [path, html] of Object.entries(pages(stub.url)))
    files[path] = { body: Buffer.from(html), type: 'text/html; charset=utf-8' };
  const server = await startStatic(files);
  const elements = [
    {
      name: '<pep-login>',
      source: 'CDN bundle, every tag',
      path: '/pep.html',
      tag: 'pep-login',
      samples: [],
    },
    {
      name: '<hanko-auth>',
      source: `hanko-elements ${bundles.hankoVersion ?? '(not installed)'} bundle, every tag`,
      path: '/hanko.html',
      tag: 'hanko-auth',
      samples: [],
      error: bundles.hanko ? null : bundles.hankoError,
    },
  ];
  try {
    for (let i = 0; i < runs; i++)
      for (const el of elements) {
        if (el.error) continue;
        try {
          el.samples.push(await measure(browser, server.origin + el.path, el.tag));
        } catch (e) {
          if (el.tag === 'pep-login') throw e;
          el.error = `${e.message.split('\n')[0]} (Hanko API calls: ${stub.requests.join(', ') || 'none'})`;
        }
      }
  } finally {
    await server.close();
    await stub.close();
  }
  const rows = elements.map((el) => ({
    element: el.name,
    source: el.source,
    runs: el.samples.length,
    error: el.error ?? undefined,
    bytes: el.samples.length ? median(el.samples.map((s) => s.bytes)) : null,
    bytesAtInput: el.samples.length ? median(el.samples.map((s) => s.bytesAtInput)) : null,
    timeToInput: el.samples.length ? median(el.samples.map((s) => s.timeToInput)) : null,
    timesToInput: el.samples.map((s) => Math.round(s.timeToInput)),
    input: el.samples[0]?.input,
    requests: el.samples[0]?.requests ?? [],
  }));
  return {
    network: { ...NETWORK, cacheDisabled: true, compression: 'gzip -9 (both)' },
    runs,
    rows,
  };
}

/** The Markdown table: each row against ours. */
export function table({ rows }) {
  const ours = rows[0];
  const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
  const out = [
    '| element | bytes over the wire | time to input (median) | ratio to `<pep-login>` (bytes / time) |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.error && !r.runs) {
      out.push(`| \`${r.element}\` (${r.source}) | – | – | not measured: ${r.error} |`);
      continue;
    }
    const ratio = `${(r.bytes / ours.bytes).toFixed(1)}× / ${(r.timeToInput / ours.timeToInput).toFixed(1)}×`;
    out.push(
      `| \`${r.element}\` (${r.source}) | ${kb(r.bytes)} in ${r.requests.length} requests | ${Math.round(r.timeToInput)} ms | ${ratio} |`,
    );
  }
  return out.join('\n');
}
