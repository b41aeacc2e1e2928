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
import { ROUTES, type OperationName } from './routes.js';

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
  const adapter: Record<string, unknown> = {
    baseUrl: (options.baseUrl ?? '/api').replace(/\/+$/, ''),
  };
  for (const name of Object.keys(ROUTES) as OperationName[]) {
    adapter[name] = async (...args: unknown[]) => {
      const real = await load();
      return (real[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return adapter as unknown as LazyHttpAdapter;
}
