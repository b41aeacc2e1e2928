/**
 * The wire contract (`openapi.yaml`) served over an {@link AuthEngine}: a Hono app that the
 * reference server mounts (`server/main.ts`) and the conformance tests start on loopback.
 *
 *   const app = createApp({ engine });               // routes under /api
 *   serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' });   // @hono/node-server
 *
 * Per request: the session cookie's opaque token and the client's address (the socket peer, or
 * the first `X-Forwarded-For` hop behind a trusted proxy) become the engine's `RequestContext`;
 * when the engine replaces the token (sign-in, sign-out, password change) the cookie is set or
 * cleared and the CSRF token is replaced. State-changing calls pass the CSRF check first
 * (openapi.yaml, "CSRF"); a route that is not public then has the session checked
 * (`engine.authorize`, the route's `access`) BEFORE its body is read, so an anonymous upload is
 * refused unread; then the body limit, then the JSON shape from openapi.yaml, own properties
 * only, no undeclared or prototype keys (→ 400 VALIDATION, never a 500). An AdapterError
 * becomes its fixed status and `{code, data}` body (RATE_LIMITED, BUSY and ACCOUNT_LOCKED with
 * `Retry-After`); anything else is logged (error and route only: never a body, a cookie or a
 * header) and answered `500 {"code":"UNAVAILABLE","data":{}}`. Every response carries security
 * headers and `no-store`. With `helpDesk: false` the help-desk routes do not exist, and
 * without passkeys (no `webauthn` in the engine, or `passkeys: false`) the passkey routes.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { Hono, type Context } from 'hono';
import { AdapterError, adapterError } from '../../src/adapter/errors.js';
import type { OutboxMessage, UserProfile } from '../../src/adapter/types.js';
import type { Clock } from '../../src/core/clock.js';
import type { FieldReason } from '../../src/core/validation.js';
import { SCREENSHOT_MAX_BYTES, SCREENSHOT_TYPES } from '../../src/core/issue-report.js';
import type {
  AuthEngineAdmin,
  AuthEngineOperations,
  DelegateSeed,
  ProducerInput,
  RequestContext,
} from '../../src/adapter/engine/index.js';
import type { StaffInput } from '../../src/adapter/engine/engine.js';
import {
  CSRF_FAILURE_HEADER,
  CSRF_HEADER,
  CSRF_PATH,
  ROUTES,
  type OperationName,
  type RouteAccess,
} from '../../src/adapter/http/routes.js';
import { isWireErrorCode, retryAfterSeconds, retryAt, STATUS_BY_CODE } from './errors.js';
import {
  checkSchema,
  isNotAllowed,
  loadOpenApi,
  own,
  requestSchema,
  resolveRef,
  type OpenApiDocument,
  type Schema,
} from './schema.js';

/**
 * What the app needs of the engine: the operations, the session check of non-public routes, the
 * admin hooks, optionally its clock.
 */
type EngineLike = AuthEngineOperations & {
  /**
   * Resolve when the context's session may call a route of this access; reject
   * `NOT_AUTHENTICATED` (no live session) or `FORBIDDEN` (another role) otherwise.
   */
  authorize(
    ctx: RequestContext,
    access: Exclude<RouteAccess, 'public'>,
    operation?: string,
  ): Promise<void>;
  readonly admin: AuthEngineAdmin;
  readonly clock?: Clock;
  /** The passkey relying party; null or absent when passkeys are off. */
  readonly webauthn?: object | null;
};

/** Test-only hooks. Passing this object (and only then) adds the `/__test/*` routes. */
interface TestingHooks {
  /** Move the engine's clock forward (a ManualClock). Enables `POST /__test/advance-time`. */
  advanceTime?(ms: number): void | Promise<void>;
  /** Every message sent so far, oldest first. Enables `GET /__test/outbox`. */
  outbox?(): readonly OutboxMessage[] | Promise<readonly OutboxMessage[]>;
}

export interface LogEntry {
  level: 'error' | 'warn';
  message: string;
  method: string;
  /** The route path (no query string: nothing secret travels in URLs anyway). */
  path: string;
  error?: unknown;
}

