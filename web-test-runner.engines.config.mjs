// Firefox and WebKit run of the cross-engine suites (accessibility, keyboard, theming, i18n).
// `npm run test:engines` (wraps this in `xvfb-run -a`; WebKitGTK's MiniBrowser needs a display).
// Pick engines with ENGINES=chromium,firefox,webkit (default firefox,webkit); run other
// files with ENGINE_FILES=a.test.ts,b.test.ts. Chromium runs everything in
// `npm run test:unit` (web-test-runner.config.mjs).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-browser.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const wanted = (process.env.ENGINES ?? 'firefox,webkit').split(',').map((s) => s.trim());

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Start WebKitWebDriver and wait until it accepts connections; it is killed when we exit. */
async function startWebKitDriver() {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    if (driver.exitCode === null) driver.kill();
  };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (stop(), process.exit(130)));
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return port;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

const browsers = [];
if (wanted.includes('chromium')) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium');
  browsers.push(
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }),
  );
}
if (wanted.includes('firefox')) {
  if (!existsSync(FIREFOX))
    throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr`);
  // puppeteer-core drives Firefox over WebDriver BiDi (no download, no geckodriver).
  const firefox = chromeLauncher({
    launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
  });
  firefox.name = 'Firefox'; // the launcher would report "Chrome"
  browsers.push(firefox);
}
if (wanted.includes('webkit')) {
  if (!existsSync(WEBKIT_DRIVER) || !existsSync(MINIBROWSER))
    throw new Error('No WebKitGTK driver: apt-get install -y webkit2gtk-driver xvfb');
  const port = await startWebKitDriver();
  browsers.push(
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    }),
  );
}

export default {
  files: process.env.ENGINE_FILES
    ? process.env.ENGINE_FILES.split(',')
    : ['test/a11y/**/*.test.ts', 'test/theming/**/*.test.ts', 'test/i18n/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    forcedColorsPlugin(),
  ],
  browsers,
  testFramework: { config: { timeout: 30000 } },
};
