/**
 * Drift guard for the wire contract: `openapi.yaml`, the HttpAdapter's route table, the error
 * codes and their statuses, the TypeScript types (typed samples checked against the schemas) and
 * the server's routes must agree. Adding an adapter operation or an error code without
 * documenting it fails here (or at compile time, in the typed tables).
 *
 *   node --import tsx --test test/server/http-openapi.spec.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AdapterErrorCode, AdapterErrorDataMap } from '../../src/adapter/errors.js';
import { ROUTES, type OperationName } from '../../src/adapter/http/routes.js';
import type { AuthAdapter, Session, PendingLogin } from '../../src/adapter/types.js';
import { CLIENT_ONLY_CODES, STATUS_BY_CODE, type WireErrorCode } from '../../server/http/errors.js';
import {
  checkSchema,
  loadOpenApi,
  resolveRef,
  type OpenApiDocument,
  type OpenApiOperation,
  type Schema,
} from '../../server/http/schema.js';
import { createApp } from '../../server/http/app.js';
import { testBackend } from './http-support.js';

const doc = loadOpenApi();

/** Every error code (a missing or extra key is a compile error). */
const ALL_CODES: { [C in AdapterErrorCode]: true } = {
  USERNAME_TAKEN: true,
  VALIDATION: true,
  INVALID_CREDENTIALS: true,
  ACCOUNT_DEACTIVATED: true,
  ACCOUNT_LOCKED: true,
  CODE_INVALID: true,
  CODE_EXPIRED: true,
  CODE_ATTEMPTS_EXCEEDED: true,
  LINK_EXPIRED: true,
  LINK_USED: true,
  LINK_INVALID: true,
  PASSWORD_POLICY: true,
  PASSWORD_REUSED: true,
  RATE_LIMITED: true,
  BUSY: true,
  PATTERN_MISMATCH: true,
  PATTERN_UNAVAILABLE: true,
  PATTERN_INVALID_SAMPLES: true,
  FLOW_EXPIRED: true,
  NOT_AUTHENTICATED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  PASSKEY_REJECTED: true,
  PASSKEY_UNKNOWN: true,
  NETWORK: true,
  TIMEOUT: true,
  UNAVAILABLE: true,
  ABORTED: true,
};

/** A typed example of every error's data (the type makes it follow AdapterErrorDataMap). */
const ERROR_DATA: { [C in WireErrorCode]: AdapterErrorDataMap[C] } = {
  USERNAME_TAKEN: { field: 'username' },
  VALIDATION: { fields: { username: 'too-short', states: 'not-allowed' } },
  INVALID_CREDENTIALS: {},
  ACCOUNT_DEACTIVATED: {},
  ACCOUNT_LOCKED: { unlocksAt: 1_767_000_000_000 },
  CODE_INVALID: { attemptsLeft: 4 },
  CODE_EXPIRED: {},
  CODE_ATTEMPTS_EXCEEDED: {},
  LINK_EXPIRED: {},
  LINK_USED: {},
  LINK_INVALID: {},
  PASSWORD_POLICY: { failed: ['uppercase', 'no-triple'] },
  PASSWORD_REUSED: { historySize: 10 },
  RATE_LIMITED: { retryAfter: 1_767_000_030_000 },
  BUSY: { retryAfter: 1_767_000_002_000 },
  PATTERN_MISMATCH: { attemptsLeft: 2 },
  PATTERN_UNAVAILABLE: { reason: 'locked' },
  PATTERN_INVALID_SAMPLES: { count: 3 },
  FLOW_EXPIRED: {},
  NOT_AUTHENTICATED: {},
  FORBIDDEN: {},
  NOT_FOUND: {},
  PASSKEY_REJECTED: { reason: 'expired' },
  PASSKEY_UNKNOWN: {},
  UNAVAILABLE: {},
};

