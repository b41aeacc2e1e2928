/**
 * The names of the states a delegate can be assigned to, and the reason for a state that is not
 * one of them: part of `personEn`, and all `<pep-report-issue>` needs of it (its State field).
 */
export const statesEn = {
  'field.invalid-state': 'Choose from the listed states.',
  'state.IL': 'Illinois',
  'state.MT': 'Montana',
  'state.NM': 'New Mexico',
  'state.OK': 'Oklahoma',
  'state.TX': 'Texas',
} as const;
