/**
 * English messages every element needs: generic UI words, the adapter errors that can occur
 * without a backend answer (and the two an element raises itself), and the field reasons of the
 * common fields. The other adapter errors, and the generic words no element shows at present,
 * are in `errors.en.ts`, loaded with an element's first adapter call (see `PepElement.call`).
 * Element-specific text lives in each element's `*.messages.ts`; the password rules
 * (`password.en.ts`) and the person fields and state names (`person.en.ts`) only in the
 * elements that show them. `commonEn` (`common.en.ts`) is all of them.
 * English uses the spec's own words.
 */
export const baseEn = {
  // generic UI
  'common.retry': 'Try again',
  'common.working': 'Please wait…',
  'common.help-desk': 'For help, call the Internet Help Desk at {phone}.',
  'common.show-password': 'Show password',
  'common.step-of': 'Step {step} of {total}',
  'common.resend-it': 'resend it',
  'common.error-summary': 'Please correct the highlighted fields.',

  // adapter errors that can occur before any message could be loaded (no connection, a call
  // cancelled, a link without a token, a nested flow expired); the others are in `errors.en.ts`
  'error.LINK_INVALID':
    'This link is not valid. Check that you opened the whole link from the email, or ask the producer who added you to resend the invitation.',
  'error.FLOW_EXPIRED': 'This step has expired. Please start again.',
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
  'field.invalid-email': 'Enter a valid email address, like name@example.com.',
  'field.invalid-code': 'Enter the 8-character code from your message.',
  'field.invalid-file-type': 'Choose an image file (PNG, JPEG, GIF or WebP).',
  'field.file-too-large': 'The file is too large.',
  'field.invalid-date': 'Enter a valid date and time.',
  'field.mismatch': 'The passwords do not match.',
  'field.username.required': 'Enter a username.',
  'field.username.too-short': 'Username must be at least 7 characters.',
  'field.username.too-long': 'Username must be at most 64 characters.',
  'field.username.invalid-characters': 'Username can contain only letters A–Z and digits 0–9.',
  'field.email.required': 'Enter an email address.',
  'field.password.required': 'Enter a password.',
  'field.code.required': 'Enter the code.',
} as const;
