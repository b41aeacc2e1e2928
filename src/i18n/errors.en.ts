/**
 * English messages of the adapter error codes a backend answers with (every code but the ones
 * in `base.en.ts`, which can occur without an answer), and the generic words no element shows
 * at present. Not part of what a page loads first: an element starts loading this module with
 * its first adapter call and, when a failed call's message is here, waits for it before it
 * reports the failure, so the message is there when the error is shown.
 */
import { linkEn } from './link.en.js';

// How a wait is said in a message (`{wait}` of RATE_LIMITED): loaded with these messages.
export { formatDuration } from './duration.js';

export const errorsEn = {
  ...linkEn,
  'error.FLOW_EXPIRED': 'This step has expired. Please start again.',
  'error.USERNAME_TAKEN':
    'This username is already in use. If this delegate is already registered as a Producer, they need a different username as a Delegate.',
  'error.VALIDATION': 'Some fields need attention.',
  'error.INVALID_CREDENTIALS': 'The username or password you entered is incorrect.',
  'error.ACCOUNT_DEACTIVATED':
    'This account has been deactivated. Contact your producer to have it reactivated.',
  'error.ACCOUNT_LOCKED':
    'Your account is locked after too many incorrect attempts. It will unlock automatically at {time}. You can also set a new password with Forgot Password to unlock it now.',
  'error.CODE_INVALID': 'That code is incorrect. You have {attemptsLeft} attempts left.',
  'error.CODE_INVALID_LAST': 'That code is incorrect. You have 1 attempt left.',
  'error.CODE_EXPIRED': 'This code has expired or was replaced. Request a new code.',
  'error.CODE_ATTEMPTS_EXCEEDED':
    'Too many incorrect codes. This code no longer works: request a new code.',
  'error.LINK_EXPIRED':
    'This link has expired. Links are valid for 7 days or until used once. Ask the producer who added you to resend the invitation.',
  'error.LINK_USED':
    'This link has already been used, so your email address is confirmed. If you have not created your password yet, select Create a Password and enter your username.',
  'error.PASSWORD_POLICY': 'The password does not meet every requirement listed below.',
  'error.PASSWORD_COMMON': 'This password is too common. Choose one that is harder to guess.',
  'error.PASSWORD_REUSED':
    'You used this password before. Choose a password that is not one of your last {historySize} passwords.',
  'error.RATE_LIMITED': 'Too many attempts. Please try again in {wait}.',
  'error.BUSY': 'The service is busy right now. Please try again in a few seconds.',
  'error.PATTERN_MISMATCH':
    'The typing pattern did not match. You have {attemptsLeft} attempts left, or choose email or text message instead.',
  'error.PATTERN_UNAVAILABLE':
    'The keyboard typing pattern is not available right now. Verify with an email or text message code.',
  'error.PATTERN_INVALID_SAMPLES': 'Please type the highlighted sentence exactly as shown.',
  'error.NOT_AUTHENTICATED': 'Your session has ended. Please log in again.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.NOT_FOUND': 'We could not find that record. Refresh and try again.',
  'error.PASSKEY_REJECTED':
    'This passkey could not be verified. Please try again or log in with your password.',
  'error.PASSKEY_REJECTED_EXPIRED': 'That took too long. Please try your passkey again.',
  'error.PASSKEY_UNKNOWN':
    'This passkey is not registered for any account. It may have been deleted. Log in with your password.',

  // Generic words no element shows at present (kept so that `commonEn` stays the same set).
  'common.required-mark': '(required)',
  'common.hide-password': 'Hide password',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.continue': 'Continue',
} as const;
