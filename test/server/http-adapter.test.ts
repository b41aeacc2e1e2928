/**
 * HttpAdapter in Chromium against a scripted fake `fetch`: requests on the wire, CSRF handling,
 * error mapping, timeouts, aborts, retries (idempotent calls only), the screenshot encoding, and
 * `<pep-auth-provider base-url>`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  HttpAdapter,
  ROUTES,
  type HttpAdapterOptions,
  type LazyHttpAdapter,
} from '../../src/adapter/http/index.js';
import { AdapterError, type AdapterErrorCode } from '../../src/adapter/errors.js';
import type { IssueReport } from '../../src/adapter/types.js';
import '../../src/elements/auth-provider/pep-auth-provider.js';
import type { PepAuthProvider } from '../../src/elements/auth-provider/auth-provider.component.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { adapterContext } from '../../src/base/context.js';
import type { AuthAdapter } from '../../src/adapter/types.js';

/** A widget stand-in: receives the adapter by context, as every pep-* element does. */
class HttpTestProbe extends LitElement {
  @consume({ context: adapterContext, subscribe: true })
  adapter?: AuthAdapter;
}
customElements.define('http-test-probe', HttpTestProbe);

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

type Step = Response | Error | 'hang' | ((call: Call) => Response | Promise<Response>);

const TOKEN = 't'.repeat(43);

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const csrfReply = (token = TOKEN) =>
  new Response(null, { status: 204, headers: { 'X-CSRF-Token': token } });

