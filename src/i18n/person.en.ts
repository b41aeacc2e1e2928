/**
 * English for a delegate's own fields (first and last name, mobile, states) and the state names:
 * part of the catalogue of the elements that ask for or show them (Add Delegate, My Delegates,
 * Report an Issue, Portal Home).
 */
export const personEn = {
  'field.invalid-phone': 'Enter a valid US mobile number, like (312) 555-0101.',
  'field.invalid-state': 'Choose from the listed states.',
  'field.not-allowed': 'You cannot assign this state.',
  'field.firstName.required': 'Enter a first name.',
  'field.firstName.invalid-characters':
    'First name can contain letters, spaces, hyphens and apostrophes.',
  'field.lastName.required': 'Enter a last name.',
  'field.lastName.invalid-characters':
    'Last name can contain letters, spaces, hyphens and apostrophes.',
  'field.mobile.required': 'Enter a mobile number.',
  'field.states.required': 'Choose at least one state.',
  'state.IL': 'Illinois',
  'state.MT': 'Montana',
  'state.NM': 'New Mexico',
  'state.OK': 'Oklahoma',
  'state.TX': 'Texas',
} as const;
