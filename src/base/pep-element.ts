import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextEvent, type Context } from '@lit/context';
import type { AuthAdapter } from '../adapter/types.js';
import { AdapterError, adapterError, toAdapterError } from '../adapter/errors.js';
import { adapterContext, configContext, DEFAULT_CONFIG, type PepConfig } from './context.js';
import type { PepEventMap, PepEventName } from './events.js';
import {
  formatDateTime,
  formatMessage,
  formatTime,
  type Catalogue,
  type MessageParams,
} from '../i18n/format.js';
import { baseEn } from '../i18n/base.en.js';
import { LocalizeController } from './localize.js';
import { ThemeController } from './theme.js';

/**
 * The English messages of the adapter errors a backend answers with (`errors.en.ts`), and how a
 * wait is said ("4 minutes", `formatDuration`, for `retryAfter`): not in what a page loads first.
 * The first adapter call of any element starts loading them, and a failed call waits for them
 * before it rejects, so the message is there when it is shown.
 */
let errors: typeof import('../i18n/errors.en.js') | undefined;
let errorsLoading: Promise<unknown> | undefined;
const loadErrorMessages = (): Promise<unknown> =>
  (errorsLoading ??= import('../i18n/errors.en.js').then(
    (m) => {
      errors = m;
      addLateEnglish(m.errorsEn);
    },
    // Tried again with the next call; meanwhile `t` shows the generic error text.
    () => (errorsLoading = undefined),
  ));

/**
 * English that arrives with a lazily loaded module: the adapter errors' (above) and the
 * new-password step's checklist (`password-flow.new-password.ts`). Looked up after the English
 * every element shares.
 */
const lateEnglish: Catalogue[] = [];
export function addLateEnglish(catalogue: Catalogue): void {
  lateEnglish.push(catalogue);
}

/**
 * Thin base for every pep-* element: adapter and config from context (or set directly), typed
 * events, translated messages with host overrides, abortable adapter calls, and focus
 * management on step change.
 */
