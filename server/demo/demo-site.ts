/**
 * Serves the built demo portal (`npm run build:demo` → demo/dist) under the same strict Content
 * Security Policy as `npm start` (scripts/demo-server.mjs), with one change: `index.html` gets
 * `<meta name="pep-backend" content="http">`, which makes the demo talk to this server through
 * the HttpAdapter (`/api`) instead of its in-browser MemoryAdapter.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { CSP, TYPES as CONTENT_TYPES } from '../../scripts/demo-server.mjs';

const TYPES: Record<string, string> = CONTENT_TYPES;

/** The marker the demo's main.ts reads to choose the HttpAdapter. */
const BACKEND_META = '<meta name="pep-backend" content="http" />';

const STATIC_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Insert the backend marker right after `<head>` (idempotent). */
export function withBackendMeta(html: string): string {
  if (html.includes('name="pep-backend"')) return html;
  return html.replace(/<head>/i, (m) => `${m}\n    ${BACKEND_META}`);
}

/** A Hono app serving `root` (GET/HEAD only); unknown paths are 404. */
export function demoSite(root: string): Hono {
  const base = resolve(root);
  const app = new Hono();
  app.on(['GET', 'HEAD'], '*', async (c) => {
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^([/\\])+/, '');
    } catch {
      return c.text('Bad request', 400);
    }
    if (path === '' || path.endsWith('/') || path.endsWith(sep)) path += 'index.html';
    const file = join(base, path);
    if (file !== base && !file.startsWith(base + sep)) return c.text('Not found', 404);
    try {
      const info = await stat(file);
      if (!info.isFile()) return c.text('Not found', 404);
    } catch {
      return c.text('Not found', 404);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = { ...STATIC_HEADERS, 'content-type': type };
    if (extname(file) === '.html') {
      return c.body(withBackendMeta(await readFile(file, 'utf8')), 200, headers);
    }
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  });
  return app;
}
