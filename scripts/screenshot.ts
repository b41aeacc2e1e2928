// Screenshot a demo route: `node --import tsx scripts/screenshot.ts "#/delegate/login" name` → test-results/name.png
import { startDemo } from '../test/e2e/harness.js';
const demo = await startDemo();
const hash = process.argv[2] ?? '#/';
await demo.open(hash);
await demo.page.waitForTimeout(800);
await demo.screenshot(process.argv[3] ?? 'shot');
console.log('errors:', demo.errors);
await demo.close();
