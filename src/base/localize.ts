import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalogue } from '../i18n/format.js';
import { follow, inherited, unfollow } from './follow.js';

/** Loads one language's catalogue (every key of the English catalogues, translated). */
export type LocaleLoader = () => Promise<Catalogue>;

/**
 * Languages other than English, by primary subtag. Each is a dynamic `import()`, so the bundler
 * splits it into its own chunk and English-only pages never download it.
 */
const loaders = new Map<string, LocaleLoader>([
  ['es', () => import('../locales/es.js').then((m) => m.es)],
]);
const loaded = new Map<string, Catalogue>();
/** Connected widgets' controllers (a registered language re-renders those showing it). */
const controllers = new Set<LocalizeController>();
const loading = new Map<string, Promise<Catalogue | undefined>>();

/** `es-MX` → `es`, `EN_us` → `en`. */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Add (or replace) a language: a catalogue object or a loader returning one. Keys missing from
 * it fall back to English. Widgets already showing that language re-render.
 */
export function registerLocale(lang: string, source: Catalogue | LocaleLoader): void {
  const key = primaryLanguage(lang);
  loading.delete(key);
  if (typeof source === 'function') {
    loaded.delete(key);
    loaders.set(key, source);
  } else {
    loaders.delete(key);
    loaded.set(key, source);
  }
  for (const c of controllers) c.refresh(true);
}

/** True when `lang` has a catalogue (loaded or loadable); English is always available. */
export function hasLocale(lang: string): boolean {
  const key = primaryLanguage(lang);
  return key === 'en' || loaded.has(key) || loaders.has(key);
}

/**
 * Load a language's catalogue (once; later calls share the promise). Resolves `undefined` for
 * English and for languages without a catalogue, which then show English.
 */
export function loadLocale(lang: string): Promise<Catalogue | undefined> {
  const key = primaryLanguage(lang);
  const ready = loaded.get(key);
  if (ready) return Promise.resolve(ready);
  const loader = loaders.get(key);
  if (key === 'en' || !loader) return Promise.resolve(undefined);
  let p = loading.get(key);
  if (!p) {
    p = loader().then(
      (catalogue) => {
        if (loaders.get(key) === loader) loaded.set(key, catalogue);
        return catalogue;
      },
      (err: unknown) => {
        console.error(
          `pep-auth-elements: could not load the "${key}" messages; using English.`,
          err,
        );
        loading.delete(key);
        return undefined;
      },
    );
    loading.set(key, p);
  }
  return p;
}

/**
 * The language that applies to `node`: its own non-empty `lang`, else the nearest ancestor's —
 * crossing shadow roots to their hosts — else `<html lang>`, else `en`.
 */
export function langOf(node: Node): string {
  return inherited(node, 'lang') ?? (document.documentElement.lang || 'en');
}

/**
 * Reactive controller giving its host the active language (from `lang` on the element, an
 * ancestor such as `<pep-auth-provider lang="es">`, or `<html lang>`) and that language's
 * catalogue. When any `lang` changes it re-renders the host in place: state (current step,
 * typed input) is untouched, only the text changes.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #lang = 'en';
  #catalogue: Catalogue | undefined;
  #pending: Promise<unknown> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The requested language tag, e.g. `es-MX` (used for `Intl` formatting). */
  get lang(): string {
    return this.#lang;
  }

  /** The catalogue of the active non-English language, once loaded; `undefined` for English. */
  get catalogue(): Catalogue | undefined {
    return this.#catalogue;
  }

  /** Settles when a language being loaded has been applied (`undefined` when none is). */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  hostConnected(): void {
    controllers.add(this);
    follow(this, this.#host);
    this.refresh(true);
  }

  hostDisconnected(): void {
    controllers.delete(this);
    unfollow(this);
  }

  /** Re-resolve the language; re-render the host if it (or, with `force`, its catalogue) changed. */
  refresh(force = false): void {
    const lang = langOf(this.#host);
    if (lang === this.#lang && !force) return;
    this.#lang = lang;
    const key = primaryLanguage(lang);
    const ready = key === 'en' ? undefined : loaded.get(key);
    if (ready || key === 'en' || !loaders.has(key)) {
      this.#pending = undefined;
      this.#apply(ready);
      return;
    }
    // Keep showing the current language until the new one arrives (no flash of English).
    const p = loadLocale(lang).then((catalogue) => {
      if (this.#pending !== p) return;
      this.#pending = undefined;
      this.#apply(catalogue);
    });
    this.#pending = p;
  }

  #apply(catalogue: Catalogue | undefined): void {
    this.#catalogue = catalogue;
    this.#host.requestUpdate();
  }
}
