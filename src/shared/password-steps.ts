/**
 * What Create Password and Forgot Password render only after Find Account: the code field, the
 * password fields and checklist with the policy and its English, the hand-off to the password
 * manager, and the way their later steps bring their styles. Their steps chunks import it, so a
 * page shows the first step without it.
 */
import {
  adoptStyles,
  supportsAdoptingStyleSheets,
  type CSSResultOrNative,
  type ReactiveElement,
} from 'lit';
import type { NewPasswordFieldsOptions } from './password-checklist.js';
import type { Translate } from './password-field.js';

export { codeInput } from './code-input.js';
export { passwordField } from './password-field.js';
export { newPasswordFields, passwordChecklist } from './password-checklist.js';
export { failedPasswordRules } from '../core/password-policy.js';
export { passwordEn } from '../i18n/password.en.js';
export { offerCredential } from '../base/credentials.js';

/** Shadow roots that have their later steps' styles (added once). */
const styled = new WeakSet<Node>();

/**
 * Add the later steps' `styles` to `el`'s shadow root, after the element's own (once, before
 * the first later step renders: call it from that step's render).
 */
export function addStepStyles(el: ReactiveElement, styles: CSSResultOrNative): void {
  const root = el.renderRoot as ShadowRoot;
  if (styled.has(root)) return;
  styled.add(root);
  // `adoptStyles` replaces adopted sheets (so: the element's, then the steps') but appends
  // `<style>` elements where sheets cannot be adopted (there: the steps' only).
  adoptStyles(
    root,
    supportsAdoptingStyleSheets
      ? [...(el.constructor as typeof ReactiveElement).elementStyles, styles]
      : [styles],
  );
}

type NewPasswordField = 'password' | 'confirm';

/** The state of an element the new-password fields are bound to (both password flows keep it). */
export interface NewPasswordFieldsHost {
  values: Record<NewPasswordField, string>;
  showPassword?: boolean;
  showConfirm?: boolean;
  setValue(field: NewPasswordField, value: string): void;
  form: { touch(field: NewPasswordField): void };
  t: Translate;
}

/** `newPasswordFields` options that bind the fields to `h` (values, show password, input, blur). */
export function boundPasswordFields(
  h: NewPasswordFieldsHost,
): Pick<NewPasswordFieldsOptions, 'values' | 'visible' | 'onToggle' | 'onInput' | 'onBlur' | 't'> {
  return {
    values: h.values,
    visible: { password: !!h.showPassword, confirm: !!h.showConfirm },
    onToggle: (f) =>
      f === 'password' ? (h.showPassword = !h.showPassword) : (h.showConfirm = !h.showConfirm),
    onInput: (f, v) => h.setValue(f, v),
    onBlur: (f) => h.form.touch(f),
    t: (k, p) => h.t(k, p),
  };
}
