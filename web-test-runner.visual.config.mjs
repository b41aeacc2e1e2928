// Visual regression (`npm run test:visual`): every element story (stories/*.stories.ts) drawn at
// 375 and 1280 px, light and dark, English and Spanish, compared with the PNG baselines in
// test/visual/baselines/; plus a check that no story scrolls horizontally at 320 px.
// Update the baselines after an intended visual change:
//   npm run test:visual -- --update-visual-baseline      (or UPDATE_VISUAL_BASELINE=1)
// A failed comparison writes the new screenshot and a diff image to test-results/visual/.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-browser.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}

// Tolerance (README "Visual regression"): a pixel counts as changed when its colour differs by
// more than `threshold` (pixelmatch's YIQ distance, 0–1; anti-aliased edges are ignored), and a
// screenshot fails when more than `percent` % of its pixels changed. Small enough that a changed
// colour token, border or word fails; large enough for sub-pixel text rendering noise.
const VISUAL_TOLERANCE = { threshold: 0.1, percent: 0.05 };
// Design-system docs, not element steps: theming.stories.ts shows each element's first step
// (already shot from its own stories) under token overrides; building-blocks.stories.ts is a
// stories-only showcase element with hard-coded English.
const UNSHOT_STORY_MODULES = ['theming', 'building-blocks'];

// Every story module has its screenshot file (a new element cannot be left out by accident).
const missing = readdirSync('stories')
  .filter((f) => f.endsWith('.stories.ts'))
  .map((f) => f.replace(/\.stories\.ts$/, ''))
  .filter((m) => !UNSHOT_STORY_MODULES.includes(m))
  .filter((m) => !existsSync(`test/visual/${m}.visual.ts`));
if (missing.length > 0) {
  console.error(`stories without a test/visual/<name>.visual.ts: ${missing.join(', ')}`);
  process.exit(1);
}

// Dates and times as on every other machine (stories start at a fixed instant: fixed-clock.ts).
process.env.TZ = 'UTC';

const update =
  process.argv.includes('--update-visual-baseline') ||
  process.argv.includes('--update') ||
  /^(1|true)$/i.test(process.env.UPDATE_VISUAL_BASELINE ?? '');
const failedDir = path.resolve('test-results/visual');

// The plugin's own comparison (pngjs + pixelmatch), which its entry point does not export; it
// runs only when the PNG bytes differ: Chromium encodes the same pixels to the same bytes, so an
// unchanged screenshot costs no decoding (about a third of the suite's time on 2 cores).
const require = createRequire(import.meta.url);
const { pixelMatchDiff } = require(
  path.join(
    path.dirname(require.resolve('@web/test-runner-visual-regression/plugin')),
    'pixelMatchDiff.js',
  ),
);
const sameBytes = { error: '', diffPercentage: 0, diffPixels: 0, diffImage: Buffer.alloc(0) };
const imageDiff = (args) =>
  args.baselineImage.equals(args.image) ? sameBytes : pixelMatchDiff(args);

export default {
  files: ['test/visual/**/*.visual.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: a screenshot brings its page to the front.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600000,
  plugins: [
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    visualRegressionPlugin({
      update,
      baseDir: 'test/visual/baselines',
      getBaselineName: ({ name }) => `${name}.png`,
      getFailedName: ({ name }) => path.join(failedDir, `${name}.png`),
      getDiffName: ({ name }) => path.join(failedDir, `${name}.diff.png`),
      getImageDiff: imageDiff,
      diffOptions: { threshold: VISUAL_TOLERANCE.threshold },
      failureThresholdType: 'percent',
      failureThreshold: VISUAL_TOLERANCE.percent,
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // The same pixels on every machine: no scroll bars, no GPU, sRGB, 1 CSS px = 1 pixel.
        args: [
          ...CHROMIUM_ARGS,
          '--hide-scrollbars',
          '--force-color-profile=srgb',
          '--force-device-scale-factor=1',
          '--font-render-hinting=none',
          '--lang=en-US',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 120000 } },
};
