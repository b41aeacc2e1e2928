/**
 * What Create Password and Forgot Password render only after Find Account: the code field, the
 * password fields and checklist with the policy and its English, and the hand-off to the
 * password manager. Their steps chunks import it, so a page shows the first step without it.
 */
import type { AdapterError } from '../adapter/errors.js';
import type { NewPasswordFieldsOptions } from './password-checklist.js';
import type { Translate } from './password-field.js';

export { codeInput } from './code-input.js';
export { newPasswordFields, loadedCommonPasswordCheck } from './password-checklist.js';
export { failedPasswordRules } from '../core/password-policy.js';
export { passwordEn } from '../i18n/password.en.js';
export { offerCredential } from '../base/credentials.js';

type NewPasswordField = 'password' | 'confirm';

/**
 * The message for the backend's refusal of a new password: a password refused as common or
 * breached (`PASSWORD_POLICY` with `not-common`) is said as such, rather than "does not meet
 * every requirement"; any other error has its usual message.
 */
export function passwordRefusalText(
  h: { t: Translate; errorMessage(error: AdapterError): string },
  error: AdapterError,
): string {
  return error.is('PASSWORD_POLICY') && error.data.failed.includes('not-common')
    ? h.t('error.PASSWORD_COMMON')
    : h.errorMessage(error);
}

/** The state of an element the new-password fields are bound to (both password flows keep it). */
export interface NewPasswordFieldsHost {
  values: Record<NewPasswordField, string>;
  showPassword?: boolean;
  showConfirm?: boolean;
  setValue(field: NewPasswordField, value: string): void;
  form: { touch(field: NewPasswordField): void };
  t: Translate;
  requestUpdate(): void;
}

/** `newPasswordFields` options that bind the fields to `h` (values, show password, input, blur). */
export function boundPasswordFields(
  h: NewPasswordFieldsHost,
): Pick<
  NewPasswordFieldsOptions,
  'values' | 'visible' | 'onToggle' | 'onInput' | 'onBlur' | 't' | 'host'
> {
  return {
    host: h,
    values: h.values,
    visible: { password: !!h.showPassword, confirm: !!h.showConfirm },
    onToggle: (f) =>
      f === 'password' ? (h.showPassword = !h.showPassword) : (h.showConfirm = !h.showConfirm),
    onInput: (f, v) => h.setValue(f, v),
    onBlur: (f) => h.form.touch(f),
    t: (k, p) => h.t(k, p),
  };
}
