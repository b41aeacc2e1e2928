import {
  html,
  nothing,
  render,
  type CSSResult,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { textField, type TextFieldOptions } from './text-field.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The attribute of the light-DOM container (`<div data-pep-credentials slot="…">`). */
const MARK = 'data-pep-credentials';

/** Instances so far: gives every container its own id prefix (`pep-login-3-username`). */
let instances = 0;

/** The scoped sheet of each tag (built once, adopted by every root a widget of that tag is in). */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * The element's shadow styles, for its light-DOM credential form: all of them nested under
 * `<tag> > [data-pep-credentials]` (CSS nesting), so they style nothing else in the page
 * (`:host` rules match nothing there; `@keyframes`, not allowed in a nested block, are dropped).
 * Page styles are reverted inside the container first (`all: revert`, at the specificity of the
 * container selector), so a page's `input { … }` or `label { … }` does not change the form
 * either; colours, fonts and sizes come from the `--_*` tokens, which the container inherits
 * from the slot it is assigned to. Built once per tag.
 */
function scopedSheet(tag: string, styles: readonly CSSResult[]): CSSStyleSheet {
  let sheet = sheets.get(tag);
  if (!sheet) {
    const scope = `${tag}>[${MARK}]`;
    sheet = new CSSStyleSheet();
    // (Some engines map `hidden` to `display: none` as an author-level hint: `revert` drops it.)
    sheet.replaceSync(
      `${scope},${scope} *{all:revert;box-sizing:inherit}${scope} [hidden]{display:none}` +
        `${scope}{${styles.map((s) => s.cssText).join('')}}`,
    );
    sheets.set(tag, sheet);
  }
  return sheet;
}

export interface CredentialFormOptions {
  /**
   * The element's shadow styles the form needs (`formStyles`, `sharedStyles`,
   * `passwordStyles`, …): the same rules, scoped under the element's tag.
   */
  styles: readonly CSSResult[];
  /** Name of the `<slot>` the form is shown in (default `credentials`). */
  slot?: string;
  /**
   * Run before each render of the host (in `hostUpdate`, like `willUpdate`): e.g. take the
   * inputs' live values into the element's state, so that a re-render never puts back an older
   * value over a manager's silent fill.
   */
  sync?: () => void;
}

/**
 * The credential form of an element, rendered into the element's **own light DOM** and shown
 * through a `<slot>` of its shadow layout, so that password managers that do not look into
 * shadow roots find the real `<form>`, its `autocomplete="username"` and
 * `current-password` / `new-password` inputs, their `<label for>`s and their errors
 * (`document.querySelectorAll('input[autocomplete~="current-password"]')` finds them).
 *
 * ```ts
 * #credentials = new CredentialForm(this, { styles: [formStyles, sharedStyles, passwordStyles] });
 * // render(): html`… ${this.#credentials.render(html`<form>…</form>`)} …`  (returns the slot)
 * // ids:      textField({ id: this.#credentials.id('username'), name: 'username', … })
 * // submit:   const username = this.#credentials.value('username') ?? this.username;
 * ```
 *
 * - The container (`<div data-pep-credentials slot="credentials">`) is the element's child
 *   while it lives: kept on disconnect, put back if a page removed it, one per element.
 * - Ids are unique in the page (`<tag>-<n>-<name>`): two widgets never share a `<label for>` or
 *   an `aria-describedby` target. Inputs keep their `name` (`username`, `password`).
 * - Styles: one constructed sheet per tag, adopted by the root node the element is in (the
 *   document or an enclosing shadow root), every rule nested under
 *   `<tag> > [data-pep-credentials]`.
 * - Values a manager or a script sets (with `change`, `input` or no event at all) are read from
 *   the inputs themselves: {@link value}, and the `sync` option.
 * - An update of the host that does not call {@link render} empties the container (a step
 *   without the form leaves no field, and no password, in the light DOM).
 */
export class CredentialForm implements ReactiveController {
  readonly #host: Host;
  readonly #styles: readonly CSSResult[];
  readonly #prefix: string;
  readonly #sync: (() => void) | undefined;
  /** Whether {@link render} ran in the host's current update. */
  #rendered = false;
  readonly slot: string;
  /** The element in the host's light DOM the form is rendered into. */
  readonly container: HTMLDivElement;

  constructor(host: Host, options: CredentialFormOptions) {
    this.#host = host;
    this.#styles = options.styles;
    this.slot = options.slot ?? 'credentials';
    this.#sync = options.sync;
    this.#prefix = `${host.localName}-${++instances}`;
    this.container = document.createElement('div');
    this.container.setAttribute(MARK, '');
    this.container.slot = this.slot;
    host.addController(this);
  }

  /** A page-unique id for the form's `name` (`<tag>-<n>-<name>`). */
  id(name: string): string {
    return `${this.#prefix}-${name}`;
  }

  hostConnected(): void {
    this.#attach();
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    if ('adoptedStyleSheets' in root) {
      const sheet = scopedSheet(this.#host.localName, this.#styles);
      if (!root.adoptedStyleSheets.includes(sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The container as the host's child: put back if removed, a cloned stale one dropped. */
  #attach(): void {
    for (const child of [...this.#host.children])
      if (child !== this.container && child.hasAttribute(MARK)) child.remove();
    if (this.container.parentNode !== this.#host) this.#host.append(this.container);
  }

  /**
   * Render `content` (the `<form>` and its fields, or `nothing` on a step without them) into the
   * light-DOM container; returns the `<slot>` to place in the shadow layout where it shows.
   * User text in `content` is rendered as text, as anywhere in Lit.
   */
  render(content: unknown): TemplateResult {
    this.#rendered = true;
    if (this.#host.isConnected) this.#attach();
    render(content, this.container, { host: this.#host });
    return html`<slot name=${this.slot}></slot>`;
  }

  hostUpdate(): void {
    this.#rendered = false;
    this.#sync?.();
  }

  hostUpdated(): void {
    if (!this.#rendered) render(nothing, this.container);
  }

  /** The form's `<form>`, when rendered. */
  get form(): HTMLFormElement | null {
    return this.container.querySelector('form');
  }

  /** The control named `name`, when rendered. */
  field(name: string): HTMLInputElement | null {
    return this.container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  }

  /**
   * The live value of the input named `name` (what a password manager or a script put there,
   * with or without an event), or `undefined` when it is not rendered.
   */
  value(name: string): string | undefined {
    return this.field(name)?.value;
  }

  /** Set an input's value now (e.g. emptied by `reset()`), ahead of the next render. */
  setValue(name: string, value: string): void {
    const input = this.field(name);
    if (input) input.value = value;
  }
}

/**
 * Submit the form when Enter is pressed in one of its inputs. The light-DOM form's visible
 * submit button lives in the shadow layout, so the browser's implicit submission (which needs a
 * submit button in the form) is done here: `@keydown=${submitOnEnter}` on the `<form>`.
 */
export function submitOnEnter(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.isComposing || target.localName !== 'input') return;
  e.preventDefault();
  (e.currentTarget as HTMLFormElement).requestSubmit();
}

/** Options of {@link usernameField}: a {@link textField} whose autocomplete tokens it sets. */
export type UsernameFieldOptions = Omit<
  TextFieldOptions,
  'autocomplete' | 'autocapitalize' | 'spellcheck' | 'type'
> & {
  /**
   * Also offer passkeys in the browser's autofill (conditional mediation):
   * `autocomplete="username webauthn"`.
   */
  webauthn?: boolean;
};

/** The account's Username input: `autocomplete="username"` (plus `webauthn` when asked). */
export function usernameField(o: UsernameFieldOptions): TemplateResult {
  return textField({
    ...o,
    autocomplete: o.webauthn ? 'username webauthn' : 'username',
    autocapitalize: 'none',
    spellcheck: false,
  });
}