export interface CreateAppOptions {
  engine: EngineLike;
  /** Where the routes live. Default `/api`. */
  basePath?: string;
  /**
   * `Secure` cookies with `__Host-` names. `'auto'` (default): always, except for plain HTTP to
   * a loopback host (localhost, 127.0.0.1, [::1]) — development and tests.
   */
  secureCookies?: boolean | 'auto';
  /**
   * Origins other than the API's own that may make state-changing calls (exact
   * `scheme://host[:port]`). Default none. (No CORS headers are sent: serve the API and the
   * portal from one origin, or put a reverse proxy in front.)
   */
  allowedOrigins?: readonly string[];
  /**
   * Behind a reverse proxy: take the request's host and scheme from `X-Forwarded-Host` /
   * `X-Forwarded-Proto`, and the client's address (rate limits, security log) from the first
   * `X-Forwarded-For` hop. The proxy must set that header itself (replace what the client sent),
   * or a client picks its own address. Default false: the socket peer.
   */
  trustProxy?: boolean;
  /**
   * Serve the help-desk routes (unlock account, reset typing pattern; help-desk sessions only).
   * Default true; false: they are not registered (404 NOT_FOUND like any unknown route).
   */
  helpDesk?: boolean;
  /**
   * Serve the seven passkey routes. Default: when the engine has passkeys on (its `webauthn`
   * option); false: they are not registered (404 NOT_FOUND like any unknown route).
   */
  passkeys?: boolean;
  /** Where unexpected errors are reported. Default: `console.error`. */
  log?: (entry: LogEntry) => void;
  /** Test-only routes (`/__test/*`). Never set in production (refused when NODE_ENV=production). */
  testing?: TestingHooks;
}

/** Largest accepted request bodies (bytes); larger ones are refused with 413 VALIDATION. */
export const BODY_LIMITS = {
  default: 16 * 1024,
  /** Typing samples: a few attempts at a sentence, every key down and up. */
  typing: 512 * 1024,
  /** A 5 MiB screenshot, base64 (4/3), plus the report's text fields. */
  reportIssue: Math.ceil((SCREENSHOT_MAX_BYTES * 4) / 3) + 64 * 1024,
} as const;

const BODY_LIMIT_BY_OPERATION: Partial<Record<OperationName, number>> = {
  enrollTypingPattern: BODY_LIMITS.typing,
  verifyTypingPattern: BODY_LIMITS.typing,
  reportIssue: BODY_LIMITS.reportIssue,
};

/** Operations whose engine method takes only the context. */
const NO_INPUT: ReadonlySet<OperationName> = new Set([
  'getSession',
  'listDelegates',
  'logout',
  'listPasskeys',
  'startPasskeyRegistration',
  'startPasskeySignIn',
]);

/** The passkey operations: served only when passkeys are on. */
const PASSKEY_OPERATIONS: ReadonlySet<OperationName> = new Set([
  'startPasskeyRegistration',
  'finishPasskeyRegistration',
  'listPasskeys',
  'renamePasskey',
  'deletePasskey',
  'startPasskeySignIn',
  'finishPasskeySignIn',
]);

const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** A thrown reply that is not an AdapterError of the engine (CSRF refusal, body problems). */
class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

function validationReply(status: number, fields: Record<string, FieldReason>): Reply {
  return new Reply(status, { code: 'VALIDATION', data: { fields } });
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Read the body as text within `limit` bytes; `null` when it is larger. */
async function readLimited(req: Request, limit: number): Promise<string | null> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw validationReply(400, { body: 'invalid-characters' });
  }
}

/** Does `bytes` start like an image of `type`? */
function looksLike(type: string, bytes: Uint8Array): boolean {
  const ascii = (start: number, end: number) =>
    Buffer.from(bytes.subarray(start, end)).toString('latin1');
  switch (type) {
    case 'image/png':
      return ascii(0, 8) === '\x89PNG\r\n\x1a\n';
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'image/gif':
      return ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a';
    case 'image/webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    default:
      return false;
  }
}

/** The wire form of a screenshot (base64 `data`) → the adapter form (a Blob), checked. */
function decodeScreenshot(input: Record<string, unknown>): Record<string, unknown> {
  const shot = input.screenshot as
    | { name: string; type: string; size: number; data?: string }
    | undefined;
  if (!shot || shot.data === undefined) return input;
  const { data, ...meta } = shot;
  // Bytes of a type or size the rules refuse anyway: let the domain answer from the metadata.
  if (!SCREENSHOT_TYPES.includes(meta.type) || !(meta.size <= SCREENSHOT_MAX_BYTES)) {
    return { ...input, screenshot: meta };
  }
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw validationReply(400, { screenshot: 'invalid-file-type' });
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.byteLength !== meta.size) throw validationReply(400, { screenshot: 'mismatch' });
  if (!looksLike(meta.type, bytes)) throw validationReply(400, { screenshot: 'invalid-file-type' });
  return { ...input, screenshot: { ...meta, data: new Blob([bytes], { type: meta.type }) } };
}

