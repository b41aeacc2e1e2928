/**
 * The wire contract's route table: one HTTP route per {@link AuthAdapter} operation, relative to
 * the API base URL (default `/api`). `openapi.yaml` documents the same table; the HttpAdapter
 * calls it and the reference server serves it, and a test fails when the three drift apart.
 *
 * Reads are `GET` with no body. Everything else is `POST` with a JSON body that is exactly the
 * operation's input (an empty object for operations without input), and carries the CSRF token.
 * `idempotent` marks the operations the HttpAdapter may retry after a network failure or a 5xx:
 * they change nothing on the server (`checkDevice` is a POST only so that the device token never
 * appears in a URL or an access log).
 *
 * `access` says who may call a route (openapi.yaml's `x-pep-access`): `public` anyone (the
 * operation itself decides, e.g. `getSession` answers null), `session` any signed-in user,
 * `producer` a signed-in producer, `help-desk` a signed-in help-desk user. The server checks the
 * session of a non-public route before it reads the request body.
 */
import type { AuthAdapter } from '../types.js';

export type HttpMethod = 'GET' | 'POST';

/** Who may call a route (see the module comment). */
export type RouteAccess = 'public' | 'session' | 'producer' | 'help-desk';

export interface HttpRoute {
  method: HttpMethod;
  path: string;
  idempotent: boolean;
  access: RouteAccess;
}

export type OperationName = keyof AuthAdapter;

const get = (path: string, access: RouteAccess = 'public'): HttpRoute => ({
  method: 'GET',
  path,
  idempotent: true,
  access,
});
const post = (path: string, access: RouteAccess = 'public', idempotent = false): HttpRoute => ({
  method: 'POST',
  path,
  idempotent,
  access,
});

/** Every AuthAdapter operation (the type makes a missing or extra operation a compile error). */
export const ROUTES: { readonly [K in OperationName]: HttpRoute } = {
  addDelegate: post('/delegates', 'producer'),
  listDelegates: get('/delegates', 'producer'),
  resendInvitation: post('/delegates/resend-invitation', 'producer'),
  confirmEmail: post('/email/confirm'),
  findAccount: post('/password/find-account'),
  sendCode: post('/password/send-code'),
  verifyCode: post('/password/verify-code'),
  setPassword: post('/password/set'),
  login: post('/login'),
  sendVerificationCode: post('/login/send-code'),
  verifyAccountCode: post('/login/verify-code'),
  enrollTypingPattern: post('/login/enroll-pattern'),
  verifyTypingPattern: post('/login/verify-pattern'),
  checkDevice: post('/devices/check', 'public', true),
  forgotUsername: post('/username/remind'),
  getSession: get('/session'),
  logout: post('/session/logout'),
  reportIssue: post('/issues', 'session'),
  resetTypingPattern: post('/help-desk/reset-typing-pattern', 'help-desk'),
  unlockAccount: post('/help-desk/unlock-account', 'help-desk'),
  searchDelegates: post('/help-desk/delegates/search', 'help-desk', true),
  getDelegateDetail: post('/help-desk/delegates/detail', 'help-desk', true),
  listDelegateActivity: post('/help-desk/delegates/activity', 'help-desk', true),
  helpDeskAction: post('/help-desk/delegates/action', 'help-desk'),
  setDelegateActive: post('/delegates/set-active', 'producer'),
  unlockDelegate: post('/delegates/unlock', 'producer'),
  listMyActivity: post('/activity', 'session', true),
  startPasskeyRegistration: post('/passkeys/registration/start', 'session'),
  finishPasskeyRegistration: post('/passkeys/registration/finish', 'session'),
  listPasskeys: get('/passkeys', 'session'),
  renamePasskey: post('/passkeys/rename', 'session'),
  deletePasskey: post('/passkeys/delete', 'session'),
  startPasskeySignIn: post('/passkeys/sign-in/start'),
  finishPasskeySignIn: post('/passkeys/sign-in/finish'),
};

/** `GET` here returns 204 with a fresh `X-CSRF-Token` header (and sets the CSRF cookie). */
export const CSRF_PATH = '/csrf';
/** Request header carrying the CSRF token; response header carrying the current one. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** Response header present (value `1`) when a call was refused for a missing or wrong token. */
export const CSRF_FAILURE_HEADER = 'X-CSRF-Failure';
