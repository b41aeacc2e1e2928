import { statesEn } from './states.en.js';

/**
 * English for a delegate's own fields (first and last name, mobile, states) and, from
 * `states.en.ts`, the state names:
 * part of the catalogue of the elements that ask for or show them (Add Delegate, My Delegates,
 * Report an Issue, Portal Home).
 */
export const personEn = {
  ...statesEn,
  'field.invalid-phone': 'Enter a valid US mobile number, like (312) 555-0101.',
  'field.not-allowed': 'You cannot assign this state.',
  'field.firstName.required': 'Enter a first name.',
  'field.firstName.invalid-characters':
    'First name can contain letters, spaces, hyphens and apostrophes.',
  'field.lastName.required': 'Enter a last name.',
  'field.lastName.invalid-characters':
    'Last name can contain letters, spaces, hyphens and apostrophes.',
  'field.mobile.required': 'Enter a mobile number.',
  'field.states.required': 'Choose at least one state.',
} as const;