/** The operations the server rate-limits per client and per account (429 + Retry-After). */
const RATE_LIMITED_OPERATIONS: readonly OperationName[] = [
  'login',
  'findAccount',
  'sendCode',
  'sendVerificationCode',
  'verifyCode',
  'verifyAccountCode',
  'verifyTypingPattern',
  'forgotUsername',
  'startPasskeySignIn',
  'finishPasskeySignIn',
];

/** The operations that hash a password (bounded queue: 503 BUSY + Retry-After). */
const HASHES_A_PASSWORD: ReadonlySet<OperationName> = new Set(['login', 'setPassword']);

type Input<K extends OperationName> = Parameters<AuthAdapter[K]>[0];
type Output<K extends OperationName> = Awaited<ReturnType<AuthAdapter[K]>>;

const session: Session = {
  user: {
    username: 'janedoe1',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@example.com',
    mobile: '+13125550101',
    states: ['IL'],
    role: 'delegate',
    producer: { username: 'producer1', firstName: 'Pat', lastName: 'Morgan', producerId: 'P-1' },
  },
  capabilities: {
    quote: true,
    onExchangeEnrollmentSso: false,
    medicareQuotingSso: false,
    manageDelegates: false,
    helpDesk: false,
  },
  issuedAt: 1_767_000_000_000,
  expiresAt: 1_767_028_800_000,
  idleExpiresAt: 1_767_001_800_000,
};
const pending: PendingLogin = {
  pendingId: 'p'.repeat(43),
  username: 'janedoe1',
  mustEnrollPattern: false,
  sampleText: 'The quick brown fox.',
  sampleLang: 'en',
  options: [
    { method: 'email', masked: 'xxxe@example.com', available: true },
    { method: 'pattern', available: false },
  ],
  expiresAt: 1_767_000_900_000,
};
const delegate = {
  id: 'd1',
  username: 'janedoe1',
  email: 'jane@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
  mobile: '+13125550101',
  states: ['IL' as const],
  language: 'es' as const,
  status: 'invited' as const,
  createdAt: 1_767_000_000_000,
};
const detail = {
  ...delegate,
  status: 'locked' as const,
  lockedUntil: 1_767_001_800_000,
  lastSignInAt: 1_766_000_000_000,
  producer: { username: 'pat', firstName: 'Pat', lastName: 'Lee', producerId: 'P-1' },
  patternEnrolled: true,
  patternEnrolledAt: 1_765_000_000_000,
  rememberedDevices: { count: 1, lastUsedAt: 1_766_000_000_000 },
  passkeys: 0,
};
const activityPage = {
  entries: [
    {
      id: 'abc',
      at: 1_767_000_000_000,
      type: 'unlocked' as const,
      actor: { role: 'help-desk' as const, name: 'Hal Desk' },
      outcome: 'success' as const,
      reason: 'Caller verified by phone',
    },
    {
      id: 'abd',
      at: 1_766_999_000_000,
      type: 'verification-failed' as const,
      method: 'sms' as const,
      actor: { role: 'self' as const },
      outcome: 'failure' as const,
    },
  ],
  nextCursor: '1766999000000.abd',
};
const codeSent = {
  channel: 'sms' as const,
  masked: 'xxxxxx0101',
  expiresAt: 1_767_000_600_000,
  resendAvailableAt: 1_767_000_030_000,
};
const samples = [
  {
    text: 'The',
    events: [
      { type: 'down' as const, key: 'T', code: 'KeyT', t: 10.5 },
      { type: 'up' as const, key: 'T', code: 'KeyT', t: 80.25 },
    ],
  },
];

/**
 * A typed example input and result of every operation (the types make each follow the adapter
 * contract); each must satisfy the documented schemas. `undefined` input: the call takes none.
 */
