import { accountEn } from './account.en.js';
import { baseEn } from './base.en.js';
import { errorsEn } from './errors.en.js';
import { passwordEn } from './password.en.js';
import { personEn } from './person.en.js';

/**
 * Every English message shared between elements: generic UI words, adapter error codes, field
 * reasons, password rules, and state names. Each element loads only the parts it shows:
 * `baseEn` (every element, through `PepElement`), `accountEn`, `passwordEn`, `personEn`; `errorsEn` loads
 * with an element's first adapter call.
 */
export const commonEn = {
  ...baseEn,
  ...accountEn,
  ...errorsEn,
  ...passwordEn,
  ...personEn,
} as const;

export type CommonMessageKey = keyof typeof commonEn;
