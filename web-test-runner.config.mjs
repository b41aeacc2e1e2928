import { esbuildPlugin } from '@web/dev-server-esbuild';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-browser.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}

/**
 * A test may make one module fail to load, as a lost chunk would on a flaky network: while the
 * page has a `pep-fail-module=<path suffix>` cookie, requests for paths ending so get a 503.
 */
const failModule = (ctx, next) => {
  const m = /(?:^|;\s*)pep-fail-module=([^;]+)/.exec(ctx.get('cookie'));
  if (m && ctx.path.endsWith(decodeURIComponent(m[1]))) {
    ctx.status = 503;
    ctx.body = 'unavailable (pep-fail-module)';
    return undefined;
  }
  return next();
};

export default {
  files: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  middleware: [failModule],
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    forcedColorsPlugin(),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
