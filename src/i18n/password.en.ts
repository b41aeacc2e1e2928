/**
 * English for the password policy checklist ("Password Must Have / Can't Have"): part of the
 * catalogue of the elements that show `passwordChecklist` (Create Password, Forgot Password).
 */
export const passwordEn = {
  'password.must-have': 'Password Must Have',
  'password.cant-have': "Password Can't Have",
  'password.rule.length': '8 to 64 characters',
  'password.rule.uppercase': 'An upper-case letter (A–Z)',
  'password.rule.lowercase': 'A lower-case letter (a–z)',
  'password.rule.digit': 'A number (0–9)',
  'password.rule.special': 'A special character (such as ! @ # $ %)',
  'password.rule.no-username': 'Your username',
  'password.rule.no-name': 'Your first or last name',
  'password.rule.no-triple': 'The same character three times in a row',
  'password.rule.no-edge-space': 'Spaces at the start or end',
  'password.rule.not-common': 'A common or breached password',
  'password.rule.history': 'Any of your 10 previously used passwords',
  'password.rule-met': 'met',
  'password.rule-not-met': 'not met',
  'password.rule-pending': 'being checked',
  'password.rule-unchecked': 'not checked yet',
  // Also in `errors.en.ts`: Create Password shows it as a field error before any call failed.
  'error.PASSWORD_POLICY': 'The password does not meet every requirement listed below.',
  // Also in `errors.en.ts`: the backend's refusal of a common or breached password.
  'error.PASSWORD_COMMON': 'This password is too common. Choose one that is harder to guess.',
} as const;
