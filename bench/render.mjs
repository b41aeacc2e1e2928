// `npm run bench:render` (after `npm run build`): load speed and memory of <pep-login> in headless
// Chromium (playwright-core and the machine's Chromium; never a downloaded browser).
//
// 1. Time to interactive, over RUNS fresh pages (a new browser context each, so nothing is
//    cached): from the moment the page starts evaluating `import()` of the CDN bundle
//    (dist/cdn/pep-auth-elements.js: fetch, parse, evaluate, define every tag) to a <pep-login>
//    whose first render is complete (`updateComplete`) and whose Username input has taken focus.
//    Reported as median, p90 and min, split into "module" (import) and "render" (create, append,
//    first render, focus).
// 2. Retained heap: in one page, after a warm-up (mount and remove 100 widgets once, so Lit's
//    template and style caches exist), take the baseline (forced GC, CDP `Runtime.getHeapUsage`),
//    then CYCLES times mount 100 <pep-login> (each with the adapter, first render complete),
//    remove them, force GC and measure again. What stays above the baseline is retained.
// 3. Against <hanko-auth> (@teamhanko/hanko-elements, a devDependency) on an emulated slow network
//    (1.6 Mbps down, 750 Kbps up, 150 ms latency, HTTP cache off; bench/render/wire.mjs): each
//    element on its own page from one local gzip static server, Hanko's API answered by a local
//    stub (bench/render/hanko-stub.mjs); bytes over the wire and time from navigation start until
//    the form takes input, WIRE_RUNS fresh pages each, medians and the ratio to ours. Not part of
//    --check; if Hanko cannot be measured, its row says why.
//
//   node bench/render.mjs                  report
//   node bench/render.mjs --json           report as JSON
//   node bench/render.mjs --check          exit 1 if the heap retained after the last cycle
//                                          exceeds TOLERANCE_BYTES
//   node bench/render.mjs --runs 40        more timing runs
//   node bench/render.mjs --wire-runs 9    more slow-network pages per element (default 5)
//   BENCH_SCREENSHOT=/tmp/x node bench/render.mjs   save each element's form as /tmp/x-<tag>.png
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from '../scripts/find-browser.mjs';
import { loadBundles, compare, table as wireTable } from './render/wire.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = 'dist/cdn/pep-auth-elements.js';
const ORIGIN = 'http://pep-bench.localhost';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 25);
const WIRE_RUNS = Math.max(1, arg('--wire-runs', 5));
const WIDGETS = 100;
const CYCLES = 3;
/** Heap allowed above the baseline after the last mount/remove cycle (100 widgets). */
const TOLERANCE_BYTES = 256 * 1024;

if (!existsSync(root + BUNDLE)) {
  console.error('bench:render measures the built CDN bundle: run `npm run build` first.');
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  process.exit(1);
}

const bundle = await readFile(root + BUNDLE);
const wireBundles = await loadBundles(root, BUNDLE);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"></head><body><main id="host"></main></body></html>`;

/** Serve the page and the bundle from memory (no server, no cache). */
async function serve(context) {
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    if (path === `/${BUNDLE}`)
      return route.fulfill({ body: bundle, contentType: 'text/javascript' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

// ---------------------------------------------------------------------------------------------
// 1. Time to an interactive <pep-login>
// ---------------------------------------------------------------------------------------------
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  await serve(context);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  const r = await page.evaluate(async (src) => {
    const t0 = performance.now();
    const api = await import(src);
    const adapter = new api.MemoryAdapter(); // the host's backend: not the widget's cost
    const t1 = performance.now();
    const el = document.createElement('pep-login');
    el.adapter = adapter;
    document.getElementById('host').append(el);
    await el.updateComplete;
    // The credential form is in the element's light DOM (for password managers, issue 21).
    const input = el.querySelector('input[autocomplete~="username"]');
    input.focus();
    const focused = document.activeElement === input;
    const t2 = performance.now();
    return { module: t1 - t0, render: t2 - t1, total: t2 - t0, focused };
  }, `/${BUNDLE}`);
  if (!r.focused) throw new Error('the Username input did not take focus');
  runs.push(r);
  await context.close();
}

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, p90: at(0.9), min: s[0] };
};
const timing = {
  runs: RUNS,
  module: stats(runs.map((r) => r.module)),
  render: stats(runs.map((r) => r.render)),
  total: stats(runs.map((r) => r.total)),
};

