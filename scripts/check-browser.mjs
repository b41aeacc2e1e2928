import { findChromium } from './find-browser.mjs';

if (!findChromium()) {
  console.error(
    'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