const EXAMPLES: { [K in OperationName]: { input: Input<K>; output: Output<K> } } = {
  addDelegate: {
    input: {
      username: 'janedoe1',
      email: 'jane@example.com',
      firstName: 'Jane',
      lastName: 'Doe',
      mobile: '(312) 555-0101',
      states: ['IL'],
      language: 'es',
    },
    output: delegate,
  },
  listDelegates: { input: undefined as never, output: [delegate] },
  resendInvitation: { input: { delegateId: 'd1' }, output: undefined },
  confirmEmail: { input: { token: 't'.repeat(43) }, output: { username: 'janedoe1' } },
  findAccount: {
    input: { username: 'janedoe1', purpose: 'reset' },
    output: {
      flowId: 'f'.repeat(43),
      destinations: [{ channel: 'email', masked: 'xxxe@example.com' }],
    },
  },
  sendCode: { input: { flowId: 'f', channel: 'sms' }, output: codeSent },
  verifyCode: { input: { flowId: 'f', code: 'ABCD EFGH' }, output: undefined },
  setPassword: { input: { flowId: 'f', password: 'Blue-Sky-42!' }, output: undefined },
  login: {
    input: {
      username: 'janedoe1',
      password: 'Blue-Sky-42!',
      deviceToken: 'd'.repeat(43),
      language: 'es',
    },
    output: { status: 'verification-required', pending },
  },
  sendVerificationCode: { input: { pendingId: 'p', channel: 'email' }, output: codeSent },
  verifyAccountCode: {
    input: { pendingId: 'p', code: 'ABCDEFGH', rememberDevice: true },
    output: { session, deviceToken: { token: 'd'.repeat(43), expiresAt: 1_769_592_000_000 } },
  },
  enrollTypingPattern: { input: { pendingId: 'p', samples }, output: pending },
  verifyTypingPattern: {
    input: { pendingId: 'p', samples, rememberDevice: false },
    output: { session },
  },
  checkDevice: {
    input: { username: 'janedoe1', deviceToken: 'd' },
    output: { valid: true, expiresAt: 1_769_592_000_000 },
  },
  forgotUsername: { input: { email: 'jane@example.com' }, output: { resendAvailableAt: 1 } },
  getSession: { input: undefined as never, output: session },
  logout: { input: undefined as never, output: undefined },
  reportIssue: {
    input: {
      description: 'Quote fails',
      stepsTaken: 'Opened Quote',
      clientName: 'Sam',
      agentName: 'Jane Doe',
      producerId: 'P-1',
      productType: 'ACA Dental',
      state: 'TX',
      observedAt: '2026-01-05T14:30:00.000Z',
      screenshot: { name: 's.png', type: 'image/png', size: 2048 },
    },
    output: { ticketId: 'PEP-ABCD2345' },
  },
  resetTypingPattern: { input: { username: 'janedoe1' }, output: undefined },
  unlockAccount: { input: { username: 'janedoe1' }, output: undefined },
  searchDelegates: {
    input: { query: 'jane' },
    output: [{ ...delegate, status: 'locked', lockedUntil: 1_767_001_800_000, lastSignInAt: null }],
  },
  getDelegateDetail: { input: { delegateId: 'd1' }, output: detail },
  listDelegateActivity: {
    input: { delegateId: 'd1', cursor: '1767000000000.abc', limit: 20 },
    output: activityPage,
  },
  helpDeskAction: {
    input: { delegateId: 'd1', action: 'unlock', reason: 'Caller verified by phone' },
    output: detail,
  },
  setDelegateActive: {
    input: { delegateId: 'd1', active: false },
    output: { ...delegate, status: 'deactivated', lockedUntil: null, lastSignInAt: 1 },
  },
  unlockDelegate: {
    input: { delegateId: 'd1' },
    output: { ...delegate, status: 'active', lockedUntil: null, lastSignInAt: null },
  },
  listMyActivity: { input: { limit: 10 }, output: { entries: [], nextCursor: null } },
  startPasskeyRegistration: {
    input: undefined as never,
    output: {
      ceremonyId: 'c'.repeat(43),
      options: {
        rp: { name: 'Producer Experience Portal', id: 'portal.example' },
        user: { id: 'u'.repeat(43), name: 'janedoe1', displayName: 'Jane Doe' },
        challenge: 'x'.repeat(43),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        timeout: 300_000,
        excludeCredentials: [{ id: 'k'.repeat(43), type: 'public-key', transports: ['internal'] }],
        authenticatorSelection: {
          residentKey: 'required',
          requireResidentKey: true,
          userVerification: 'required',
        },
        attestation: 'none',
        extensions: { credProps: true },
      },
    },
  },
  finishPasskeyRegistration: {
    input: {
      ceremonyId: 'c'.repeat(43),
      name: 'Work laptop',
      response: {
        id: 'k'.repeat(43),
        rawId: 'k'.repeat(43),
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: { credProps: { rk: true } },
        response: {
          clientDataJSON: 'e30',
          attestationObject: 'o2NmbXRkbm9uZQ',
          authenticatorData: 'AAAA',
          transports: ['internal', 'hybrid'],
          publicKeyAlgorithm: -7,
          publicKey: 'MFkw',
        },
      },
    },
    output: { id: 'k'.repeat(43), name: 'Work laptop', createdAt: 1, lastUsedAt: null },
  },
  listPasskeys: {
    input: undefined as never,
    output: [{ id: 'k'.repeat(43), name: 'Work laptop', createdAt: 1, lastUsedAt: 2 }],
  },
  renamePasskey: {
    input: { passkeyId: 'k'.repeat(43), name: 'Phone' },
    output: { id: 'k'.repeat(43), name: 'Phone', createdAt: 1, lastUsedAt: null },
  },
  deletePasskey: { input: { passkeyId: 'k'.repeat(43) }, output: undefined },
  startPasskeySignIn: {
    input: undefined as never,
    output: {
      ceremonyId: 'c'.repeat(43),
      options: {
        challenge: 'x'.repeat(43),
        timeout: 300_000,
        rpId: 'portal.example',
        userVerification: 'required',
      },
    },
  },
  finishPasskeySignIn: {
    input: {
      ceremonyId: 'c'.repeat(43),
      response: {
        id: 'k'.repeat(43),
        rawId: 'k'.repeat(43),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: 'e30',
          authenticatorData: 'AAAA',
          signature: 'MEUC',
          userHandle: 'u'.repeat(43),
        },
      },
    },
    output: { session },
  },
};

