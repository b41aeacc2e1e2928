/**
 * A module an element needs only after its first step: `load()` fetches it once (later calls
 * share the promise; a failed fetch is tried again by the next call), `get()` returns it once
 * loaded. An element starts `load()` with its first adapter call and waits for it (through
 * `call()`, so a failed fetch is an ordinary retryable failure) before it moves to a step that
 * renders with it. Pass the `import()` as a literal so that bundlers split the chunk:
 * `lazyModule(() => import('./steps.js'))`.
 */
export interface LazyModule<T> {
  load(): Promise<T>;
  /** Start loading (a failure is left to the `load()` that waits for it). */
  prefetch(): void;
  get(): T | undefined;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> =>
    (loading ??= importer().then(
      (m) => (loaded = m),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  return {
    load,
    prefetch: () => void load().catch(() => undefined),
    get: () => loaded,
  };
}
