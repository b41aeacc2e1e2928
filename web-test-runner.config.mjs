import { esbuildPlugin } from '@web/dev-server-esbuild';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { failRequestsPlugin } from './scripts/wtr-fail-requests.mjs';
import { webauthnPlugin } from './scripts/wtr-webauthn.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-browser.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}

export default {
  files: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One test page at a time: keystroke-timing tests (typing pattern under chaos) failed in about
  // half of the CI runs while another page held the focus (the WebAuthn tests bring their page to
  // the front, as a ceremony needs it) or loaded the 2 CPUs.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    forcedColorsPlugin(),
    failRequestsPlugin(),
    webauthnPlugin(),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
