/**
 * English messages every element needs: generic UI words, every adapter error code, and the
 * field reasons of the common fields. Element-specific text lives in each element's
 * `*.messages.ts`; the password rules (`password.en.ts`) and the person fields and state names
 * (`person.en.ts`) only in the elements that show them. `commonEn` (`common.en.ts`) is all three.
 * English uses the spec's own words.
 */
export const baseEn = {
  // generic UI
  'common.retry': 'Try again',
  'common.working': 'Please wait…',
  'common.required-mark': '(required)',
  'common.help-desk': 'For help, call the Internet Help Desk at {phone}.',
  'common.show-password': 'Show password',
  'common.hide-password': 'Hide password',
  'common.step-of': 'Step {step} of {total}',
  'common.resend-it': 'resend it',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.continue': 'Continue',
  'common.error-summary': 'Please correct the highlighted fields.',

  // adapter errors
  'error.USERNAME_TAKEN':
    'This username is already in use. If this delegate is already registered as a Producer, they need a different username as a Delegate.',
  'error.VALIDATION': 'Some fields need attention.',
  'error.INVALID_CREDENTIALS': 'The username or password you entered is incorrect.',
  'error.ACCOUNT_LOCKED':
    'Your account is locked after too many incorrect attempts. It will unlock automatically at {time}. You can also use Forgot Username or Forgot Password to unlock it now.',
  'error.CODE_INVALID': 'That code is incorrect. You have {attemptsLeft} attempts left.',
  'error.CODE_INVALID_LAST': 'That code is incorrect. You have 1 attempt left.',
  'error.CODE_EXPIRED': 'This code has expired or was replaced. Request a new code.',
  'error.CODE_ATTEMPTS_EXCEEDED':
    'Too many incorrect codes. This code no longer works: request a new code.',
  'error.LINK_EXPIRED':
    'This link has expired. Links are valid for 7 days or until used once. Ask the producer who added you to resend the invitation.',
  'error.LINK_USED':
    'This link has already been used. If you have not created your password yet, ask the producer who added you to resend the invitation.',
  'error.LINK_INVALID':
    'This link is not valid. Check that you opened the whole link from the email, or ask the producer who added you to resend the invitation.',
  'error.PASSWORD_POLICY': 'The password does not meet every requirement listed below.',
  'error.PASSWORD_REUSED':
    'You used this password before. Choose a password that is not one of your last {historySize} passwords.',
  'error.RATE_LIMITED': 'Too many requests. You can try again at {time}.',
  'error.PATTERN_MISMATCH':
    'The typing pattern did not match. You have {attemptsLeft} attempts left, or choose email or text message instead.',
  'error.PATTERN_UNAVAILABLE':
    'The keyboard typing pattern is not available right now. Verify with an email or text message code.',
  'error.PATTERN_INVALID_SAMPLES': 'Please type the highlighted sentence exactly as shown.',
  'error.FLOW_EXPIRED': 'This step has expired. Please start again.',
  'error.NOT_AUTHENTICATED': 'Your session has ended. Please log in again.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.NOT_FOUND': 'We could not find that record. Refresh and try again.',
  'error.NETWORK': 'We could not reach the server. Check your connection and try again.',
  'error.TIMEOUT': 'The server took too long to answer. Please try again.',
  'error.UNAVAILABLE': 'The service is temporarily unavailable. Please try again.',
  'error.ABORTED': 'The request was cancelled.',

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
