/**
 * The browser adapter for a real backend: every {@link AuthAdapter} operation is one JSON call
 * to the route `openapi.yaml` documents (see {@link ROUTES}), under a base URL.
 *
 * - Session: an `HttpOnly` cookie the server sets and clears. Nothing this adapter keeps, and
 *   nothing JavaScript can read, holds a session token.
 * - CSRF: every state-changing call sends the `X-CSRF-Token` header. The adapter learns the
 *   token from the `X-CSRF-Token` header of any response (first from `GET /csrf` when it has none
 *   yet); a call refused for its token (403 with `X-CSRF-Failure`) is sent once more with the
 *   fresh token the refusal carries.
 * - Failures: every call rejects only with an {@link AdapterError}. The server's `{code, data}`
 *   body becomes that error; anything else that is not a success (an HTML error page, an unknown
 *   code, unreadable JSON) is `UNAVAILABLE`; a failed fetch is `NETWORK`; a call that outlives
 *   `timeoutMs` is `TIMEOUT`; the caller's `AbortSignal` gives `ABORTED`.
 * - Retries: only for idempotent operations (`getSession`, `listDelegates`, `checkDevice`), only
 *   after `NETWORK`, `UNAVAILABLE` or `BUSY`, with exponential backoff and jitter (after `BUSY`
 *   not before its `retryAfter`). A non-idempotent call (a login, a send, a password) is never
 *   sent twice behind the caller's back: its `BUSY` / `RATE_LIMITED` reaches the caller, with
 *   `retryAfter` (epoch ms: the body's, else the `Retry-After` header's).
 * - Bodies: exactly the properties `openapi.yaml` declares for the operation, picked from the
 *   input (the server refuses any other property).
 * - Report an Issue: the screenshot travels base64-encoded inside the JSON body.
 */
import { AdapterError, adapterError, toAdapterError, type AdapterErrorCode } from '../errors.js';
import type {
  ActivityPage,
  ActivityQuery,
  DelegateDetail,
  HelpDeskActionName,
  AuthAdapter,
  AuthenticationResponseJSON,
  CallOptions,
  Channel,
  CodeSent,
  DelegateInput,
  DelegateSummary,
  EmailConfirmation,
  IssueReport,
  IssueTicket,
  Language,
  LoginResult,
  Passkey,
  PasskeyChallenge,
  PasskeyRegistration,
  PasswordFlow,
  PasswordFlowPurpose,
  PendingLogin,
  RegistrationResponseJSON,
  Session,
  TypingSample,
  VerifiedLogin,
} from '../types.js';
import { SCREENSHOT_MAX_BYTES, SCREENSHOT_TYPES } from '../../core/issue-report.js';
import {
  CSRF_FAILURE_HEADER,
  CSRF_HEADER,
  CSRF_PATH,
  ROUTES,
  type HttpRoute,
  type OperationName,
} from './routes.js';

