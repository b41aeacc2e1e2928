/**
 * The reason codes a field check returns (`null` means valid). Its own module so that each check
 * module (and `adapter/errors.ts`) can name it without importing the others; `validation.ts`
 * re-exports it.
 */
export type FieldReason =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'invalid-characters'
  | 'invalid-email'
  | 'invalid-phone'
  | 'invalid-state'
  | 'not-allowed'
  | 'invalid-code'
  | 'invalid-file-type'
  | 'file-too-large'
  | 'invalid-date'
  | 'mismatch';
