/** English of `<pep-verify-account>`'s method step and its ends (done, expired). */
export const verifyAccountChooseEn = {
  'verify.title': 'Verify your account',
  'verify.intro': 'Choose how you want to verify your account.',
  'verify.legend': 'Three ways to verify your account',
  'verify.option.email': 'Send verification code in an email to {masked}',
  'verify.option.sms': 'Send verification code in a SMS Text to {masked}',
  'verify.option.pattern': 'Prompt me for personalized keyboard typing pattern',
  'verify.reason.not-set-up': 'Available from your next login, once your typing pattern is set up.',
  'verify.reason.pattern-locked':
    'Turned off after 3 unsuccessful attempts until you verify with a code. The Internet Help Desk at {phone} can reset your typing pattern.',
  'verify.reason.unavailable': 'Not available right now.',
  'verify.send-code': 'Send Code',
  'verify.next': 'Next',
  'verify.expired': 'This login has expired. Please log in again.',
  'verify.done': 'Your account is verified.',
} as const;
