import { html, type TemplateResult } from 'lit';
import type { MessageParams } from '../i18n/format.js';
import { textField } from './text-field.js';

/** A translate function, e.g. `(k, p) => this.t(k, p)` of a PepElement. */
export type Translate = (key: string, params?: MessageParams) => string;

export interface PasswordFieldOptions {
  /** Input id (and name), e.g. `password` or `confirm`. */
  id: string;
  /** `name` of the input when it differs from `id` (a page-unique id in light DOM). */
  name?: string;
  label: string;
  value: string;
  /** Whether the password is shown as text (the caller keeps this state). */
  visible: boolean;
  onToggle: () => void;
  onInput: (value: string) => void;
  onBlur?: () => void;
  /** `new-password` (default) or `current-password`. */
  autocomplete?: 'new-password' | 'current-password';
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  /** Extra `aria-describedby` ids (e.g. the checklist id). */
  describedBy?: string;
  /** Translates `common.show-password` (the toggle's constant accessible name). */
  t: Translate;
}

/**
 * A password input with a show/hide toggle button right after it. The button keeps one
 * accessible name ("Show password") and reports its state with `aria-pressed`; it has
 * `aria-controls` to the input and `part="toggle-button"`.
 */
export function passwordField(o: PasswordFieldOptions): TemplateResult {
  return textField({
    id: o.id,
    name: o.name,
    label: o.label,
    value: o.value,
    type: o.visible ? 'text' : 'password',
    autocomplete: o.autocomplete ?? 'new-password',
    autocapitalize: 'none',
    spellcheck: false,
    hint: o.hint,
    error: o.error,
    disabled: o.disabled,
    required: true,
    describedBy: o.describedBy,
    onInput: o.onInput,
    onBlur: o.onBlur,
    after: html`<button
      type="button"
      class="secondary toggle"
      part="toggle-button"
      aria-pressed=${o.visible ? 'true' : 'false'}
      aria-controls=${o.id}
      @click=${o.onToggle}
    >
      ${o.t('common.show-password')}
    </button>`,
  });
}
