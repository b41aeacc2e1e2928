/**
 * What Create Password and Forgot Password render only after Find Account: the code field, the
 * password fields and checklist with the policy and its English, and the hand-off to the
 * password manager. Both elements load it as a chunk of its own with their first adapter call
 * (`lazyModule(() => import('../../shared/password-steps.js'))`), so a page shows the first
 * step without it.
 */
export { codeInput } from './code-input.js';
export { passwordField } from './password-field.js';
export { newPasswordFields, passwordChecklist } from './password-checklist.js';
export { failedPasswordRules } from '../core/password-policy.js';
export { passwordEn } from '../i18n/password.en.js';
export { offerCredential } from '../base/credentials.js';