/** A fake fetch answering each call with the next scripted step (the CSRF fetch included). */
function fakeFetch(steps: Step[]) {
  const calls: Call[] = [];
  const f = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body as string | undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected call ${call.method} ${call.url}`);
    if (step === 'hang') return new Promise<Response>(() => undefined);
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(call);
    return step;
  };
  return { fetch: f as typeof fetch, calls, steps };
}

function adapter(steps: Step[], options: HttpAdapterOptions = {}) {
  const fake = fakeFetch(steps);
  const a = new HttpAdapter({ baseUrl: '/api', fetch: fake.fetch, retryDelayMs: 1, ...options });
  return { a, ...fake };
}

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(AdapterError);
    return err as AdapterError;
  }
  throw new Error('expected a rejection');
}

async function rejectsWith(
  promise: Promise<unknown>,
  code: AdapterErrorCode,
): Promise<AdapterError> {
  const err = await rejection(promise);
  expect(err.code, `${err.code} ${JSON.stringify(err.data)}`).to.equal(code);
  return err;
}

describe('HttpAdapter', () => {
  describe('requests', () => {
    it('reads with GET, no body, no CSRF header, same-origin cookies, no cache', async () => {
      const session = { user: { username: 'janedoe1' } };
      const { a, calls } = adapter([reply(200, session), reply(200, null)]);
      expect(await a.getSession()).to.deep.equal(session);
      expect(await a.getSession()).to.equal(null);
      expect(calls[0]!.url).to.equal('/api/session');
      expect(calls[0]!.method).to.equal('GET');
      expect(calls[0]!.body).to.equal(undefined);
      expect(calls[0]!.credentials).to.equal('same-origin');
      expect(calls[0]!.headers.has('X-CSRF-Token')).to.equal(false);
    });

    it('fetches the CSRF token once, then sends it with every JSON POST', async () => {
      const { a, calls } = adapter([
        csrfReply(),
        reply(200, { resendAvailableAt: 5 }),
        new Response(null, { status: 204 }),
      ]);
      expect(await a.forgotUsername({ email: 'a@example.com' })).to.deep.equal({
        resendAvailableAt: 5,
      });
      await a.unlockAccount({ username: 'janedoe1' });
      expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
        'GET /api/csrf',
        'POST /api/username/remind',
        'POST /api/help-desk/unlock-account',
      ]);
      for (const c of calls.slice(1)) {
        expect(c.headers.get('X-CSRF-Token')).to.equal(TOKEN);
        expect(c.headers.get('Content-Type')).to.equal('application/json');
      }
      expect(JSON.parse(calls[1]!.body!)).to.deep.equal({ email: 'a@example.com' });
      expect(JSON.parse(calls[2]!.body!)).to.deep.equal({ username: 'janedoe1' });
    });

    it('follows the token of the latest response (it changes with the session)', async () => {
      const { a, calls } = adapter([
        reply(200, null, { 'X-CSRF-Token': 'first-token-aaaaaaaaaaaaaaaaaaaaaaa' }),
        reply(
          200,
          { status: 'authenticated', session: {} },
          { 'X-CSRF-Token': 'second-token-bbbbbbbbbbbbbbbbbbbbbb' },
        ),
        new Response(null, { status: 204 }),
      ]);
      await a.getSession();
      await a.login({ username: 'janedoe1', password: 'x' });
      await a.logout();
      expect(calls[1]!.headers.get('X-CSRF-Token')).to.equal('first-token-aaaaaaaaaaaaaaaaaaaaaaa');
      expect(calls[2]!.headers.get('X-CSRF-Token')).to.equal('second-token-bbbbbbbbbbbbbbbbbbbbbb');
      expect(JSON.parse(calls[2]!.body!)).to.deep.equal({});
    });

    it('shares one CSRF fetch between concurrent calls', async () => {
      const { a, calls } = adapter([
        csrfReply(),
        new Response(null, { status: 204 }),
        new Response(null, { status: 204 }),
      ]);
      await Promise.all([a.logout(), a.unlockAccount({ username: 'x' })]);
      expect(calls.filter((c) => c.url === '/api/csrf')).to.have.length(1);
    });

    it('sends a call refused by the CSRF check once more with the fresh token, and only once', async () => {
      const refused = (token: string) =>
        reply(
          403,
          { code: 'FORBIDDEN', data: {} },
          { 'X-CSRF-Failure': '1', 'X-CSRF-Token': token },
        );
      const { a, calls } = adapter([
        csrfReply('stale-token-ccccccccccccccccccccccccc'),
        refused('fresh-token-dddddddddddddddddddddddddd'),
        reply(200, { valid: false }),
        refused('fresh-token-eeeeeeeeeeeeeeeeeeeeeeeeee'),
        refused('fresh-token-ffffffffffffffffffffffffff'),
      ]);
      expect(await a.checkDevice({ username: 'u', deviceToken: 'd' })).to.deep.equal({
        valid: false,
      });
      expect(calls[2]!.headers.get('X-CSRF-Token')).to.equal(
        'fresh-token-dddddddddddddddddddddddddd',
      );
      await rejectsWith(a.logout(), 'FORBIDDEN');
      expect(calls).to.have.length(5);
    });

    it('a plain FORBIDDEN (no CSRF marker) is not re-sent', async () => {
      const { a, calls } = adapter([csrfReply(), reply(403, { code: 'FORBIDDEN', data: {} })]);
      await rejectsWith(a.sendVerificationCode({ pendingId: 'p', channel: 'sms' }), 'FORBIDDEN');
      expect(calls).to.have.length(2);
    });

    it('joins the base URL without a double slash and passes the credentials mode', async () => {
      const { a, calls } = adapter([reply(200, [])], {
        baseUrl: 'https://api.example/v1/',
        credentials: 'include',
      });
      await a.listDelegates();
      expect(calls[0]!.url).to.equal('https://api.example/v1/delegates');
      expect(calls[0]!.credentials).to.equal('include');
    });
  });

  describe('error mapping', () => {
    it('turns a {code, data} body into the typed error', async () => {
      const { a } = adapter([
        csrfReply(),
        reply(423, { code: 'ACCOUNT_LOCKED', data: { unlocksAt: 1234 } }, { 'Retry-After': '60' }),
        reply(400, { code: 'VALIDATION', data: { fields: { email: 'invalid-email' } } }),
        reply(401, { code: 'INVALID_CREDENTIALS' }),
      ]);
      const locked = await rejectsWith(a.login({ username: 'u', password: 'p' }), 'ACCOUNT_LOCKED');
      expect(locked.data).to.deep.equal({ unlocksAt: 1234 });
      const invalid = await rejectsWith(a.forgotUsername({ email: 'x' }), 'VALIDATION');
      expect(invalid.data).to.deep.equal({ fields: { email: 'invalid-email' } });
      const creds = await rejectsWith(
        a.login({ username: 'u', password: 'p' }),
        'INVALID_CREDENTIALS',
      );
      expect(creds.data).to.deep.equal({});
    });

    it('RATE_LIMITED without retryAfter takes it from Retry-After', async () => {
      const { a } = adapter([
        csrfReply(),
        reply(429, { code: 'RATE_LIMITED', data: {} }, { 'Retry-After': '30' }),
        reply(429, { code: 'RATE_LIMITED', data: { retryAfter: 42 } }, { 'Retry-After': '30' }),
      ]);
      const before = Date.now();
      const err = await rejectsWith(a.sendCode({ flowId: 'f', channel: 'sms' }), 'RATE_LIMITED');
      const at = (err.data as { retryAfter: number }).retryAfter;
      expect(at).to.be.within(before + 30_000, Date.now() + 30_000);
      const body = await rejectsWith(a.sendCode({ flowId: 'f', channel: 'sms' }), 'RATE_LIMITED');
      expect(body.data).to.deep.equal({ retryAfter: 42 }, 'the body wins');
    });

    it("BUSY (503) carries retryAfter: the body's epoch ms, else Retry-After seconds", async () => {
      const { a } = adapter([
        csrfReply(),
        reply(
          503,
          { code: 'BUSY', data: { retryAfter: 1_767_000_002_000 } },
          { 'Retry-After': '2' },
        ),
        reply(503, { code: 'BUSY', data: {} }, { 'Retry-After': '3' }),
        reply(429, { code: 'RATE_LIMITED', data: { retryAfter: 'soon' } }, { 'Retry-After': '4' }),
      ]);
      const fromBody = await rejectsWith(a.login({ username: 'u', password: 'p' }), 'BUSY');
      expect(fromBody.data).to.deep.equal({ retryAfter: 1_767_000_002_000 });
      expect(fromBody.retryable).to.equal(true);
      const before = Date.now();
      const fromHeader = await rejectsWith(a.setPassword({ flowId: 'f', password: 'p' }), 'BUSY');
      const at = (fromHeader.data as { retryAfter: number }).retryAfter;
      expect(at).to.be.within(before + 3_000, Date.now() + 3_000);
      const odd = await rejectsWith(a.login({ username: 'u', password: 'p' }), 'RATE_LIMITED');
      expect((odd.data as { retryAfter: unknown }).retryAfter).to.be.a('number');
    });

    it('anything else that is not a success is UNAVAILABLE', async () => {
      const html = new Response('<html><h1>502 Bad Gateway</h1></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
      const { a } = adapter(
        [
          html,
          reply(418, { code: 'TEAPOT', data: {} }),
          reply(500, { code: 'NETWORK', data: {} }),
          reply(404, 'Not Found'),
          new Response('<html>login page</html>', { status: 200 }),
          reply(500, { message: 'boom' }),
        ],
        { retries: 0 },
      );
      for (let i = 0; i < 6; i++) await rejectsWith(a.getSession(), 'UNAVAILABLE');
    });

    it('a failed fetch is NETWORK', async () => {
      const { a } = adapter([csrfReply(), new TypeError('Failed to fetch')]);
      await rejectsWith(a.login({ username: 'u', password: 'p' }), 'NETWORK');
    });

    it('a failed CSRF fetch fails the call with its error and is tried again next time', async () => {
      const { a, calls } = adapter([
        new TypeError('Failed to fetch'),
        csrfReply(),
        new Response(null, { status: 204 }),
      ]);
      await rejectsWith(a.logout(), 'NETWORK');
      await a.logout();
      expect(calls.map((c) => c.url)).to.deep.equal([
        '/api/csrf',
        '/api/csrf',
        '/api/session/logout',
      ]);
    });
  });

  describe('timeouts and aborts', () => {
    it('a call that takes longer than timeoutMs is TIMEOUT, and its fetch is aborted', async () => {
      const { a, calls } = adapter(['hang'], { timeoutMs: 30, retries: 0 });
      await rejectsWith(a.getSession(), 'TIMEOUT');
      expect(calls[0]!.signal!.aborted).to.equal(true);
    });

    it('the time limit covers a body that never finishes', async () => {
      const stream = new ReadableStream({ start() {} });
      const { a } = adapter([new Response(stream, { status: 200 })], { timeoutMs: 30, retries: 0 });
      await rejectsWith(a.getSession(), 'TIMEOUT');
    });

    it('an already aborted signal is ABORTED without a request', async () => {
      const { a, calls } = adapter([]);
      const c = new AbortController();
      c.abort();
      await rejectsWith(a.getSession({ signal: c.signal }), 'ABORTED');
      await rejectsWith(a.login({ username: 'u', password: 'p' }, { signal: c.signal }), 'ABORTED');
      expect(calls).to.have.length(0);
    });

    it('aborting during the call is ABORTED and aborts the fetch', async () => {
      const { a, calls } = adapter(['hang']);
      const c = new AbortController();
      const call = a.getSession({ signal: c.signal });
      await new Promise((r) => setTimeout(r, 5));
      c.abort();
      await rejectsWith(call, 'ABORTED');
      expect(calls[0]!.signal!.aborted).to.equal(true);
    });

    it('aborting while the CSRF token is fetched is ABORTED', async () => {
      const { a } = adapter(['hang']);
      const c = new AbortController();
      const call = a.logout({ signal: c.signal });
      await new Promise((r) => setTimeout(r, 5));
      c.abort();
      await rejectsWith(call, 'ABORTED');
    });

    it('aborting during a retry back-off is ABORTED at once', async () => {
      const { a, calls } = adapter([new TypeError('offline'), reply(200, null)], {
        retryDelayMs: 10_000,
      });
      const c = new AbortController();
      const call = a.getSession({ signal: c.signal });
      await new Promise((r) => setTimeout(r, 10));
      const started = performance.now();
      c.abort();
      await rejectsWith(call, 'ABORTED');
      expect(performance.now() - started).to.be.below(1000);
      expect(calls).to.have.length(1);
    });
  });

  describe('retries', () => {
    it('retries idempotent calls after NETWORK and UNAVAILABLE, then succeeds', async () => {
      const { a, calls } = adapter([
        new TypeError('offline'),
        reply(503, { code: 'UNAVAILABLE', data: {} }),
        reply(200, []),
      ]);
      expect(await a.listDelegates()).to.deep.equal([]);
      expect(calls).to.have.length(3);
    });

    it('gives up after `retries` extra attempts with the last error', async () => {
      const { a, calls } = adapter(
        [new TypeError('offline'), new TypeError('offline'), reply(502, '<html></html>')],
        { retries: 2 },
      );
      await rejectsWith(a.getSession(), 'UNAVAILABLE');
      expect(calls).to.have.length(3);
    });

    it('retries checkDevice (a POST that changes nothing)', async () => {
      const { a, calls } = adapter([
        csrfReply(),
        new TypeError('offline'),
        reply(200, { valid: true, expiresAt: 9 }),
      ]);
      expect(await a.checkDevice({ username: 'u', deviceToken: 'd' })).to.deep.equal({
        valid: true,
        expiresAt: 9,
      });
      expect(calls.filter((c) => c.url === '/api/devices/check')).to.have.length(2);
    });

    it('retries an idempotent call after BUSY, not before its retryAfter', async () => {
      const { a, calls } = adapter(
        [reply(503, { code: 'BUSY', data: {} }, { 'Retry-After': '0' }), reply(200, null)],
        { retryDelayMs: 1 },
      );
      expect(await a.getSession()).to.equal(null);
      expect(calls).to.have.length(2);
      const far = adapter(
        [reply(503, { code: 'BUSY', data: { retryAfter: Date.now() + 60_000 } })],
        {
          timeoutMs: 1_000,
        },
      );
      await rejectsWith(far.a.getSession(), 'BUSY');
      expect(far.calls, 'a wait longer than a call may take is left to the caller').to.have.length(
        1,
      );
    });

    it('never retries a state-changing call', async () => {
      for (const step of [
        new TypeError('offline'),
        reply(503, { code: 'UNAVAILABLE', data: {} }),
        reply(503, { code: 'BUSY', data: { retryAfter: 1 } }, { 'Retry-After': '0' }),
        reply(429, { code: 'RATE_LIMITED', data: { retryAfter: 1 } }),
      ]) {
        const { a, calls } = adapter([csrfReply(), step]);
        await rejection(a.sendCode({ flowId: 'f', channel: 'email' }));
        expect(calls).to.have.length(2);
      }
    });

    it('does not retry TIMEOUT or a domain error', async () => {
      const t = adapter(['hang'], { timeoutMs: 20 });
      await rejectsWith(t.a.getSession(), 'TIMEOUT');
      expect(t.calls).to.have.length(1);
      const d = adapter([reply(401, { code: 'NOT_AUTHENTICATED', data: {} })]);
      await rejectsWith(d.a.listDelegates(), 'NOT_AUTHENTICATED');
      expect(d.calls).to.have.length(1);
    });
  });

  describe('bodies', () => {
    it('send exactly the declared properties, whatever else the input object carries', async () => {
      const { a, calls } = adapter([
        csrfReply(),
        reply(401, { code: 'INVALID_CREDENTIALS', data: {} }),
        reply(200, { valid: false }),
        reply(200, { flowId: 'f', destinations: [] }),
        reply(422, { code: 'PATTERN_INVALID_SAMPLES', data: { count: 1 } }),
      ]);
      const extra = { isAdmin: true, role: 'help-desk' };
      await rejection(a.login({ username: 'u', password: 'p', ...extra }));
      await a.checkDevice({ username: 'u', deviceToken: 'd', ...extra });
      await a.findAccount({ username: 'u', purpose: 'reset', ...extra });
      const event = { type: 'down' as const, key: 'a', code: 'KeyA', t: 1, repeat: false };
      await rejection(
        a.enrollTypingPattern({
          pendingId: 'p',
          samples: [{ text: 'a', events: [event], ...extra }],
          ...extra,
        }),
      );
      const bodies = calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(c.body!));
      expect(bodies).to.deep.equal([
        { username: 'u', password: 'p' },
        { username: 'u', deviceToken: 'd' },
        { username: 'u', purpose: 'reset' },
        {
          pendingId: 'p',
          samples: [{ text: 'a', events: [{ type: 'down', key: 'a', code: 'KeyA', t: 1 }] }],
        },
      ]);
    });
  });

  describe('report an issue', () => {
    const report: IssueReport = {
      description: 'Quote fails',
      stepsTaken: 'Opened Quote',
      agentName: 'Jane Doe',
      producerId: 'P-1',
      productType: 'MAPD',
      state: 'IL',
      observedAt: '2026-01-05T14:30:00.000Z',
    };

    it('sends the screenshot base64-encoded in the JSON body', async () => {
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
      const data = new Blob([bytes], { type: 'image/png' });
      const { a, calls } = adapter([csrfReply(), reply(201, { ticketId: 'PEP-ABCD2345' })]);
      const ticket = await a.reportIssue({
        ...report,
        screenshot: { name: 's.png', type: 'image/png', size: bytes.length, data },
      });
      expect(ticket).to.deep.equal({ ticketId: 'PEP-ABCD2345' });
      const sent = JSON.parse(calls[1]!.body!);
      expect(sent.screenshot.name).to.equal('s.png');
      expect(sent.screenshot.size).to.equal(bytes.length);
      const decoded = Uint8Array.from(atob(sent.screenshot.data), (ch) => ch.charCodeAt(0));
      expect([...decoded]).to.deep.equal([...bytes]);
      expect(sent.description).to.equal('Quote fails');
    });

    it('does not upload bytes the server refuses anyway (type, size)', async () => {
      const { a, calls } = adapter([
        csrfReply(),
        reply(400, { code: 'VALIDATION', data: { fields: { screenshot: 'invalid-file-type' } } }),
        reply(400, { code: 'VALIDATION', data: { fields: { screenshot: 'file-too-large' } } }),
      ]);
      const pdf = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
      await rejectsWith(
        a.reportIssue({
          ...report,
          screenshot: { name: 'a.pdf', type: 'application/pdf', size: 8, data: pdf },
        }),
        'VALIDATION',
      );
      const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'image/png' });
      await rejectsWith(
        a.reportIssue({
          ...report,
          screenshot: { name: 'b.png', type: 'image/png', size: big.size, data: big },
        }),
        'VALIDATION',
      );
      expect(JSON.parse(calls[1]!.body!).screenshot).to.deep.equal({
        name: 'a.pdf',
        type: 'application/pdf',
        size: 8,
      });
      expect(JSON.parse(calls[2]!.body!).screenshot).to.deep.equal({
        name: 'b.png',
        type: 'image/png',
        size: big.size,
      });
    });
  });
});

describe('<pep-auth-provider base-url>', () => {
  it('gives the widgets an HTTP adapter for the base URL when no adapter is set', async () => {
    const el = await fixture<PepAuthProvider>(
      html`<pep-auth-provider base-url="/backend/api/"></pep-auth-provider>`,
    );
    const baseUrl = () => (el.adapter as LazyHttpAdapter | undefined)?.baseUrl;
    expect(baseUrl()).to.equal('/backend/api');
    for (const name of Object.keys(ROUTES)) {
      expect(typeof (el.adapter as unknown as Record<string, unknown>)[name], name).to.equal(
        'function',
      );
    }
    el.setAttribute('base-url', '/other');
    expect(baseUrl()).to.equal('/other');
    el.removeAttribute('base-url');
    expect(el.adapter).to.equal(undefined);
  });

  it('an adapter set as a property wins over base-url, and base-url returns when it is unset', async () => {
    const memory = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    const el = await fixture<PepAuthProvider>(
      html`<pep-auth-provider base-url="/api" .adapter=${memory}></pep-auth-provider>`,
    );
    expect(el.adapter).to.equal(memory);
    el.setAttribute('base-url', '/elsewhere');
    expect(el.adapter).to.equal(memory);
    el.adapter = undefined;
    const fallback: unknown = el.adapter;
    expect((fallback as LazyHttpAdapter).baseUrl).to.equal('/elsewhere');
  });

  it('a page with only markup: the nested widget calls the backend at base-url', async () => {
    const original = window.fetch;
    const urls: string[] = [];
    const sent: (string | null)[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      sent.push(new Headers(init?.headers).get('X-CSRF-Token'));
      return new Response(String(input).endsWith('/session') ? 'null' : null, {
        status: String(input).endsWith('/session') ? 200 : 204,
        headers: { 'content-type': 'application/json', 'X-CSRF-Token': TOKEN },
      });
    };
    try {
      const el = await fixture<PepAuthProvider>(
        html`<pep-auth-provider base-url="/portal-api"
          ><http-test-probe></http-test-probe
        ></pep-auth-provider>`,
      );
      const probe = el.querySelector('http-test-probe') as HttpTestProbe;
      expect(probe.adapter).to.equal(el.adapter);
      expect(await probe.adapter!.getSession()).to.equal(null);
      await probe.adapter!.logout();
      expect(urls).to.deep.equal(['/portal-api/session', '/portal-api/session/logout']);
      expect(sent).to.deep.equal([null, TOKEN]);
      const aborted = new AbortController();
      aborted.abort();
      await rejectsWith(probe.adapter!.getSession({ signal: aborted.signal }), 'ABORTED');
    } finally {
      window.fetch = original;
    }
  });

  it('without base-url or adapter provides nothing', async () => {
    const el = await fixture<PepAuthProvider>(html`<pep-auth-provider></pep-auth-provider>`);
    expect(el.adapter).to.equal(undefined);
  });
});
