/**
 * English for the account fields (username, email, verification code, password and its
 * confirmation) and the words around them ("Show password", "resend it", "Step N of 4", "Please
 * wait…", the Help Desk line): part of the catalogue of the elements of the account journeys
 * (Log In, Create/Forgot Password, Forgot Username, Add Delegate, Verify Account, Verify
 * Email), not of every element.
 */
export const accountEn = {
  'common.working': 'Please wait…',
  'common.help-desk': 'For help, call the Internet Help Desk at {phone}.',
  'common.show-password': 'Show password',
  'common.step-of': 'Step {step} of {total}',
  'common.resend-it': 'resend it',
  'field.invalid-email': 'Enter a valid email address, like name@example.com.',
  'field.invalid-code': 'Enter the 8-character code from your message.',
  'field.mismatch': 'The passwords do not match.',
  'field.username.required': 'Enter a username.',
  'field.username.too-short': 'Username must be at least 7 characters.',
  'field.username.too-long': 'Username must be at most 64 characters.',
  'field.username.invalid-characters': 'Username can contain only letters A–Z and digits 0–9.',
  'field.email.required': 'Enter an email address.',
  'field.password.required': 'Enter a password.',
  'field.code.required': 'Enter the code.',
  'mask.email':
    'the email address starting with {local} at a domain starting with {domain} and ending in {tld}',
  'mask.phone': 'the mobile number ending in {digits}',
} as const;