/** The property names a request schema declares at the top level. */
function declaredFields(doc: OpenApiDocument, schema: Schema | null): ReadonlySet<string> {
  let node: unknown = schema;
  while (typeof own(node, '$ref') === 'string') node = resolveRef(doc, own(node, '$ref') as string);
  const properties = own(node, 'properties');
  return new Set(properties && typeof properties === 'object' ? Object.keys(properties) : []);
}

/**
 * The schema problems as VALIDATION fields: each under the declared top-level property it is
 * about (`$.samples[0].t: …` → `samples`), or `body` (a key the schema does not declare: its
 * name, chosen by the caller, is never echoed). A refused key is `not-allowed`, anything else
 * `required`; `not-allowed` wins.
 */
function problemFields(
  problems: readonly string[],
  declared: ReadonlySet<string>,
): Record<string, FieldReason> {
  const fields = new Map<string, FieldReason>();
  for (const problem of problems) {
    const first = /^\$\.([^.[:]+)/.exec(problem)?.[1];
    const field = first !== undefined && declared.has(first) ? first : 'body';
    const reason: FieldReason = isNotAllowed(problem) ? 'not-allowed' : 'required';
    if (fields.get(field) !== 'not-allowed') fields.set(field, reason);
  }
  return Object.fromEntries(fields);
}

/** An IPv4 peer as `1.2.3.4` (not `::ffff:1.2.3.4`); null when unknown or not an address. */
function normalAddress(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value || value.length > 64 || !/^[0-9A-Fa-f:.]+$/.test(value)) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return (mapped ? mapped[1]! : value).toLowerCase();
}

function defaultLog(entry: LogEntry): void {
  const detail =
    entry.error instanceof Error ? (entry.error.stack ?? entry.error.message) : String(entry.error);
  console.error(`[pep-auth api] ${entry.method} ${entry.path}: ${entry.message}\n${detail}`);
}

