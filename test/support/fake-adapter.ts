import type { AuthAdapter } from '../../src/adapter/types.js';

/** Calls recorded by {@link fakeAdapter}: method name and first argument. */
export type CallLog = { method: string; input: unknown }[];

/**
 * An AuthAdapter whose methods are the given functions; calling any other method fails the
 * test. Every call is recorded in `calls`.
 */
export function fakeAdapter(impl: Partial<AuthAdapter>): { adapter: AuthAdapter; calls: CallLog } {
  const calls: CallLog = [];
  const adapter = new Proxy({} as AuthAdapter, {
    get(_t, name: string | symbol) {
      // Not adapter methods: promise / Lit directive probes and the like.
      if (typeof name !== 'string' || name === 'then' || name.startsWith('_')) return undefined;
      const fn = (impl as Record<string, unknown>)[name];
      if (typeof fn !== 'function') {
        return () => Promise.reject(new Error(`unexpected adapter call: ${name}`));
      }
      return (input: unknown, ...rest: unknown[]) => {
        calls.push({ method: name, input });
        return (fn as (...a: unknown[]) => unknown)(input, ...rest);
      };
    },
  });
  return { adapter, calls };
}

/** A promise with its resolve / reject exposed, to hold an adapter call pending. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}