interface Found {
  path: string;
  method: string;
  op: OpenApiOperation;
}

function operations(): Found[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
}

function byId(id: string): Found {
  const found = operations().find((o) => o.op.operationId === id);
  assert.ok(found, `openapi.yaml documents ${id}`);
  return found;
}

/** Follow response $refs to the response object. */
function response(value: unknown): Record<string, unknown> {
  const r = value as Record<string, unknown>;
  return (typeof r.$ref === 'string' ? resolveRef(doc, r.$ref) : r) as Record<string, unknown>;
}

function jsonSchemaOf(resp: Record<string, unknown>): Schema | undefined {
  const content = resp.content as Record<string, { schema: Schema }> | undefined;
  return content?.['application/json']?.schema;
}

/** The error codes a response schema admits (its `code` consts, through $ref and oneOf). */
function codesOf(schema: Schema | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return codesOf(resolveRef(doc, schema.$ref) as Schema);
  if (schema.oneOf) return schema.oneOf.flatMap(codesOf);
  const code = schema.properties?.code?.const;
  return typeof code === 'string' ? [code] : [];
}

/** status → error codes, for one operation. */
function errorCodes(op: OpenApiOperation): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [status, value] of Object.entries(op.responses)) {
    if (Number(status) < 400) continue;
    out.set(Number(status), codesOf(jsonSchemaOf(response(value))));
  }
  return out;
}

