/**
 * The Hono app's transport rules, through `app.request` (no socket): cookies, CSRF, body limits
 * and shapes, error mapping, security headers, the screenshot encoding, test-only routes.
 *
 *   node --import tsx --test test/server/http-app.spec.ts
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError, adapterError } from '../../src/adapter/errors.js';
import type { IssueReport } from '../../src/adapter/types.js';
import { createApp, BODY_LIMITS, type LogEntry } from '../../server/http/app.js';
import { testBackend, type TestBackend } from './http-support.js';

const LOCAL = 'http://localhost';
const PUBLIC = 'https://portal.example';

const PRODUCER = {
  username: 'producer1',
  password: 'Prod-Secret-2026!',
  firstName: 'Pat',
  lastName: 'Morgan',
  email: 'pat@agency.example',
  mobile: '(312) 555-0100',
  states: ['IL', 'TX'] as ('IL' | 'TX')[],
  producerId: 'P-100',
};

type App = ReturnType<typeof createApp>;

/** A minimal browser: cookie jar, Origin on POST, CSRF token from response headers. */
class Client {
  jar = new Map<string, string>();
  csrf: string | null = null;
  constructor(
    readonly app: App,
    readonly origin: string,
  ) {}

  async raw(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(`${this.origin}/api${path}`, { ...init, method, headers });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      if (/max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    this.csrf = res.headers.get('x-csrf-token') ?? this.csrf;
    return res;
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    if (!this.csrf) await this.raw('GET', '/csrf');
    return this.raw('POST', path, {
      headers: {
        origin: this.origin,
        'content-type': 'application/json',
        'x-csrf-token': this.csrf!,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}

async function json(res: Response): Promise<unknown> {
  return JSON.parse(await res.text());
}

let backend: TestBackend;
let logs: LogEntry[];
let app: App;

beforeEach(() => {
  backend = testBackend();
  logs = [];
  app = createApp({ engine: backend.engine, log: (e) => logs.push(e) });
});

describe('cookies and session', () => {
  it('signs in with an HttpOnly session cookie that no body carries, and clears it on logout', async () => {
    await backend.engine.admin.createProducer(PRODUCER);
    const testing = createApp({ engine: backend.engine, testing: {} });
    const c = new Client(testing, PUBLIC);
    const res = await c.post('/__test/sign-in', { username: PRODUCER.username });
    assert.equal(res.status, 200);
    const lines = res.headers.getSetCookie();
    const session = lines.find((l) => l.startsWith('__Host-pep-session='));
    assert.ok(session, `session cookie in ${lines.join(' | ')}`);
    for (const attr of ['Path=/', 'HttpOnly', 'SameSite=Lax', 'Secure']) {
      assert.ok(session.split('; ').includes(attr), `${attr} in ${session}`);
    }
    const token = session.split(';')[0]!.split('=')[1]!;
    assert.ok(token.length >= 40);
    assert.ok(!(await res.clone().text()).includes(token), 'the token is not in the body');
    const csrfLine = lines.find((l) => l.startsWith('__Host-pep-csrf='))!;
    assert.ok(csrfLine.includes('HttpOnly') && csrfLine.includes('Secure'));
    assert.equal(
      res.headers.get('strict-transport-security'),
      'max-age=31536000; includeSubDomains',
    );

    const s = await c.raw('GET', '/session');
    assert.equal(((await json(s)) as { user: { username: string } }).user.username, 'producer1');
    const before = c.csrf;
    const out = await c.post('/session/logout', {});
    assert.equal(out.status, 204);
    assert.ok(out.headers.getSetCookie().some((l) => /^__Host-pep-session=;.*Max-Age=0/.test(l)));
    assert.notEqual(c.csrf, before, 'the CSRF token is replaced when the session changes');
    assert.equal(await json(await c.raw('GET', '/session')), null);
  });

  it('uses unprefixed cookies without Secure only for plain HTTP on loopback', async () => {
    for (const [origin, secure] of [
      ['http://localhost:8787', false],
      ['http://127.0.0.1:9000', false],
      ['http://[::1]:9000', false],
      ['http://portal.example', true],
      ['https://localhost', true],
    ] as const) {
      const res = await new Client(app, origin).raw('GET', '/csrf');
      const line = res.headers.getSetCookie()[0]!;
      assert.equal(line.startsWith('__Host-pep-csrf='), secure, `${origin}: ${line}`);
      assert.equal(line.includes('Secure'), secure, `${origin}: ${line}`);
    }
  });

  it('clears a stale or malformed session cookie', async () => {
    const c = new Client(app, LOCAL);
    c.jar.set('pep-session', 'A'.repeat(43));
    const res = await c.raw('GET', '/session');
    assert.equal(await json(res), null);
    assert.ok(res.headers.getSetCookie().some((l) => /^pep-session=;.*Max-Age=0/.test(l)));
    assert.equal(c.jar.has('pep-session'), false);
  });
});

describe('CSRF', () => {
  const login = { username: 'someone1', password: 'Some-Pass-1!' };

  it('refuses a POST without the token, with a wrong one, or with no cookie', async () => {
    const c = new Client(app, LOCAL);
    await c.raw('GET', '/csrf');
    const cases: [string, Record<string, string>][] = [
      ['no header', { 'x-csrf-token': '' }],
      ['wrong token', { 'x-csrf-token': 'x'.repeat(43) }],
    ];
    for (const [what, headers] of cases) {
      const res = await c.post('/login', login, headers);
      assert.equal(res.status, 403, what);
      assert.deepEqual(await json(res), { code: 'FORBIDDEN', data: {} }, what);
      assert.equal(res.headers.get('x-csrf-failure'), '1', what);
    }
    const token = c.csrf!;
    c.jar.clear();
    const noCookie = await c.post('/login', login, { 'x-csrf-token': token });
    assert.equal(noCookie.status, 403, 'a token without its cookie');
    // The refusal carries a fresh token (and cookie): the same call then goes through.
    const retry = await c.post('/login', login);
    assert.equal(retry.status, 401);
    assert.deepEqual(await json(retry), { code: 'INVALID_CREDENTIALS', data: {} });
  });

  it('refuses foreign origins and cross-site fetches, unless the origin is allowed', async () => {
    const c = new Client(app, LOCAL);
    await c.raw('GET', '/csrf');
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const res = await c.post('/login', login, headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(res.headers.get('x-csrf-failure'), '1');
    }
    const open = createApp({
      engine: backend.engine,
      allowedOrigins: ['https://portal.example'],
    });
    const d = new Client(open, LOCAL);
    const ok = await d.post('/login', login, {
      origin: 'https://portal.example',
      'sec-fetch-site': 'cross-site',
    });
    assert.equal(ok.status, 401, 'an allowed origin passes the check');
    const same = await d.post('/login', login, { 'sec-fetch-site': 'same-origin' });
    assert.equal(same.status, 401, 'same origin passes');
  });

  it('needs no token for reads, and hands one out on every response', async () => {
    const c = new Client(app, LOCAL);
    const res = await c.raw('GET', '/session');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('x-csrf-token') ?? '', /^[A-Za-z0-9_-]{43}$/);
    const again = await c.raw('GET', '/delegates');
    assert.equal(again.headers.get('x-csrf-token'), res.headers.get('x-csrf-token'), 'stable');
    assert.equal(again.status, 401);
  });
});

describe('request bodies', () => {
  it('answers shape errors with 400 VALIDATION naming the field, never 500', async () => {
    const c = new Client(app, LOCAL);
    const cases: [string, unknown, Record<string, string>][] = [
      ['/login', { username: 5, password: 'x' }, { username: 'required' }],
      ['/login', { password: 'x' }, { username: 'required' }],
      ['/login', [], { body: 'required' }],
      ['/login', 'null', { body: 'required' }],
      ['/login', '{"username":', { body: 'required' }],
      ['/password/send-code', { flowId: 'f', channel: 'fax' }, { channel: 'required' }],
      [
        '/login/enroll-pattern',
        {
          pendingId: 'p',
          samples: [{ text: 'a', events: [{ type: 'down', key: 'a', code: 'KeyA', t: 'x' }] }],
        },
        { samples: 'required' },
      ],
      ['/delegates/resend-invitation', {}, { delegateId: 'required' }],
    ];
    for (const [path, body, fields] of cases) {
      const res = await c.post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(await json(res), { code: 'VALIDATION', data: { fields } });
    }
    assert.equal(logs.length, 0, 'nothing unexpected');
  });

  it('leaves content rules to the domain (its own reasons) and ignores unknown properties', async () => {
    const c = new Client(app, LOCAL);
    const res = await c.post('/username/remind', { email: 'nope', admin: true, __proto__x: 1 });
    assert.equal(res.status, 400);
    assert.deepEqual(await json(res), {
      code: 'VALIDATION',
      data: { fields: { email: 'invalid-email' } },
    });
  });

  it('refuses a body that is not JSON-typed, or too large (413)', async () => {
    const c = new Client(app, LOCAL);
    const typed = await c.post('/login', JSON.stringify({ username: 'a', password: 'b' }), {
      'content-type': 'text/plain',
    });
    assert.equal(typed.status, 400);
    assert.deepEqual(await json(typed), {
      code: 'VALIDATION',
      data: { fields: { body: 'not-allowed' } },
    });
    const big = await c.post('/login', {
      username: 'a',
      password: 'x'.repeat(BODY_LIMITS.default),
    });
    assert.equal(big.status, 413);
    assert.deepEqual(await json(big), {
      code: 'VALIDATION',
      data: { fields: { body: 'too-long' } },
    });
  });
});

describe('errors', () => {
  it('maps AdapterErrors to their status, body and Retry-After', async () => {
    const c = new Client(app, LOCAL);
    const at = backend.clock.now() + 90_500;
    backend.engine.forgotUsername = async () => {
      throw adapterError('RATE_LIMITED', { retryAfter: at });
    };
    const limited = await c.post('/username/remind', { email: 'a@example.com' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '91');
    assert.deepEqual(await json(limited), { code: 'RATE_LIMITED', data: { retryAfter: at } });

    backend.engine.login = async () => {
      throw adapterError('ACCOUNT_LOCKED', { unlocksAt: at });
    };
    const locked = await c.post('/login', { username: 'abcdefg', password: 'x' });
    assert.equal(locked.status, 423);
    assert.equal(locked.headers.get('retry-after'), '91');
    assert.deepEqual(await json(locked), { code: 'ACCOUNT_LOCKED', data: { unlocksAt: at } });
  });

  it('answers an unexpected failure 500 UNAVAILABLE, disclosing nothing, and logs it without the body', async () => {
    const c = new Client(app, LOCAL);
    backend.engine.login = async () => {
      throw new Error('SQLITE_BUSY at /srv/db.sqlite');
    };
    const res = await c.post('/login', { username: 'abcdefg', password: 'Hunter2-secret!' });
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.equal(text, '{"code":"UNAVAILABLE","data":{}}');
    assert.equal(logs.length, 1);
    assert.equal(logs[0]!.path, '/api/login');
    assert.ok(!JSON.stringify(logs[0]).includes('Hunter2-secret!'), 'no password in the log');

    backend.engine.getSession = async () => {
      throw new AdapterError('ABORTED', {});
    };
    const odd = await c.raw('GET', '/session');
    assert.equal(odd.status, 500, 'a client-only code from the engine is unexpected');
  });

  it('answers unknown routes and methods with a JSON NOT_FOUND', async () => {
    const c = new Client(app, LOCAL);
    const res = await c.raw('GET', '/login');
    assert.equal(res.status, 404);
    assert.deepEqual(await json(res), { code: 'NOT_FOUND', data: {} });
    assert.equal((await c.raw('GET', '/nope')).status, 404);
  });

  it('sets security headers on every response', async () => {
    const c = new Client(app, LOCAL);
    for (const res of [await c.raw('GET', '/session'), await c.post('/login', {})]) {
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS on loopback HTTP');
    }
  });
});

describe('report an issue: the screenshot', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const report: Omit<IssueReport, 'screenshot'> = {
    description: 'Quote fails',
    stepsTaken: 'Opened Quote',
    agentName: 'Jane Doe',
    producerId: 'P-1',
    productType: 'MAPD',
    state: 'IL',
    observedAt: '2026-01-05T14:30:00.000Z',
  };
  let received: IssueReport | null;

  beforeEach(() => {
    received = null;
    backend.engine.reportIssue = async (_ctx, r) => {
      received = r;
      return { ticketId: 'PEP-TEST1234' };
    };
  });

  it('arrives as a Blob with the decoded bytes', async () => {
    const c = new Client(app, LOCAL);
    const shot = {
      name: 's.png',
      type: 'image/png',
      size: PNG.length,
      data: PNG.toString('base64'),
    };
    const res = await c.post('/issues', { ...report, screenshot: shot });
    assert.equal(res.status, 201);
    assert.deepEqual(await json(res), { ticketId: 'PEP-TEST1234' });
    const blob = received!.screenshot!.data!;
    assert.ok(blob instanceof Blob);
    assert.deepEqual(Buffer.from(await blob.arrayBuffer()), PNG);
    assert.equal(received!.screenshot!.size, PNG.length);
  });

  it('refuses bytes that do not match the size or the type', async () => {
    const c = new Client(app, LOCAL);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 's.png', type: 'image/png', size: 99, data: PNG.toString('base64') }, 'mismatch'],
      [
        { name: 's.jpg', type: 'image/jpeg', size: PNG.length, data: PNG.toString('base64') },
        'invalid-file-type',
      ],
      [{ name: 's.png', type: 'image/png', size: 3, data: '!!!!' }, 'invalid-file-type'],
    ];
    for (const [screenshot, reason] of cases) {
      const res = await c.post('/issues', { ...report, screenshot });
      assert.equal(res.status, 400);
      assert.deepEqual(await json(res), {
        code: 'VALIDATION',
        data: { fields: { screenshot: reason } },
      });
    }
    assert.equal(received, null, 'the engine was not called');
  });

  it('passes metadata-only screenshots to the domain, and answers an oversize body 413', async () => {
    const c = new Client(app, LOCAL);
    const meta = { name: 'big.png', type: 'image/png', size: 50 * 1024 * 1024 };
    assert.equal((await c.post('/issues', { ...report, screenshot: meta })).status, 201);
    assert.deepEqual(received!.screenshot, meta);
    const huge = await c.post('/issues', {
      ...report,
      screenshot: { ...meta, data: 'A'.repeat(BODY_LIMITS.reportIssue) },
    });
    assert.equal(huge.status, 413);
    assert.deepEqual(await json(huge), {
      code: 'VALIDATION',
      data: { fields: { screenshot: 'file-too-large' } },
    });
  });
});

describe('test-only routes', () => {
  it('do not exist unless the app is created with `testing`', async () => {
    const c = new Client(app, LOCAL);
    for (const path of ['/__test/sign-in', '/__test/producers', '/__test/advance-time']) {
      const res = await c.post(path, { username: 'x' });
      assert.equal(res.status, 404, path);
    }
    assert.equal((await c.raw('GET', '/__test/outbox')).status, 404);
  });

  it('are refused when NODE_ENV=production', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      assert.throws(
        () => createApp({ engine: backend.engine, testing: {} }),
        /NODE_ENV=production/,
      );
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
