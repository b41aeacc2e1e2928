/**
 * End-to-end harness: serves the built demo (demo/dist, built by `npm run build:demo`) on a free
 * loopback port under its strict CSP, and drives it with Playwright in Debian's Chromium.
 *
 *   const demo = await startDemo();            // fresh browser context, empty localStorage
 *   await demo.page.goto(demo.url + '#/delegate/login');
 *   const code = await demo.latestCode('email');
 *   await demo.screenshot('login-step-1');       // → test-results/login-step-1.png
 *   await demo.close();
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/find-browser.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import type { OutboxMessage } from '../../src/adapter/types.js';

export interface Demo {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Base URL of the demo, ending in `/`. */
  url: string;
  /** Open a hash route, e.g. `await demo.open('#/delegate/login')`, and wait for the page. */
  open(hash: string): Promise<void>;
  /** Every message the demo adapter has "sent", oldest first. */
  outbox(): Promise<OutboxMessage[]>;
  /** The newest message, optionally of one channel (throws if there is none). */
  latestMessage(channel?: 'email' | 'sms'): Promise<OutboxMessage>;
  /** The 8-character code in the newest message of `channel`. */
  latestCode(channel?: 'email' | 'sms'): Promise<string>;
  /** The first http(s) link in the newest email. */
  latestLink(): Promise<string>;
  /** Save a full-page screenshot to `test-results/<name>.png`; returns the path. */
  screenshot(name: string): Promise<string>;
  /** Console errors and CSP violations seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Install Playwright's fake clock before the page loads (for lockout expiry and the like). */
  fakeClock?: boolean;
  viewport?: { width: number; height: number };
}

export async function startDemo(options: StartOptions = {}): Promise<Demo> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium: apt-get install -y chromium, or set CHROME_PATH');
  const { server, url } = (await startDemoServer({ port: 0 })) as { server: Server; url: string };
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  if (options.fakeClock) await page.clock.install();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  mkdirSync('test-results', { recursive: true });

  const outbox = () =>
    page.evaluate(() => [...window.pepDemo.adapter.outbox]) as Promise<OutboxMessage[]>;
  const latestMessage = async (channel?: 'email' | 'sms') => {
    const all = (await outbox()).filter((m) => !channel || m.channel === channel);
    const last = all[all.length - 1];
    if (!last) throw new Error(`no ${channel ?? ''} message in the outbox`);
    return last;
  };

  const demo: Demo = {
    browser,
    context,
    page,
    url,
    errors,
    async open(hash) {
      await page.goto(url + hash);
      await page.waitForFunction(() => Boolean(window.pepDemo));
    },
    outbox,
    latestMessage,
    async latestCode(channel) {
      const m = await latestMessage(channel);
      const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(m.text)?.[1];
      if (!code) throw new Error(`no code in: ${m.text}`);
      return code;
    },
    async latestLink() {
      const m = await latestMessage('email');
      const link = /https?:\/\/\S+/.exec(m.text)?.[0];
      if (!link) throw new Error(`no link in: ${m.text}`);
      return link;
    },
    async screenshot(name) {
      const path = `test-results/${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
  return demo;
}
