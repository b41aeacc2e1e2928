// Makes docs/demo.png for the README: My Delegates with one invited delegate, the Add Delegate
// dialog open, and the Outbox showing the verification email. Run after `npm run build:demo`:
//   node --import tsx scripts/readme-screenshot.ts
import { mkdirSync } from 'node:fs';
import { startDemo } from '../test/e2e/harness.js';

const demo = await startDemo({ viewport: { width: 1280, height: 860 } });
try {
  await demo.open('#/producer/delegates');
  await demo.page.waitForSelector('pep-my-delegates');
  await demo.page.evaluate(async () => {
    await window.pepDemo.adapter.addDelegate({
      username: 'mgarcia01',
      email: 'maria.garcia@example.com',
      firstName: 'María',
      lastName: 'García',
      mobile: '(312) 555-0101',
      states: ['IL', 'TX'],
    });
  });
  await demo.open('#/');
  await demo.open('#/producer/delegates');
  await demo.page.getByRole('button', { name: 'Add Delegate' }).click();
  await demo.page.getByLabel('Username').fill('jsmith2026');
  await demo.page.waitForTimeout(300);
  mkdirSync('docs', { recursive: true });
  await demo.page.screenshot({ path: 'docs/demo.png' });
  console.log('docs/demo.png written');
} finally {
  await demo.close();
}
