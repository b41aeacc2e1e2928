/**
 * English messages every element needs: generic UI words, the adapter errors that can occur
 * without a backend answer (and the two an element raises itself), and the generic field
 * reasons. The account fields' messages (`account.en.ts`) come with the elements that ask for a
 * username, email, code or password. The other adapter errors, and the generic words no element shows at present,
 * are in `errors.en.ts`, loaded with an element's first adapter call (see `PepElement.call`).
 * Element-specific text lives in each element's `*.messages.ts`; the password rules
 * (`password.en.ts`), the account fields (`account.en.ts`) and the person fields and state names
 * (`person.en.ts`) only in the
 * elements that show them. `commonEn` (`common.en.ts`) is all of them.
 * English uses the spec's own words.
 */
export const baseEn = {
  // generic UI
  'common.retry': 'Try again',
  'common.error-summary': 'Please correct the highlighted fields.',

  // adapter errors that can occur before any message could be loaded (no connection, a call
  // cancelled); a link without a token is in `link.en.ts`, the others are in `errors.en.ts`
  'error.NETWORK': 'We could not reach the server. Check your connection and try again.',
  'error.TIMEOUT': 'The server took too long to answer. Please try again.',
  'error.UNAVAILABLE': 'The service is temporarily unavailable. Please try again.',
  'error.ABORTED': 'The request was cancelled.',
  // shown for an answer whose own message could not be loaded (see `PepElement.t`)
  'error.GENERIC': 'Something went wrong. Please try again.',

  // field reasons
  'field.required': 'This field is required.',
  'field.too-short': 'Too short.',
  'field.too-long': 'Too long.',
  'field.invalid-characters': 'Contains characters that are not allowed.',
} as const;