describe('openapi.yaml', () => {
  it('is OpenAPI 3.1 and every $ref resolves', () => {
    assert.match(doc.openapi, /^3\.1\./);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref') resolveRef(doc, v as string);
          else walk(v);
        }
      }
    };
    walk(doc);
  });

  it('documents every AuthAdapter operation at the HttpAdapter route, and nothing else', () => {
    const names = Object.keys(ROUTES) as OperationName[];
    assert.equal(names.length, Object.keys(EXAMPLES).length);
    for (const name of names) {
      const found = byId(name);
      assert.equal(
        `${found.method} ${found.path}`,
        `${ROUTES[name].method} ${ROUTES[name].path}`,
        name,
      );
      assert.equal(
        found.op['x-idempotent'] === true,
        ROUTES[name].idempotent,
        `${name} idempotency`,
      );
    }
    const documented = operations()
      .map((o) => o.op.operationId)
      .filter((id) => id !== 'getCsrfToken');
    assert.deepEqual(documented.sort(), [...names].sort());
    assert.equal(byId('getCsrfToken').path, '/csrf');
  });

  it('documents every error code: on the wire with its fixed status, or as client-only', () => {
    const clientOnly = doc['x-client-only-error-codes'] as string[];
    assert.deepEqual([...clientOnly].sort(), [...CLIENT_ONLY_CODES].sort());
    const wire = Object.keys(ALL_CODES).filter((c) => !clientOnly.includes(c));
    assert.deepEqual(wire.sort(), Object.keys(STATUS_BY_CODE).sort());
    const seen = new Set<string>();
    for (const { op } of operations()) {
      for (const [status, codes] of errorCodes(op)) {
        for (const code of codes) {
          seen.add(code);
          const expected = STATUS_BY_CODE[code as WireErrorCode];
          // 413 (body too large) and 500 (unexpected) are the two documented exceptions.
          const exception =
            (status === 413 && code === 'VALIDATION') || (status === 500 && code === 'UNAVAILABLE');
          assert.ok(
            exception || expected === status,
            `${op.operationId}: ${code} under ${status}, expected ${expected}`,
          );
        }
      }
    }
    assert.deepEqual([...seen].sort(), wire.sort(), 'every wire code appears in some operation');
  });

  it("each error schema's data matches the typed AdapterErrorDataMap", () => {
    const schemas = doc.components.schemas;
    for (const [code, data] of Object.entries(ERROR_DATA)) {
      const name = Object.keys(schemas).find((n) => codesOf(schemas[n]).includes(code));
      assert.ok(name, `a schema for ${code}`);
      const body = { code, data };
      assert.deepEqual(checkSchema(doc, schemas[name], body).problems, [], code);
      if (Object.keys(data).length === 0) {
        const extra = checkSchema(doc, schemas[name], { code, data: { extra: 1 } });
        assert.notDeepEqual(extra.problems, [], `${code}: empty data admits nothing else`);
      }
    }
  });

  it('lists the errors each operation can give: CSRF/shape/size on POSTs, 5xx everywhere', () => {
    for (const name of Object.keys(ROUTES) as OperationName[]) {
      const codes = errorCodes(byId(name).op);
      assert.deepEqual(codes.get(500), ['UNAVAILABLE'], `${name} 500`);
      assert.deepEqual(
        codes.get(503),
        HASHES_A_PASSWORD.has(name) ? ['UNAVAILABLE', 'BUSY'] : ['UNAVAILABLE'],
        `${name} 503`,
      );
      if (ROUTES[name].method === 'POST') {
        assert.ok(codes.get(403)?.includes('FORBIDDEN'), `${name} 403 (CSRF)`);
        assert.ok(codes.get(400)?.includes('VALIDATION'), `${name} 400`);
        assert.ok(codes.get(413)?.includes('VALIDATION'), `${name} 413`);
      }
    }
    const some: [OperationName, string][] = [
      ['login', 'ACCOUNT_LOCKED'],
      ['login', 'INVALID_CREDENTIALS'],
      ['sendCode', 'RATE_LIMITED'],
      ['verifyCode', 'CODE_ATTEMPTS_EXCEEDED'],
      ['setPassword', 'PASSWORD_REUSED'],
      ['verifyTypingPattern', 'PATTERN_UNAVAILABLE'],
      ['confirmEmail', 'LINK_USED'],
      ['addDelegate', 'USERNAME_TAKEN'],
      ['reportIssue', 'NOT_AUTHENTICATED'],
      ['unlockAccount', 'NOT_FOUND'],
      ['login', 'ACCOUNT_DEACTIVATED'],
      ['finishPasskeySignIn', 'ACCOUNT_DEACTIVATED'],
      ['setDelegateActive', 'NOT_FOUND'],
      ['helpDeskAction', 'NOT_FOUND'],
      ['finishPasskeyRegistration', 'PASSKEY_REJECTED'],
      ['finishPasskeySignIn', 'PASSKEY_UNKNOWN'],
      ['finishPasskeySignIn', 'ACCOUNT_LOCKED'],
      ['renamePasskey', 'NOT_FOUND'],
    ];
    for (const [name, code] of some) {
      const all = [...errorCodes(byId(name).op).values()].flat();
      assert.ok(all.includes(code), `${name} documents ${code}`);
    }
  });

  it('RATE_LIMITED, BUSY and ACCOUNT_LOCKED responses document Retry-After', () => {
    for (const name of ['RATE_LIMITED', 'ACCOUNT_LOCKED', 'UNAVAILABLE_OR_BUSY']) {
      const headers = (doc.components.responses[name] as { headers?: Record<string, unknown> })
        .headers;
      assert.ok(headers?.['Retry-After'], name);
    }
  });

  it('request and result schemas accept the typed examples of every operation', () => {
    for (const [name, { input, output }] of Object.entries(EXAMPLES)) {
      const { op } = byId(name);
      const request = op.requestBody?.content['application/json']?.schema;
      if (input !== undefined) {
        assert.ok(request, `${name} has a request body`);
        assert.deepEqual(checkSchema(doc, request, input).problems, [], `${name} request`);
      }
      const success = ['200', '201', '204'].find((s) => s in op.responses)!;
      const schema = jsonSchemaOf(response(op.responses[success]));
      if (output === undefined) {
        assert.equal(success, '204', `${name}: a void result is 204`);
      } else {
        assert.ok(schema, `${name} has a result schema`);
        assert.deepEqual(checkSchema(doc, schema, output).problems, [], `${name} result`);
        assert.notEqual(success, '204', name);
      }
    }
    const login = jsonSchemaOf(response(byId('login').op.responses['200']))!;
    assert.deepEqual(checkSchema(doc, login, { status: 'authenticated', session }).problems, []);
    assert.notDeepEqual(checkSchema(doc, login, { status: 'authenticated', pending }).problems, []);
    const getSession = jsonSchemaOf(response(byId('getSession').op.responses['200']))!;
    assert.deepEqual(checkSchema(doc, getSession, null).problems, [], 'getSession may be null');
  });

  it('the server serves every documented route (no 404 for any operation)', async () => {
    const { engine } = await testBackend(undefined, {
      webauthn: { rpId: 'localhost', rpName: 'Test', origins: ['http://localhost'] },
    });
    const app = createApp({ engine });
    for (const { path, method } of operations()) {
      const res = await app.request(`http://localhost/api${path}`, { method });
      assert.notEqual(res.status, 404, `${method} ${path}`);
      if (method === 'POST')
        assert.equal(res.status, 403, `${method} ${path} needs the CSRF token`);
    }
    // Without the help desk and passkeys, exactly their routes are gone (with the CSRF token:
    // no 403 first).
    const off = createApp({ engine, helpDesk: false, passkeys: false });
    const token = (await off.request('http://localhost/api/csrf')).headers.get('x-csrf-token')!;
    for (const name of Object.keys(ROUTES) as OperationName[]) {
      const { method, path } = ROUTES[name];
      const res = await off.request(`http://localhost/api${path}`, {
        method,
        headers:
          method === 'POST'
            ? {
                cookie: `pep-csrf=${token}`,
                'x-csrf-token': token,
                'content-type': 'application/json',
              }
            : {},
        body: method === 'POST' ? '{}' : undefined,
      });
      assert.equal(
        res.status === 404,
        ROUTES[name].access === 'help-desk' || ROUTES[name].path.startsWith('/passkeys'),
        `${name}: ${res.status}`,
      );
    }
  });
});