/** Build the API app. See the module comment and openapi.yaml. */
export function createApp(options: CreateAppOptions): Hono {
  const { engine } = options;
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const secureMode = options.secureCookies ?? 'auto';
  const allowed = new Set(options.allowedOrigins ?? []);
  const log = options.log ?? defaultLog;
  const helpDesk = options.helpDesk ?? true;
  const passkeys = options.passkeys ?? (engine.webauthn !== null && engine.webauthn !== undefined);
  const now = () => (engine.clock ?? { now: Date.now }).now();
  if (options.testing && process.env.NODE_ENV === 'production') {
    throw new Error('createApp: the testing routes are refused when NODE_ENV=production');
  }

  const doc = loadOpenApi();
  const operations = (Object.keys(ROUTES) as OperationName[]).map((name) => {
    const route = ROUTES[name];
    const documented = doc.paths[route.path]?.[route.method.toLowerCase()];
    if (documented?.operationId !== name) {
      throw new Error(`openapi.yaml does not document ${name} as ${route.method} ${route.path}`);
    }
    const success = ['200', '201', '204'].find((s) => Object.hasOwn(documented.responses, s));
    if (!success) throw new Error(`openapi.yaml: ${name} has no success response`);
    const schema = requestSchema(doc, name);
    return {
      name,
      route,
      schema,
      declared: declaredFields(doc, schema),
      success: Number(success),
      /** The operation as the security log names it (`addDelegate` → `add-delegate`). */
      logName: name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    };
  });

  interface Transport {
    secure: boolean;
    host: string;
    sessionCookie: string;
    csrfCookie: string;
  }

  function transport(c: Context): Transport {
    const url = new URL(c.req.url);
    let scheme = url.protocol.replace(/:$/, '');
    let host = c.req.header('host') ?? url.host;
    if (options.trustProxy) {
      scheme = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || scheme;
      host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || host;
    }
    const hostname = host.startsWith('[')
      ? host.slice(1, host.indexOf(']'))
      : host.replace(/:\d+$/, '');
    const loopback = LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\./.test(hostname);
    const secure = secureMode === 'auto' ? !(scheme === 'http' && loopback) : secureMode;
    return {
      secure,
      host,
      sessionCookie: secure ? '__Host-pep-session' : 'pep-session',
      csrfCookie: secure ? '__Host-pep-csrf' : 'pep-csrf',
    };
  }

  /** The client's address: the socket peer, or the first X-Forwarded-For hop (trustProxy). */
  function clientAddress(c: Context): string | null {
    if (options.trustProxy) {
      const forwarded = normalAddress(c.req.header('x-forwarded-for')?.split(',')[0]);
      if (forwarded) return forwarded;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return normalAddress(env?.incoming?.socket?.remoteAddress);
  }

  function cookie(t: Transport, name: string, value: string | null): string {
    const parts = [`${name}=${value ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
    if (value === null) parts.push('Max-Age=0');
    if (t.secure) parts.push('Secure');
    return parts.join('; ');
  }

  /** Refuse a state-changing request that fails the Origin / Sec-Fetch-Site / token checks. */
  function checkCsrf(c: Context, t: Transport, cookieToken: string | null): boolean {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin)) {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        return false;
      }
      if (host.toLowerCase() !== t.host.toLowerCase()) return false;
    }
    if (c.req.header('sec-fetch-site') === 'cross-site' && !(origin && allowed.has(origin))) {
      return false;
    }
    const sent = c.req.header(CSRF_HEADER);
    return !!cookieToken && !!sent && sameToken(sent, cookieToken);
  }

  function errorReply(err: unknown, c: Context): Reply {
    if (err instanceof Reply) return err;
    if (err instanceof AdapterError && isWireErrorCode(err.code)) {
      const data = (err.data ?? {}) as Record<string, unknown>;
      const headers: Record<string, string> = {};
      const until = retryAt(err.code, data);
      if (until !== null) headers['Retry-After'] = String(retryAfterSeconds(until, now()));
      return new Reply(STATUS_BY_CODE[err.code], { code: err.code, data }, headers);
    }
    log({
      level: 'error',
      message: 'unexpected error',
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: err,
    });
    return new Reply(500, { code: 'UNAVAILABLE', data: {} });
  }

  /**
   * Run one request: cookies in, CSRF check (POST), `fn`, cookies and headers out. `fn` gets
   * the engine context and the request body (POST; `undefined` when empty).
   */
  async function handle(
    c: Context,
    fn: (ctx: RequestContext, readBody: (limit: number) => Promise<unknown>) => Promise<Reply>,
  ): Promise<Response> {
    const t = transport(c);
    const cookies = parseCookies(c.req.header('cookie'));
    const rawSession = cookies.get(t.sessionCookie) ?? null;
    const rawCsrf = cookies.get(t.csrfCookie) ?? null;
    const csrfIn = rawCsrf && TOKEN_SHAPE.test(rawCsrf) ? rawCsrf : null;
    const ctx: RequestContext = {
      sessionToken: rawSession && TOKEN_SHAPE.test(rawSession) ? rawSession : null,
      clientAddress: clientAddress(c),
    };
    const before = ctx.sessionToken;
    let reply: Reply;
    try {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !checkCsrf(c, t, csrfIn)) {
        throw new Reply(403, { code: 'FORBIDDEN', data: {} }, { [CSRF_FAILURE_HEADER]: '1' });
      }
      reply = await fn(ctx, async (limit) => {
        const text = await readLimited(c.req.raw, limit);
        if (text === null) {
          throw validationReply(
            413,
            limit === BODY_LIMITS.reportIssue
              ? { screenshot: 'file-too-large' }
              : { body: 'too-long' },
          );
        }
        if (text.trim() === '') return undefined;
        const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') throw validationReply(400, { body: 'not-allowed' });
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw validationReply(400, { body: 'required' });
        }
      });
    } catch (err) {
      reply = errorReply(err, c);
    }

    // Cookies out: a changed session replaces the session cookie and the CSRF token.
    const sessionChanged = ctx.sessionToken !== before;
    const stale = rawSession !== null && ctx.sessionToken === null && !sessionChanged;
    let csrf = csrfIn;
    if (sessionChanged || stale) {
      c.header('Set-Cookie', cookie(t, t.sessionCookie, ctx.sessionToken), { append: true });
    }
    if (!csrf || sessionChanged) {
      csrf = newToken();
      c.header('Set-Cookie', cookie(t, t.csrfCookie, csrf), { append: true });
    }
    c.header(CSRF_HEADER, csrf);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (t.secure) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    for (const [name, value] of Object.entries(reply.headers)) c.header(name, value);
    if (reply.status === 204 || reply.body === undefined) return c.body(null, reply.status as 204);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(JSON.stringify(reply.body), reply.status as 200);
  }

  const app = new Hono();
  const api = new Hono();

  api.get(CSRF_PATH, (c) => handle(c, async () => new Reply(204, undefined)));

  for (const op of operations) {
    const access = op.route.access;
    if (access === 'help-desk' && !helpDesk) continue;
    if (PASSKEY_OPERATIONS.has(op.name) && !passkeys) continue;
    const limit = BODY_LIMIT_BY_OPERATION[op.name] ?? BODY_LIMITS.default;
    const register = op.route.method === 'GET' ? api.get.bind(api) : api.post.bind(api);
    register(op.route.path, (c) =>
      handle(c, async (ctx, readBody) => {
        // Who is calling, before a byte of the body is read.
        if (access !== 'public') await engine.authorize(ctx, access, op.logName);
        let input: unknown;
        if (op.route.method === 'POST') {
          const body = await readBody(limit);
          if (op.schema) {
            const { problems, value } = checkSchema(
              doc,
              op.schema,
              body === undefined ? {} : body,
              { lenientDomain: true, closed: true },
            );
            if (problems.length) throw validationReply(400, problemFields(problems, op.declared));
            input =
              op.name === 'reportIssue'
                ? decodeScreenshot(value as Record<string, unknown>)
                : value;
          }
        }
        const method = engine[op.name] as (
          ctx: RequestContext,
          input?: unknown,
        ) => Promise<unknown>;
        const result = NO_INPUT.has(op.name)
          ? await method.call(engine, ctx)
          : await method.call(engine, ctx, input);
        return new Reply(op.success, op.success === 204 ? undefined : (result ?? null));
      }),
    );
  }

  const testing = options.testing;
  if (testing) {
    const object = async (readBody: (limit: number) => Promise<unknown>) => {
      const body = await readBody(BODY_LIMITS.typing);
      if (typeof body !== 'object' || body === null)
        throw validationReply(400, { body: 'required' });
      return body as Record<string, unknown>;
    };
    api.post('/__test/producers', (c) =>
      handle(c, async (_ctx, readBody) => {
        const profile = await engine.admin.createProducer(
          (await object(readBody)) as unknown as ProducerInput,
        );
        return new Reply(201, profile);
      }),
    );
    api.post('/__test/help-desk-users', (c) =>
      handle(c, async (_ctx, readBody) => {
        const profile: UserProfile = await engine.admin.createHelpDeskUser(
          (await object(readBody)) as unknown as StaffInput,
        );
        return new Reply(201, profile);
      }),
    );
    api.post('/__test/delegates', (c) =>
      handle(c, async (_ctx, readBody) => {
        const summary = await engine.admin.createDelegate(
          (await object(readBody)) as unknown as DelegateSeed,
        );
        return new Reply(201, summary);
      }),
    );
    api.post('/__test/sign-in', (c) =>
      handle(c, async (ctx, readBody) => {
        const { username } = await object(readBody);
        return new Reply(200, await engine.admin.signIn(ctx, String(username ?? '')));
      }),
    );
    if (testing.advanceTime) {
      const advance = testing.advanceTime.bind(testing);
      api.post('/__test/advance-time', (c) =>
        handle(c, async (_ctx, readBody) => {
          const { ms } = await object(readBody);
          if (typeof ms !== 'number' || !(ms >= 0)) throw validationReply(400, { ms: 'required' });
          await advance(ms);
          return new Reply(204, undefined);
        }),
      );
    }
    if (testing.outbox) {
      const outbox = testing.outbox.bind(testing);
      api.get('/__test/outbox', (c) => handle(c, async () => new Reply(200, await outbox())));
    }
  }

  api.all('*', (c) =>
    handle(c, async () => {
      throw adapterError('NOT_FOUND');
    }),
  );
  api.onError((err, c) => {
    log({
      level: 'error',
      message: 'unhandled',
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: err,
    });
    return c.json({ code: 'UNAVAILABLE', data: {} }, 500);
  });

  app.route(basePath || '/', api);
  return app;
}
