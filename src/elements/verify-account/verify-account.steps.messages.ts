/** English of `<pep-verify-account>`'s code step, loaded with it (`verify-account.steps.ts`). */
export const verifyAccountStepsEn = {
  'verify.sent.email': 'We sent a verification code in an email to {masked}.',
  'verify.sent.sms': 'We sent a verification code in a SMS Text to {masked}.',
  'verify.code-label': 'Verification code',
  'verify.code-hint': 'Enter the 8-character One-Time Passcode (OTP). It expires at {time}.',
  'verify.resend-prompt': 'Did not get the code, or it expired? You can',
  'verify.resend-wait': 'A new code can be sent from {time}.',
  'verify.resent': 'A new code was sent. Earlier codes no longer work.',
  'verify.remember': 'Remember this device for 30 days',
  'verify.remember-info': 'About remembering this device',
  'verify.remember-tip':
    'Select this if you do not want to verify your account on each login from this browser for 30 days. Do not select it on a shared or public computer.',
  'verify.submit': 'Submit',
  'verify.other-method': 'Choose another way to verify',
} as const;
