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
import { checkSchema, loadOpenApi, requestSchema, type Schema } from '../../server/http/schema.js';
import type { RequestContext } from '../../src/adapter/engine/index.js';
import { ROUTES, type OperationName } from '../../src/adapter/http/routes.js';
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

beforeEach(async () => {
  backend = await testBackend();
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
      ['/username/remind', {}, { email: 'required' }],
    ];
    for (const [path, body, fields] of cases) {
      const res = await c.post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(await json(res), { code: 'VALIDATION', data: { fields } });
    }
    assert.equal(logs.length, 0, 'nothing unexpected');
  });

  it('leaves content rules to the domain (its own reasons)', async () => {
    const c = new Client(app, LOCAL);
    const res = await c.post('/username/remind', { email: 'nope' });
    assert.equal(res.status, 400);
    assert.deepEqual(await json(res), {
      code: 'VALIDATION',
      data: { fields: { email: 'invalid-email' } },
    });
  });

  // Rule change (issue 19): unknown properties were silently stripped; they are now refused.
  it('refuses properties the schema does not declare, at any depth, without echoing their names', async () => {
    const c = new Client(app, LOCAL);
    let called = 0;
    backend.engine.forgotUsername = async () => {
      called += 1;
      return { resendAvailableAt: 0 };
    };
    const cases: [string, unknown, Record<string, string>][] = [
      ['/username/remind', { email: 'a@example.com', admin: true }, { body: 'not-allowed' }],
      ['/username/remind', { email: 'a@example.com', __proto__x: 1 }, { body: 'not-allowed' }],
      ['/login', { username: 'abcdefg', password: 'x', isAdmin: 1 }, { body: 'not-allowed' }],
      [
        '/login/enroll-pattern',
        {
          pendingId: 'p',
          samples: [
            { text: 'a', events: [{ type: 'down', key: 'a', code: 'KeyA', t: 1, extra: 2 }] },
          ],
        },
        { samples: 'not-allowed' },
      ],
      ['/session/logout', { anything: 1 }, { body: 'not-allowed' }],
    ];
    for (const [path, body, fields] of cases) {
      const res = await c.post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(await json(res), { code: 'VALIDATION', data: { fields } });
    }
    assert.equal(called, 0, 'the operation never ran');
    assert.equal(logs.length, 0, 'nothing unexpected');
  });

  it('refuses __proto__, constructor and prototype keys anywhere in a body', async () => {
    const c = new Client(app, LOCAL);
    let called = 0;
    backend.engine.forgotUsername = async () => {
      called += 1;
      return { resendAvailableAt: 0 };
    };
    backend.engine.login = async () => {
      called += 1;
      throw adapterError('INVALID_CREDENTIALS');
    };
    const cases: [string, string, Record<string, string>][] = [
      [
        '/username/remind',
        '{"email":"a@example.com","__proto__":{"x":1}}',
        { body: 'not-allowed' },
      ],
      ['/username/remind', '{"email":"a@example.com","constructor":{}}', { body: 'not-allowed' }],
      ['/username/remind', '{"email":"a@example.com","prototype":1}', { body: 'not-allowed' }],
      // A key the schema lists nowhere, nested inside a declared property.
      [
        '/login/verify-pattern',
        '{"pendingId":"p","rememberDevice":false,"samples":[{"text":"a","events":[],"__proto__":{"text":5}}]}',
        { samples: 'not-allowed' },
      ],
      [
        '/login/enroll-pattern',
        '{"pendingId":"p","samples":[{"text":"a","events":[{"type":"down","key":"a","code":"KeyA","t":1,"constructor":{"prototype":{}}}]}]}',
        { samples: 'not-allowed' },
      ],
      // Even where a schema would take any property (a value that is itself a free object).
      ['/session/logout', '{"__proto__":{"isAdmin":true}}', { body: 'not-allowed' }],
    ];
    for (const [path, body, fields] of cases) {
      const res = await c.post(path, body);
      assert.equal(res.status, 400, `${path} ${body}`);
      assert.deepEqual(await json(res), { code: 'VALIDATION', data: { fields } }, body);
    }
    assert.equal(called, 0, 'the operation never ran');
    assert.equal(({} as Record<string, unknown>).x, undefined, 'Object.prototype is untouched');
    assert.equal(logs.length, 0, 'no 500');
  });

  it('reads no schema keyword and no property through the prototype', async () => {
    const doc = loadOpenApi();
    const remind = requestSchema(doc, 'forgotUsername')!;
    // `required` counts own properties only: an inherited one is missing.
    const inherited = Object.create({ email: 'a@example.com' }) as object;
    assert.deepEqual(checkSchema(doc, remind, inherited, { closed: true }).problems, [
      '$.email: required',
    ]);
    // An inherited keyword is no keyword: this "schema" constrains nothing.
    const hollow = Object.create({ type: 'string', enum: ['x'] }) as Schema;
    assert.deepEqual(checkSchema(doc, hollow, 5).problems, []);
    // `properties` has no own `toString`: not declared (not Object.prototype.toString).
    const closed: Schema = { type: 'object', properties: {} };
    assert.deepEqual(checkSchema(doc, closed, { toString: 1 }, { closed: true }).problems, [
      '$.toString: not allowed',
    ]);

    const c = new Client(app, LOCAL);
    const res = await c.post('/username/remind', '{"__proto__":{"email":"a@example.com"}}');
    assert.equal(res.status, 400);
    assert.deepEqual(await json(res), {
      code: 'VALIDATION',
      data: { fields: { body: 'not-allowed' } },
    });
    // A key named like an Object.prototype member is not "declared" by any schema.
    for (const key of ['toString', 'hasOwnProperty', 'valueOf']) {
      const r = await c.post('/username/remind', { email: 'a@example.com', [key]: 1 });
      assert.equal(r.status, 400, key);
      assert.deepEqual(await json(r), {
        code: 'VALIDATION',
        data: { fields: { body: 'not-allowed' } },
      });
    }
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

    backend.engine.setPassword = async () => {
      throw adapterError('BUSY', { retryAfter: backend.clock.now() + 1_200 });
    };
    const busy = await c.post('/password/set', { flowId: 'f', password: 'x' });
    assert.equal(busy.status, 503);
    assert.equal(busy.headers.get('retry-after'), '2', 'seconds, rounded up');
    assert.deepEqual(await json(busy), {
      code: 'BUSY',
      data: { retryAfter: backend.clock.now() + 1_200 },
    });
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

describe('who may call a route', () => {
  const HELP_DESK = {
    username: 'helpdesk1',
    password: 'Quiet-Harbor-Lamp-77!',
    firstName: 'Hal',
    lastName: 'Desk',
    email: 'hal@helpdesk.example',
    mobile: '(312) 555-0199',
  };

  /** A body stream of `total` bytes that counts what the server pulled. */
  function countingBody(total: number): {
    stream: ReadableStream<Uint8Array>;
    pulled: () => number;
  } {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        controller.enqueue(part);
      },
    });
    return { stream, pulled: () => sent };
  }

  it('checks the session of a non-public route before reading its body (a 7 MB anonymous upload)', async () => {
    const c = new Client(app, LOCAL);
    await c.raw('GET', '/csrf');
    const total = 7_000_000;
    assert.ok(
      total < BODY_LIMITS.reportIssue,
      'within the upload limit: only the session refuses it',
    );
    for (const declared of [true, false]) {
      const body = countingBody(total);
      const headers: Record<string, string> = {
        origin: LOCAL,
        'content-type': 'application/json',
        'x-csrf-token': c.csrf!,
      };
      if (declared) headers['content-length'] = String(total);
      const res = await c.raw('POST', '/issues', {
        headers,
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      assert.equal(res.status, 401, declared ? 'declared length' : 'chunked');
      assert.deepEqual(await json(res), { code: 'NOT_AUTHENTICATED', data: {} });
      // A ReadableStream pulls ahead a little (its high-water mark), never the body.
      assert.ok(body.pulled() <= 2 * 64 * 1024, `read ${body.pulled()} of ${total} bytes`);
    }
  });

  it('refuses every non-public route to an anonymous caller with 401, whatever the body', async () => {
    // With passkeys on (their routes exist).
    const withPasskeys = await testBackend(undefined, {
      webauthn: { rpId: 'localhost', rpName: 'Test', origins: [LOCAL] },
    });
    const c = new Client(createApp({ engine: withPasskeys.engine }), LOCAL);
    const nonPublic = (Object.keys(ROUTES) as OperationName[]).filter(
      (name) => ROUTES[name].access !== 'public',
    );
    assert.deepEqual(nonPublic.sort(), [
      'addDelegate',
      'deletePasskey',
      'finishPasskeyRegistration',
      'getDelegateDetail',
      'helpDeskAction',
      'listDelegateActivity',
      'listDelegates',
      'listMyActivity',
      'listPasskeys',
      'renamePasskey',
      'reportIssue',
      'resendInvitation',
      'resetTypingPattern',
      'searchDelegates',
      'setDelegateActive',
      'startPasskeyRegistration',
      'unlockAccount',
      'unlockDelegate',
    ]);
    for (const name of nonPublic) {
      const { method, path } = ROUTES[name];
      const res = method === 'GET' ? await c.raw('GET', path) : await c.post(path, '{"not json');
      assert.equal(res.status, 401, name);
      assert.deepEqual(await json(res), { code: 'NOT_AUTHENTICATED', data: {} }, name);
    }
  });

  it('serves the help-desk routes to a help-desk session only, and not at all with helpDesk: false', async () => {
    await backend.engine.admin.createProducer(PRODUCER);
    await backend.engine.admin.createHelpDeskUser(HELP_DESK);
    const on = createApp({ engine: backend.engine, testing: {} });
    const producer = new Client(on, LOCAL);
    await producer.post('/__test/sign-in', { username: PRODUCER.username });
    const staff = new Client(on, LOCAL);
    await staff.post('/__test/sign-in', { username: HELP_DESK.username });
    for (const path of ['/help-desk/unlock-account', '/help-desk/reset-typing-pattern']) {
      const refused = await producer.post(path, { username: PRODUCER.username });
      assert.equal(refused.status, 403, path);
      assert.deepEqual(await json(refused), { code: 'FORBIDDEN', data: {} });
      const done = await staff.post(path, { username: PRODUCER.username });
      assert.equal(done.status, 204, path);
    }

    const off = createApp({ engine: backend.engine, testing: {}, helpDesk: false });
    const staffOff = new Client(off, LOCAL);
    await staffOff.post('/__test/sign-in', { username: HELP_DESK.username });
    for (const path of ['/help-desk/unlock-account', '/help-desk/reset-typing-pattern']) {
      const res = await staffOff.post(path, { username: PRODUCER.username });
      assert.equal(res.status, 404, path);
      assert.deepEqual(await json(res), { code: 'NOT_FOUND', data: {} });
      const anonymous = await new Client(off, LOCAL).post(path, { username: 'x' });
      assert.equal(anonymous.status, 404, `${path} anonymous`);
    }
  });

  it('creates help-desk users through the test route only', async () => {
    const testing = createApp({ engine: backend.engine, testing: {} });
    const c = new Client(testing, LOCAL);
    const res = await c.post('/__test/help-desk-users', HELP_DESK);
    assert.equal(res.status, 201);
    const profile = (await json(res)) as { username: string; role: string };
    assert.equal(profile.username, HELP_DESK.username);
    assert.equal(profile.role, 'help-desk');
  });

  it("hands the engine the client's address: the socket peer, or the first X-Forwarded-For hop behind a trusted proxy", async () => {
    const seen: (string | null | undefined)[] = [];
    backend.engine.forgotUsername = async (ctx: RequestContext) => {
      seen.push(ctx.clientAddress);
      return { resendAvailableAt: 0 };
    };
    const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const send = async (target: App, env: unknown, headers: Record<string, string> = {}) => {
      const csrf = await target.request(`${LOCAL}/api/csrf`, {}, env as never);
      const token = csrf.headers.get('x-csrf-token')!;
      const res = await target.request(
        `${LOCAL}/api/username/remind`,
        {
          method: 'POST',
          headers: {
            cookie: `pep-csrf=${token}`,
            'x-csrf-token': token,
            'content-type': 'application/json',
            ...headers,
          },
          body: JSON.stringify({ email: 'a@example.com' }),
        },
        env as never,
      );
      assert.equal(res.status, 200);
    };
    await send(app, socket('::ffff:10.0.0.7'), { 'x-forwarded-for': '203.0.113.9' });
    await send(app, socket('2001:db8::1'));
    await send(app, undefined);
    const proxied = createApp({ engine: backend.engine, trustProxy: true });
    await send(proxied, socket('10.0.0.2'), { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' });
    await send(proxied, socket('10.0.0.2'), { 'x-forwarded-for': 'not an address' });
    assert.deepEqual(seen, ['10.0.0.7', '2001:db8::1', null, '203.0.113.9', '10.0.0.2']);
  });
});

describe('report an issue: prototype keys write nothing', () => {
  it('answers 400 to "__proto__":{"clientName":5} and creates no ticket and no message', async () => {
    let tickets = 0;
    const create = backend.store.tickets.create.bind(backend.store.tickets);
    backend.store.tickets.create = async (ticket) => {
      tickets += 1;
      return create(ticket);
    };
    await backend.engine.admin.createProducer(PRODUCER);
    const testing = createApp({ engine: backend.engine, testing: {}, log: (e) => logs.push(e) });
    const c = new Client(testing, LOCAL);
    await c.post('/__test/sign-in', { username: PRODUCER.username });
    const report = {
      description: 'Quote fails',
      stepsTaken: 'Opened Quote',
      agentName: 'Pat Morgan',
      producerId: 'P-100',
      productType: 'MAPD',
      state: 'IL',
      observedAt: '2026-01-05T14:30:00.000Z',
    };
    const messagesBefore = await backend.store.outbox.count();
    const text = JSON.stringify(report);
    for (const body of [
      `{"__proto__":{"clientName":5},${text.slice(1)}`,
      `{"constructor":{"prototype":{"clientName":5}},${text.slice(1)}`,
      `{"screenshot":{"name":"a.png","type":"image/png","size":1,"__proto__":{}},${text.slice(1)}`,
    ]) {
      const res = await c.post('/issues', body);
      assert.equal(res.status, 400, body);
      assert.equal(((await json(res)) as { code: string }).code, 'VALIDATION');
    }
    assert.equal(tickets, 0, 'no ticket written');
    assert.equal(await backend.store.outbox.count(), messagesBefore, 'no message queued');
    assert.equal(logs.length, 0, 'no 500');
    // The same report without the key goes through: the test can fail.
    const ok = await c.post('/issues', report);
    assert.equal(ok.status, 201);
    assert.equal(tickets, 1);
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
  /** Reporting needs a session (checked before the body is read). */
  let signedIn: Client;

  beforeEach(async () => {
    await backend.engine.admin.createProducer(PRODUCER);
    signedIn = new Client(createApp({ engine: backend.engine, testing: {} }), LOCAL);
    await signedIn.post('/__test/sign-in', { username: PRODUCER.username });
    received = null;
    backend.engine.reportIssue = async (_ctx, r) => {
      received = r;
      return { ticketId: 'PEP-TEST1234' };
    };
  });

  it('arrives as a Blob with the decoded bytes', async () => {
    const c = signedIn;
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
    const c = signedIn;
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
    const c = signedIn;
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
    for (const path of [
      '/__test/sign-in',
      '/__test/producers',
      '/__test/help-desk-users',
      '/__test/advance-time',
    ]) {
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
