import type { TemplateResult } from 'lit';
import { normalizeCode } from '../core/validation.js';
import { OTP_LENGTH } from '../core/otp.js';
import { textField } from './text-field.js';

/**
 * Room for a whole pasted code with separators (`ABCD-EFGH`, `ABCD EFGH`, ` abcd efgh `); the
 * value is normalised on every input, so what stays in the field is at most the code itself.
 */
const CODE_INPUT_MAXLENGTH = OTP_LENGTH * 3;

export interface CodeInputOptions {
  /** Input id (default `code`); also its `name`. */
  id?: string;
  label: string;
  /** The normalised code (upper case, no spaces or dashes). */
  value: string;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  /** Receives the normalised code (via `normalizeCode`) on every input. */
  onInput: (code: string) => void;
  onBlur?: () => void;
}

/**
 * A one-time-code input: `autocomplete="one-time-code"`, `inputmode="text"`, no spell check,
 * upper-case capitalisation; accepts a pasted whole code with spaces or dashes and shows it
 * normalised (upper case, no spaces). Same parts as `textField`.
 */
export function codeInput(o: CodeInputOptions): TemplateResult {
  const id = o.id ?? 'code';
  return textField({
    id,
    label: o.label,
    value: o.value,
    hint: o.hint,
    error: o.error,
    disabled: o.disabled,
    required: true,
    autocomplete: 'one-time-code',
    inputmode: 'text',
    autocapitalize: 'characters',
    spellcheck: false,
    maxlength: CODE_INPUT_MAXLENGTH,
    normalize: normalizeCode,
    onInput: o.onInput,
    onBlur: o.onBlur,
  });
}
