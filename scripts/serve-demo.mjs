// `npm start`: serve the built demo host portal (PORT overrides 8000).
import { existsSync } from 'node:fs';
import { startDemoServer } from './demo-server.mjs';

if (!existsSync('demo/dist/index.html')) {
  console.error('The demo is not built: run `npm run build:demo` (npm start does it for you).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8000);
const { url } = await startDemoServer({ port });
console.log(`Demo host portal: ${url}  (Ctrl+C to stop)`);