describe('who may call what', () => {
  const ACCESS = ['public', 'session', 'producer', 'help-desk'];

  /** The operations whose `x-pep-access` is missing or differs from the route table's. */
  function accessMismatches(d: OpenApiDocument, routes: typeof ROUTES = ROUTES): string[] {
    return Object.values(d.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((op) => {
        const documented = op['x-pep-access'];
        if (!ACCESS.includes(documented as string)) return true;
        const expected =
          op.operationId === 'getCsrfToken'
            ? 'public'
            : routes[op.operationId as OperationName]?.access;
        return documented !== expected;
      })
      .map((op) => op.operationId);
  }

  it('states x-pep-access on every operation, equal to the route table', () => {
    assert.deepEqual(accessMismatches(doc), []);
  });

  it('says who may call it in every description', () => {
    const sentence: Record<string, RegExp> = {
      public: /Who may call it: anyone/,
      session: /Who may call it: any signed-in user/,
      producer: /Who may call it: a signed-in producer/,
      'help-desk': /Who may call it: a signed-in help-desk session only/,
    };
    for (const { op } of operations()) {
      const description = op.description;
      assert.equal(typeof description, 'string', `${op.operationId} has a description`);
      assert.match(description as string, sentence[op['x-pep-access'] as string]!, op.operationId);
    }
  });

  it('documents 401 NOT_AUTHENTICATED and 403 FORBIDDEN for every route that is not public', () => {
    for (const name of Object.keys(ROUTES) as OperationName[]) {
      if (ROUTES[name].access === 'public') continue;
      const codes = errorCodes(byId(name).op);
      assert.deepEqual(codes.get(401), ['NOT_AUTHENTICATED'], `${name} 401`);
      assert.ok(codes.get(403)?.includes('FORBIDDEN'), `${name} 403`);
      const security = byId(name).op.security as Record<string, unknown>[] | undefined;
      assert.ok(
        security?.every((s) => 'sessionCookie' in s),
        `${name}: every security alternative needs the session cookie`,
      );
    }
  });

  it('documents 429 RATE_LIMITED on the rate-limited operations and 503 BUSY where a password is hashed', () => {
    for (const name of RATE_LIMITED_OPERATIONS) {
      assert.deepEqual(errorCodes(byId(name).op).get(429), ['RATE_LIMITED'], `${name} 429`);
    }
    for (const name of HASHES_A_PASSWORD) {
      assert.ok(errorCodes(byId(name).op).get(503)?.includes('BUSY'), `${name} 503 BUSY`);
    }
  });

  it('the access check fails when the route table and openapi.yaml disagree', () => {
    const copy = structuredClone(doc);
    copy.paths[ROUTES.unlockAccount.path]!.post!['x-pep-access'] = 'public';
    delete copy.paths[ROUTES.reportIssue.path]!.post!['x-pep-access'];
    assert.deepEqual(accessMismatches(copy).sort(), ['reportIssue', 'unlockAccount']);
    const routes = { ...ROUTES, listDelegates: { ...ROUTES.listDelegates, access: 'session' } };
    assert.deepEqual(accessMismatches(doc, routes as typeof ROUTES), ['listDelegates']);
  });
});