export interface HttpAdapterOptions {
  /** Where the API lives: absolute (`https://portal.example/api`) or relative to the page. Default `/api`. */
  baseUrl?: string;
  /** Per-attempt time limit in ms (the whole exchange, body included). Default 15 000. */
  timeoutMs?: number;
  /** Extra attempts for idempotent operations after NETWORK / UNAVAILABLE. Default 2. */
  retries?: number;
  /** First backoff delay in ms, doubled for each further attempt, with ±50 % jitter. Default 300. */
  retryDelayMs?: number;
  /**
   * Cookie mode for `fetch`. Default `'same-origin'`; use `'include'` when the API is on another
   * origin of the same site (the server must then allow that origin).
   */
  credentials?: RequestCredentials;
  /** The `fetch` to use (tests, instrumentation). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * The codes a server may put in an error body (the other three only arise in the client); the
 * type makes a code added to the contract but missing here a compile error.
 */
const SERVER_CODE_LIST: {
  [C in Exclude<AdapterErrorCode, 'NETWORK' | 'TIMEOUT' | 'ABORTED'>]: true;
} = {
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
  UNAVAILABLE: true,
};
const SERVER_CODES: ReadonlySet<string> = new Set(Object.keys(SERVER_CODE_LIST));

/** What an idempotent call is sent again after. */
const AUTO_RETRY: ReadonlySet<AdapterErrorCode> = new Set<AdapterErrorCode>([
  'NETWORK',
  'UNAVAILABLE',
  'BUSY',
]);

interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/** Epoch ms from a `Retry-After` header (seconds or an HTTP date), or null. */
function retryAfterFrom(headers: Headers): number | null {
  const value = headers.get('Retry-After');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Date.now() + Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The typed error a non-2xx reply stands for. */
function errorFrom(reply: Reply): AdapterError {
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return adapterError('UNAVAILABLE');
  }
  if (!isRecord(body) || typeof body.code !== 'string' || !SERVER_CODES.has(body.code)) {
    return adapterError('UNAVAILABLE');
  }
  const code = body.code as AdapterErrorCode;
  let data: Record<string, unknown> = isRecord(body.data) ? body.data : {};
  if (
    (code === 'RATE_LIMITED' || code === 'BUSY') &&
    !(typeof data.retryAfter === 'number' && Number.isFinite(data.retryAfter))
  ) {
    data = { ...data, retryAfter: retryAfterFrom(reply.headers) ?? Date.now() };
  }
  return new AdapterError(code, data as never);
}

/** The paging fields of an activity query that are set (undefined ones are not sent). */
function paging(q: ActivityQuery): ActivityQuery {
  const out: ActivityQuery = {};
  if (q.cursor !== undefined) out.cursor = q.cursor;
  if (q.limit !== undefined) out.limit = q.limit;
  return out;
}

/** Typing samples with exactly the declared properties (an event object may carry more). */
function wireSamples(samples: TypingSample[]): TypingSample[] {
  return Array.isArray(samples)
    ? samples.map(({ text, events }) => ({
        text,
        events: Array.isArray(events)
          ? events.map(({ type, key, code, t }) => ({ type, key, code, t }))
          : events,
      }))
    : samples;
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export class HttpAdapter implements AuthAdapter {
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #credentials: RequestCredentials;
  readonly #fetch: typeof fetch;
  #csrf: string | null = null;
  #csrfPending: Promise<string> | null = null;

  constructor(options: HttpAdapterOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retries = Math.max(0, options.retries ?? 2);
    this.#retryDelayMs = options.retryDelayMs ?? 300;
    this.#credentials = options.credentials ?? 'same-origin';
    // Bound so a host's `window.fetch` keeps its receiver.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  // --- transport --------------------------------------------------------------------------------

  /** One request/response exchange within the time limit; rejects with an AdapterError. */
  async #exchange(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Reply> {
    if (signal?.aborted) throw adapterError('ABORTED');
    const controller = new AbortController();
    let stop: (error: AdapterError) => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => {
      stop = (error) => {
        reject(error);
        controller.abort();
      };
    });
    const onAbort = () => stop(adapterError('ABORTED'));
    const timer = setTimeout(() => stop(adapterError('TIMEOUT')), this.#timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const run = async (): Promise<Reply> => {
        const res = await this.#fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body,
          credentials: this.#credentials,
          cache: 'no-store',
          signal: controller.signal,
        });
        return { status: res.status, headers: res.headers, text: await res.text() };
      };
      const reply = await Promise.race([run(), stopped]);
      const token = reply.headers.get(CSRF_HEADER);
      if (token) this.#csrf = token;
      return reply;
    } catch (err) {
      throw toAdapterError(err);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      stopped.catch(() => undefined);
    }
  }

  /** The CSRF token, fetched once (shared by concurrent callers) when none is known yet. */
  async #csrfToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.#csrf) return this.#csrf;
    this.#csrfPending ??= this.#exchange('GET', CSRF_PATH, {}, undefined, undefined)
      .then((reply) => {
        if (reply.status >= 400) throw errorFrom(reply);
        if (!this.#csrf) throw adapterError('UNAVAILABLE');
        return this.#csrf;
      })
      .finally(() => {
        this.#csrfPending = null;
      });
    const pending = this.#csrfPending;
    if (!signal) return pending;
    if (signal.aborted) throw adapterError('ABORTED');
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(adapterError('ABORTED'));
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #attempt<T>(route: HttpRoute, body: unknown, signal: AbortSignal | undefined): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const payload = route.method === 'POST' ? JSON.stringify(body ?? {}) : undefined;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    for (let csrfRetry = route.method === 'POST'; ; csrfRetry = false) {
      if (route.method === 'POST') headers[CSRF_HEADER] = await this.#csrfToken(signal);
      const reply = await this.#exchange(route.method, route.path, headers, payload, signal);
      if (reply.status >= 200 && reply.status < 300) {
        if (reply.status === 204 || reply.text === '') return undefined as T;
        try {
          return JSON.parse(reply.text) as T;
        } catch {
          throw adapterError('UNAVAILABLE');
        }
      }
      if (csrfRetry && reply.status === 403 && reply.headers.get(CSRF_FAILURE_HEADER)) {
        // The server did nothing: send once more with the fresh token (fetched if not given).
        if (!reply.headers.get(CSRF_HEADER)) this.#csrf = null;
        continue;
      }
      throw errorFrom(reply);
    }
  }

  async #delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(adapterError('ABORTED'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Call one operation, retrying idempotent ones after NETWORK / UNAVAILABLE / BUSY. */
  async #call<T>(operation: OperationName, body: unknown, options?: CallOptions): Promise<T> {
    const signal = options?.signal;
    const route = ROUTES[operation];
    const attempts = route.idempotent ? this.#retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        if (signal?.aborted) throw adapterError('ABORTED');
        return await this.#attempt<T>(route, body, signal);
      } catch (err) {
        const error = toAdapterError(err);
        if (attempt >= attempts || !AUTO_RETRY.has(error.code)) throw error;
        let wait = this.#retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        if (error.code === 'BUSY') {
          const until = (error.data as { retryAfter: number }).retryAfter - Date.now();
          // The server asks for longer than a call may take: let the caller decide.
          if (until > this.#timeoutMs) throw error;
          wait = Math.max(wait, until);
        }
        await this.#delay(wait, signal);
      }
    }
  }

  // --- operations -------------------------------------------------------------------------------

  addDelegate(input: DelegateInput, options?: CallOptions): Promise<DelegateSummary> {
    const { username, email, firstName, lastName, mobile, states, language } = input;
    return this.#call(
      'addDelegate',
      { username, email, firstName, lastName, mobile, states, language },
      options,
    );
  }
  listDelegates(options?: CallOptions): Promise<DelegateSummary[]> {
    return this.#call('listDelegates', undefined, options);
  }
  resendInvitation(input: { delegateId: string }, options?: CallOptions): Promise<void> {
    return this.#call('resendInvitation', { delegateId: input.delegateId }, options);
  }
  confirmEmail(input: { token: string }, options?: CallOptions): Promise<EmailConfirmation> {
    return this.#call('confirmEmail', { token: input.token }, options);
  }
  findAccount(
    input: { username: string; purpose: PasswordFlowPurpose },
    options?: CallOptions,
  ): Promise<PasswordFlow> {
    const { username, purpose } = input;
    return this.#call('findAccount', { username, purpose }, options);
  }
  sendCode(input: { flowId: string; channel: Channel }, options?: CallOptions): Promise<CodeSent> {
    const { flowId, channel } = input;
    return this.#call('sendCode', { flowId, channel }, options);
  }
  verifyCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void> {
    const { flowId, code } = input;
    return this.#call('verifyCode', { flowId, code }, options);
  }
  setPassword(input: { flowId: string; password: string }, options?: CallOptions): Promise<void> {
    const { flowId, password } = input;
    return this.#call('setPassword', { flowId, password }, options);
  }
  login(
    input: { username: string; password: string; deviceToken?: string; language?: Language },
    options?: CallOptions,
  ): Promise<LoginResult> {
    const { username, password, deviceToken, language } = input;
    return this.#call('login', { username, password, deviceToken, language }, options);
  }
  sendVerificationCode(
    input: { pendingId: string; channel: Channel },
    options?: CallOptions,
  ): Promise<CodeSent> {
    const { pendingId, channel } = input;
    return this.#call('sendVerificationCode', { pendingId, channel }, options);
  }
  verifyAccountCode(
    input: { pendingId: string; code: string; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    const { pendingId, code, rememberDevice } = input;
    return this.#call('verifyAccountCode', { pendingId, code, rememberDevice }, options);
  }
  enrollTypingPattern(
    input: { pendingId: string; samples: TypingSample[] },
    options?: CallOptions,
  ): Promise<PendingLogin> {
    return this.#call(
      'enrollTypingPattern',
      { pendingId: input.pendingId, samples: wireSamples(input.samples) },
      options,
    );
  }
  verifyTypingPattern(
    input: { pendingId: string; samples: TypingSample[]; rememberDevice: boolean },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    const { pendingId, samples, rememberDevice } = input;
    return this.#call(
      'verifyTypingPattern',
      { pendingId, samples: wireSamples(samples), rememberDevice },
      options,
    );
  }
  checkDevice(
    input: { username: string; deviceToken: string },
    options?: CallOptions,
  ): Promise<{ valid: boolean; expiresAt?: number }> {
    const { username, deviceToken } = input;
    return this.#call('checkDevice', { username, deviceToken }, options);
  }
  forgotUsername(
    input: { email: string },
    options?: CallOptions,
  ): Promise<{ resendAvailableAt: number }> {
    return this.#call('forgotUsername', { email: input.email }, options);
  }
  getSession(options?: CallOptions): Promise<Session | null> {
    return this.#call('getSession', undefined, options);
  }
  logout(options?: CallOptions): Promise<void> {
    return this.#call('logout', {}, options);
  }
  async reportIssue(report: IssueReport, options?: CallOptions): Promise<IssueTicket> {
    const { screenshot } = report;
    const fields = {
      description: report.description,
      stepsTaken: report.stepsTaken,
      clientName: report.clientName,
      agentName: report.agentName,
      producerId: report.producerId,
      productType: report.productType,
      state: report.state,
      observedAt: report.observedAt,
    };
    let shot: { name: string; type: string; size: number; data?: string } | undefined;
    if (screenshot) {
      const { name, type, size, data } = screenshot;
      shot = { name, type, size };
      // Bytes the server would refuse anyway are not uploaded: it rejects on the metadata.
      if (data && SCREENSHOT_TYPES.includes(type) && data.size <= SCREENSHOT_MAX_BYTES) {
        if (options?.signal?.aborted) throw adapterError('ABORTED');
        shot.data = await base64(data);
      }
    }
    return this.#call('reportIssue', shot ? { ...fields, screenshot: shot } : fields, options);
  }
  resetTypingPattern(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.#call('resetTypingPattern', { username: input.username }, options);
  }
  unlockAccount(input: { username: string }, options?: CallOptions): Promise<void> {
    return this.#call('unlockAccount', { username: input.username }, options);
  }
  searchDelegates(input: { query: string }, options?: CallOptions): Promise<DelegateSummary[]> {
    return this.#call('searchDelegates', { query: input.query }, options);
  }
  getDelegateDetail(input: { delegateId: string }, options?: CallOptions): Promise<DelegateDetail> {
    return this.#call('getDelegateDetail', { delegateId: input.delegateId }, options);
  }
  listDelegateActivity(
    input: { delegateId: string } & ActivityQuery,
    options?: CallOptions,
  ): Promise<ActivityPage> {
    const { delegateId, cursor, limit } = input;
    return this.#call(
      'listDelegateActivity',
      { delegateId, ...paging({ cursor, limit }) },
      options,
    );
  }
  helpDeskAction(
    input: { delegateId: string; action: HelpDeskActionName; reason: string },
    options?: CallOptions,
  ): Promise<DelegateDetail> {
    const { delegateId, action, reason } = input;
    return this.#call('helpDeskAction', { delegateId, action, reason }, options);
  }
  setDelegateActive(
    input: { delegateId: string; active: boolean },
    options?: CallOptions,
  ): Promise<DelegateSummary> {
    const { delegateId, active } = input;
    return this.#call('setDelegateActive', { delegateId, active }, options);
  }
  unlockDelegate(input: { delegateId: string }, options?: CallOptions): Promise<DelegateSummary> {
    return this.#call('unlockDelegate', { delegateId: input.delegateId }, options);
  }
  listMyActivity(input?: ActivityQuery, options?: CallOptions): Promise<ActivityPage> {
    return this.#call('listMyActivity', paging(input ?? {}), options);
  }
  startPasskeyRegistration(options?: CallOptions): Promise<PasskeyRegistration> {
    return this.#call('startPasskeyRegistration', {}, options);
  }
  finishPasskeyRegistration(
    input: { ceremonyId: string; response: RegistrationResponseJSON; name: string },
    options?: CallOptions,
  ): Promise<Passkey> {
    const { ceremonyId, response, name } = input;
    return this.#call('finishPasskeyRegistration', { ceremonyId, response, name }, options);
  }
  listPasskeys(options?: CallOptions): Promise<Passkey[]> {
    return this.#call('listPasskeys', undefined, options);
  }
  renamePasskey(
    input: { passkeyId: string; name: string },
    options?: CallOptions,
  ): Promise<Passkey> {
    const { passkeyId, name } = input;
    return this.#call('renamePasskey', { passkeyId, name }, options);
  }
  deletePasskey(input: { passkeyId: string }, options?: CallOptions): Promise<void> {
    return this.#call('deletePasskey', { passkeyId: input.passkeyId }, options);
  }
  startPasskeySignIn(options?: CallOptions): Promise<PasskeyChallenge> {
    return this.#call('startPasskeySignIn', {}, options);
  }
  finishPasskeySignIn(
    input: { ceremonyId: string; response: AuthenticationResponseJSON },
    options?: CallOptions,
  ): Promise<VerifiedLogin> {
    const { ceremonyId, response } = input;
    return this.#call('finishPasskeySignIn', { ceremonyId, response }, options);
  }
}