// ---------------------------------------------------------------------------------------------
// 2. Heap retained after mounting and removing 100 widgets
// ---------------------------------------------------------------------------------------------
const context = await browser.newContext();
await serve(context);
const page = await context.newPage();
await page.goto(`${ORIGIN}/`);
const cdp = await context.newCDPSession(page);
await cdp.send('HeapProfiler.enable');
/** JS heap (V8) and DOM counters (Blink: nodes, event listeners) after forced GC. */
const heap = async () => {
  // Several collections: some objects are only freed once their finalizers ran.
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { used: usedSize, nodes, listeners: jsEventListeners };
};
await page.evaluate(async (src) => {
  const api = await import(src);
  window.benchAdapter = new api.MemoryAdapter();
  window.mountAll = async (n) => {
    const host = document.getElementById('host');
    const els = [];
    for (let i = 0; i < n; i++) {
      const el = document.createElement('pep-login');
      el.adapter = window.benchAdapter;
      host.append(el);
      els.push(el);
    }
    await Promise.all(els.map((el) => el.updateComplete));
    // Let each widget finish its first-render work (focus management, context requests).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  };
  window.removeAll = () => document.getElementById('host').replaceChildren();
}, `/${BUNDLE}`);

const cycle = async () => {
  await page.evaluate((n) => window.mountAll(n), WIDGETS);
  const mounted = await heap();
  await page.evaluate(() => window.removeAll());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  return { mounted, after: await heap() };
};
await cycle(); // warm-up: Lit's template and style caches, the adapter's first work
const baseline = await heap();
const cycles = [];
for (let i = 0; i < CYCLES; i++) cycles.push(await cycle());
await context.close();

// ---------------------------------------------------------------------------------------------
// 3. <pep-login> and <hanko-auth> on a slow network
// ---------------------------------------------------------------------------------------------
const wire = await compare(browser, wireBundles, { runs: WIRE_RUNS });
await browser.close();

const last = cycles[cycles.length - 1];
const memory = {
  widgets: WIDGETS,
  baseline,
  cycles,
  perWidgetMounted: Math.round((cycles[0].mounted.used - baseline.used) / WIDGETS),
  retained: last.after.used - baseline.used,
  retainedNodes: last.after.nodes - baseline.nodes,
  retainedListeners: last.after.listeners - baseline.listeners,
  tolerance: TOLERANCE_BYTES,
};
// A leak of even one widget per mount would keep its shadow DOM: no node or listener may stay.
const ok =
  memory.retained <= TOLERANCE_BYTES && memory.retainedNodes <= 0 && memory.retainedListeners <= 0;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ date: new Date().toISOString(), timing, memory, wire, ok }, null, 2),
  );
} else {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const kb = (v) => `${(v / 1024).toFixed(1)} KB`;
  console.log(
    `<pep-login> in headless Chromium, ${new Date().toISOString().slice(0, 10)}, CDN bundle, ${RUNS} fresh pages\n`,
  );
  console.log('| time to interactive | median | p90 | min |\n| --- | ---: | ---: | ---: |');
  for (const [name, s] of [
    ['module (import: fetch, parse, evaluate, define tags)', timing.module],
    ['render (create, first render, input focused)', timing.render],
    ['total', timing.total],
  ])
    console.log(`| ${name} | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} |`);
  console.log(
    `\nHeap (forced GC, Runtime.getHeapUsage), ${WIDGETS} widgets mounted and removed:\n`,
  );
  const signed = (v, f = String) => `${v >= 0 ? '+' : '−'}${f(Math.abs(v))}`;
  console.log('| | JS heap | vs baseline | DOM nodes | JS listeners |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(
    `| baseline (after warm-up) | ${kb(baseline.used)} | | ${baseline.nodes} | ${baseline.listeners} |`,
  );
  const row = (label, m) =>
    console.log(
      `| ${label} | ${kb(m.used)} | ${signed(m.used - baseline.used, kb)} | ${m.nodes} | ${m.listeners} |`,
    );
  cycles.forEach((c, i) => {
    row(`cycle ${i + 1}: ${WIDGETS} mounted`, c.mounted);
    row(`cycle ${i + 1}: removed`, c.after);
  });
  console.log(
    `\n≈ ${kb(memory.perWidgetMounted)} of JS heap per mounted widget. After the last cycle: ${signed(memory.retained, kb)} JS heap (tolerance ${kb(TOLERANCE_BYTES)}), ${signed(memory.retainedNodes)} DOM nodes, ${signed(memory.retainedListeners)} listeners: ${ok ? '✓ no leak' : '✗ LEAK'}`,
  );
  const n = wire.network;
  console.log(
    `\nOn a slow network (Chromium Network.emulateNetworkConditions: ${n.downKbps / 1000} Mbps down, ${n.upKbps} Kbps up, ${n.latencyMs} ms latency; HTTP cache disabled), each element alone on a page from one local static server (${n.compression}), ${wire.runs} fresh pages each. Bytes: encoded response sizes (headers included) of every request the page makes until the network is quiet; time: navigation start until a text input of the element (in its light DOM or shadow root) takes focus. <hanko-auth>'s API is a local stub (bench/render/hanko-stub.mjs) on another origin, as Hanko Cloud is: its two flow calls (preflight, login_init) and their CORS preflights are in the time; CDP reports the preflights as 0 bytes, and the stub's JSON is not compressed.\n`,
  );
  console.log(wireTable(wire));
  for (const r of wire.rows)
    if (r.runs)
      console.log(
        `\n${r.element}: ${r.requests.map((q) => q.request).join(', ')}; times ${r.timesToInput.join(', ')} ms; form input: ${r.input}`,
      );
}
if (!ok && process.argv.includes('--check')) process.exit(1);
