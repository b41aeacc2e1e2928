import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** Options of {@link textField}. Every string is already translated. */
export interface TextFieldOptions {
  /** Id of the `<input>`; the hint gets `<id>-hint`, the error `<id>-error`. */
  id: string;
  /** `name` of the input (used by `FormState.focusFirstInvalid`). Defaults to `id`. */
  name?: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'datetime-local';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'none';
  /** Help text below the label, always read with the input (aria-describedby). */
  hint?: string;
  /** The error to show now (the caller decides when: see `FormState.errorFor`). */
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  maxlength?: number;
  spellcheck?: boolean;
  autocapitalize?: 'off' | 'none' | 'characters' | 'words' | 'sentences';
  /** Called on every `input` event with the value (normalised when `normalize` is given). */
  onInput: (value: string) => void;
  /**
   * Rewrites what was typed or pasted (e.g. `normalizeCode`); the input then shows the
   * normalised text immediately, even when it equals the previous value.
   */
  normalize?: (raw: string) => string;
  onBlur?: () => void;
  /** Extra ids appended to `aria-describedby` (e.g. a password checklist). */
  describedBy?: string;
  /** Content rendered right after the input, inside the field (e.g. a toggle button). */
  after?: TemplateResult;
}

/** Ids a field's hint and error use; handy for tests and for extra `aria-describedby`. */
export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

function onInput(e: Event, o: TextFieldOptions): void {
  const input = e.target as HTMLInputElement;
  if (!o.normalize) {
    o.onInput(input.value);
    return;
  }
  const value = o.normalize(input.value);
  if (value !== input.value) input.value = value;
  o.onInput(value);
}

/**
 * A field's feedback on leaving it (`onBlur`), at once, unless a pointer is pressing what takes
 * the focus (Send Email, Continue…): an error shown then moves that button from under the
 * pointer and its click is lost, so the first invalid submit would be silent. It then waits
 * for the press (and its click) to end.
 */
function onBlur(e: FocusEvent, o: TextFieldOptions): void {
  const done = () => o.onBlur?.();
  if ((e.relatedTarget as Element | null)?.matches(':active'))
    addEventListener('pointerup', () => setTimeout(done), { once: true, capture: true });
  else done();
}

/** What {@link fieldFrame} shows around a control. Every string is already translated. */
export interface FieldFrameOptions {
  /** Id of the control; the hint gets `<id>-hint`, the error `<id>-error`. */
  id: string;
  label: string;
  /** Help text below the label, always read with the control (aria-describedby). */
  hint?: string | undefined;
  /** The error to show now (the caller decides when: see `FormState.errorFor`). */
  error?: string | null | undefined;
  /** Extra ids appended to `aria-describedby` (e.g. a password checklist). */
  describedBy?: string | undefined;
}

/**
 * A field's frame: `<label for>` in the same shadow root, the hint, the control and the
 * always-present error text. `control` gets the control's `aria-describedby` value (the hint and
 * the error when shown, then `describedBy`; empty when none). Parts: `field`, `label`, `hint`,
 * `field-error`.
 */
export function fieldFrame(
  o: FieldFrameOptions,
  control: (describedBy: string) => TemplateResult,
): TemplateResult {
  const describedBy = [
    o.hint ? hintId(o.id) : '',
    o.error ? errorId(o.id) : '',
    o.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div class="field" part="field">
    <label for=${o.id} part="label">${o.label}</label>
    ${o.hint ? html`<p id=${hintId(o.id)} class="hint" part="hint">${o.hint}</p>` : nothing}
    ${control(describedBy)}
    <p id=${errorId(o.id)} class="field-error" part="field-error">${o.error ?? ''}</p>
  </div>`;
}

/**
 * A labelled input with hint and error (in a {@link fieldFrame}): `aria-invalid` and
 * `aria-describedby` pointing at the hint and the error. Parts: `field`, `label`, `input`,
 * `hint`, `field-error`.
 */
export function textField(o: TextFieldOptions): TemplateResult {
  return fieldFrame(
    o,
    (describedBy) =>
      html`<div class="input-row">
        <input
          id=${o.id}
          name=${o.name ?? o.id}
          part="input"
          type=${o.type ?? 'text'}
          .value=${live(o.value)}
          autocomplete=${o.autocomplete ?? nothing}
          inputmode=${o.inputmode ?? nothing}
          maxlength=${o.maxlength ?? nothing}
          autocapitalize=${o.autocapitalize ?? nothing}
          spellcheck=${o.spellcheck === undefined ? nothing : String(o.spellcheck)}
          ?required=${o.required ?? false}
          aria-required=${o.required ? 'true' : nothing}
          ?disabled=${o.disabled ?? false}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @input=${(e: Event) => onInput(e, o)}
          @blur=${(e: FocusEvent) => onBlur(e, o)}
        />${o.after ?? nothing}
      </div>`,
  );
}
