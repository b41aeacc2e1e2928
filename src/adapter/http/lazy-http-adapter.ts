/**
 * An {@link AuthAdapter} that loads {@link HttpAdapter} with a dynamic `import()` and forwards
 * every call to it, so code that only MIGHT talk HTTP (the `<pep-auth-provider base-url>`
 * attribute) does not carry the adapter in its own bundle. It exists synchronously (widgets get
 * it at once), starts loading at once, and a failed load rejects the call with `NETWORK` and is
 * tried again on the next call.
 */
import { toAdapterError } from '../errors.js';
import type { AuthAdapter } from '../types.js';
import type { HttpAdapterOptions } from './http-adapter.js';
import type { OperationName } from './routes.js';

/**
 * Every operation's name, one string (the route table in `routes.ts` is three times the bytes,
 * and this module is in what a page with `<pep-auth-provider base-url>` loads first).
 */
const OPERATIONS =
  'addDelegate listDelegates resendInvitation confirmEmail findAccount sendCode verifyCode setPassword login sendVerificationCode verifyAccountCode enrollTypingPattern verifyTypingPattern checkDevice forgotUsername getSession logout reportIssue resetTypingPattern unlockAccount startPasskeyRegistration finishPasskeyRegistration listPasskeys renamePasskey deletePasskey startPasskeySignIn finishPasskeySignIn searchDelegates getDelegateDetail listDelegateActivity helpDeskAction setDelegateActive unlockDelegate listMyActivity';

/** The names above, as the compiler sees them: a missing or misspelt one is a compile error. */
type Split<S extends string> = S extends `${infer Head} ${infer Rest}` ? Head | Split<Rest> : S;
type Listed = Split<typeof OPERATIONS>;
const everyOperationListed: [
  Exclude<OperationName, Listed>,
  Exclude<Listed, OperationName>,
] extends [never, never]
  ? true
  : never = true;
void everyOperationListed;

export type LazyHttpAdapter = AuthAdapter & {
  /** The base URL calls go to (after trailing slashes are removed). */
  readonly baseUrl: string;
};

export function lazyHttpAdapter(options: HttpAdapterOptions = {}): LazyHttpAdapter {
  let loading: Promise<AuthAdapter> | null = null;
  const load = (): Promise<AuthAdapter> =>
    (loading ??= import('./http-adapter.js').then(
      (m) => new m.HttpAdapter(options),
      (err: unknown) => {
        loading = null;
        throw toAdapterError(err);
      },
    ));
  load().catch(() => undefined);
  const operations = (OPERATIONS.split(' ') as OperationName[]).map((name) => [
    name,
    async (...args: unknown[]) => {
      const real = await load();
      return (real[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  ]);
  // Every operation forwards its arguments and result unchanged (OPERATIONS lists them all).
  const adapter: LazyHttpAdapter = Object.assign(Object.fromEntries(operations), {
    baseUrl: (options.baseUrl ?? '/api').replace(/\/+$/, ''),
  });
  return adapter;
}