export abstract class PepElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  // Reactive properties are declared here rather than with decorators (no decorator helpers in
  // what a host loads); subclasses add theirs the same way.
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    config: { attribute: false },
    theme: { reflect: true },
    messages: { attribute: false },
  };

  /**
   * Declare internal reactive state, as `@state()` does: `static { this.states('flow'); }`.
   * (Kept out of `properties` so that it is not documented as an attribute.)
   */
  protected static states(...names: string[]): void {
    for (const name of names) this.createProperty(name, { state: true });
  }

  /** The backend adapter. Provided by `<pep-auth-provider>` through context, or set directly. */
  adapter?: AuthAdapter;

  /** Host configuration (help desk phone, …). */
  config: PepConfig = DEFAULT_CONFIG;

  /**
   * Colour theme: `dark` or `light` forces those defaults; unset follows an ancestor's `theme`
   * (e.g. on `<pep-auth-provider>`), else `prefers-color-scheme`. Host `--pep-*` tokens win.
   */
  theme?: 'light' | 'dark';

  /** Host overrides for any message key, in every language, e.g. `{ 'login.title': 'Sign in' }`. */
  messages: Partial<Record<string, string>> = {};

  /**
   * The element's clock (epoch ms): how long until a rate limit ends, code expiry, countdowns,
   * the idle timeout. Tests (and hosts with a server clock) may replace it.
   */
  now: () => number = () => Date.now();

  /** The element's own English catalogue (merged over the common one). */
  protected abstract readonly catalogue: Catalogue;

  #calls = new Set<AbortController>();

  /** Active language (`lang` on the element, an ancestor or `<html>`) and its catalogue. */
  readonly #localize = new LocalizeController(this);

  constructor() {
    super();
    // `theme="dark|light"` from an ancestor (e.g. the provider, or an outer widget).
    new ThemeController(this);
  }

  /**
   * Translate `key` into the active language, filling `{name}` placeholders from `params`.
   * Order: host `messages` override → active language's catalogue → the element's English →
   * the English every element shares (`baseEn`, then the English of lazily loaded modules, such
   * as the adapter errors' `errorsEn` once an adapter call loaded it) → the key itself.
   */
  t(key: string, params?: MessageParams): string {
    const template = this.#template(key);
    if (template === undefined) {
      // An adapter error whose English could not be loaded (its chunk failed): a generic text,
      // never the key.
      if (!errors && key.startsWith('error.')) return this.t('error.GENERIC');
      // An unknown key (e.g. `state.<code>` for a code from the backend) is shown as it is: it
      // is never a template, so a backend value such as "{phone}" is not filled in.
      return key;
    }
    return formatMessage(template, { phone: this.config.helpDeskPhone, ...params });
  }

  #template(key: string): string | undefined {
    return (
      this.messages[key] ??
      this.#localize.catalogue?.[key] ??
      this.catalogue[key] ??
      (baseEn as Catalogue)[key] ??
      lateEnglish.find((english) => key in english)?.[key]
    );
  }

  /**
   * The message for a field's check `reason` (a `FieldReason`): the field's own text
   * (`field.<field>.<reason>`) where a catalogue has one, else the generic `field.<reason>`.
   */
  protected fieldText(field: string, reason: string, params?: MessageParams): string {
    const specific = `field.${field}.${reason}`;
    const text = this.t(specific, params);
    return text === specific ? this.t(`field.${reason}`, params) : text;
  }

  /** Fire a typed, bubbling, composed `pep-*` event. Returns false if a listener cancelled it. */
  emit<K extends PepEventName>(name: K, detail: PepEventMap[K], cancelable = false): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
    );
  }

  /**
   * Run an adapter call with an AbortSignal that is aborted when the element is removed or
   * `abortCalls()` runs (e.g. on step change). Always rejects with an {@link AdapterError}, and
   * with its message at hand: when that message is one of the lazily loaded English error
   * messages (their loading starts with the call), once they have arrived.
   *
   * @internal (public for the modules that render an element's steps, e.g. the new-password step)
   */
  async call<T>(fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>): Promise<T> {
    const messages = loadErrorMessages();
    try {
      return await this.#call(fn);
    } catch (e) {
      // Its message, or (RATE_LIMITED, BUSY) the words for the wait, may still be on the way.
      if (this.#template(`error.${(e as AdapterError).code}`) === undefined || !errors)
        await this.settle(messages);
      throw e;
    }
  }

  /** Work that completes an adapter call's outcome (a module it needs); see {@link settle}. */
  #settling = new Set<Promise<unknown>>();

  /**
   * Track `work` that finishes what an adapter call started (e.g. loading the module the next
   * step renders with) once the adapter has answered: `updateComplete` waits for it, so "the
   * call settled and the element rendered its outcome" stays one wait for hosts and tests.
   */
  protected settle<T>(work: Promise<T>): Promise<T> {
    const done: Promise<unknown> = work.then(
      () => this.#settling.delete(done),
      () => this.#settling.delete(done),
    );
    this.#settling.add(done);
    return work;
  }

  async #call<T>(fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>): Promise<T> {
    const adapter = this.adapter;
    if (!adapter) {
      console.error(
        `<${this.localName}>: no adapter. Wrap it in <pep-auth-provider> or set .adapter.`,
      );
      throw adapterError('UNAVAILABLE');
    }
    const controller = new AbortController();
    this.#calls.add(controller);
    try {
      const result = await fn(adapter, controller.signal);
      if (controller.signal.aborted) throw adapterError('ABORTED');
      return result;
    } catch (e) {
      if (controller.signal.aborted) throw adapterError('ABORTED');
      throw toAdapterError(e);
    } finally {
      this.#calls.delete(controller);
    }
  }

  /** True while an adapter call started by {@link call} is in flight. */
  protected get calling(): boolean {
    return this.#calls.size > 0;
  }

  /**
   * Whether a failed call should be ignored: an `ABORTED` call the element aborted itself (step
   * change, Back, a newer call). A call aborted because the element was removed is not ignored:
   * the caller handles it like any failure and leaves its pending state ("The request was
   * cancelled."), so a widget re-inserted later is usable.
   */
  protected ignoreAbort(error: AdapterError): boolean {
    return error.code === 'ABORTED' && this.isConnected;
  }

  /** Abort every adapter call in flight (their promises reject with `ABORTED`). */
  protected abortCalls(): void {
    for (const c of this.#calls) c.abort();
    this.#calls.clear();
  }

  /**
   * Message for an adapter error, with its data filled in. `retryAfter` (RATE_LIMITED, BUSY)
   * gives `{wait}`: how long from now by the element's clock
   * ({@link now}), "4 minutes" or, under a minute, "30 seconds" — computed at each render, so a
   * later render shows what is left.
   *
   * @internal (public for the modules that render an element's steps, e.g. the new-password step)
   */
  errorMessage(error: AdapterError): string {
    const data = error.data as Record<string, unknown>;
    const params: MessageParams = {};
    for (const [k, v] of Object.entries(data)) {
      if (typeof v === 'number' || typeof v === 'string') params[k] = v;
    }
    if (typeof data['unlocksAt'] === 'number') params['time'] = this.formatTime(data['unlocksAt']);
    // The words for the wait come with the error messages, which `call` waits for.
    if (typeof data['retryAfter'] === 'number' && errors)
      params['wait'] = errors.formatDuration(data['retryAfter'] - this.now(), this.intlLocale);
    if (error.code === 'CODE_INVALID' && data['attemptsLeft'] === 1)
      return this.t('error.CODE_INVALID_LAST');
    if (error.code === 'PASSKEY_REJECTED' && data['reason'] === 'expired')
      return this.t('error.PASSKEY_REJECTED_EXPIRED');
    return this.t(`error.${error.code}`, params);
  }

  /**
   * Also waits for a language being loaded (after a `lang` change) to be applied and rendered,
   * and for work an adapter call's outcome waits for ({@link settle}).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.#localize.pending || this.#settling.size) {
      await Promise.all([this.#localize.pending, ...this.#settling]);
      // The caller goes on after the work, some microtasks later: let it request its update.
      await new Promise((resolve) => setTimeout(resolve));
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /**
   * The active locale for `Intl`: the element's `lang`, else the nearest ancestor's (across
   * shadow roots, e.g. `<pep-auth-provider lang="es">`), else the page's `<html lang>`, else `en`
   * (a malformed `lang` falls back to the browser's default).
   */
  protected get intlLocale(): string | undefined {
    try {
      return Intl.getCanonicalLocales(this.#localize.lang)[0];
    } catch {
      return undefined;
    }
  }

  /** A time of day in the active locale, e.g. "3:45 PM" (en) or "15:45" (es). */
  protected formatTime(ms: number): string {
    return formatTime(ms, this.intlLocale);
  }

  /** A date and time in the active locale, e.g. "Jan 5, 2026, 3:45 PM". */
  protected formatDateTime(ms: number): string {
    return formatDateTime(ms, this.intlLocale);
  }

  /** Move focus to the current step's heading (`[data-step-heading]`), after render. */
  protected async focusHeading(): Promise<void> {
    await this.updateComplete;
    const h = this.renderRoot.querySelector<HTMLElement>('[data-step-heading]');
    h?.focus();
  }

  /** Unsubscribe functions of the providers this element follows (see `connectedCallback`). */
  #providers = new Set<() => void>();

  override connectedCallback(): void {
    super.connectedCallback();
    // `adapter` and `config` follow the nearest provider (the context protocol of @lit/context,
    // like `@consume({ subscribe: true })`; a closer provider appearing later takes over).
    this.#consume(adapterContext, (value) => (this.adapter = value));
    this.#consume(configContext, (value) => (this.config = value));
  }

  #consume<T>(context: Context<unknown, T>, set: (value: T) => void): void {
    let current: (() => void) | undefined;
    this.dispatchEvent(
      new ContextEvent(
        context,
        this,
        (value, unsubscribe) => {
          if (current !== unsubscribe) {
            if (current) {
              current();
              this.#providers.delete(current);
            }
            current = unsubscribe;
            if (unsubscribe) this.#providers.add(unsubscribe);
          }
          set(value);
        },
        true,
      ),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.#providers) unsubscribe();
    this.#providers.clear();
    // A widget moved in the DOM (removed and re-inserted in the same task) keeps its calls;
    // one that is really removed aborts them.
    queueMicrotask(() => {
      if (!this.isConnected) this.abortCalls();
    });
  }
}
