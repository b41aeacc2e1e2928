/**
 * English of `<pep-forgot-password>`'s steps after Find Account (slides 17–19), loaded with
 * them (`forgot-password.steps.ts`).
 */
export const forgotPasswordStepsEn = {
  'forgot-password.choose-title': 'Get Verification Code',
  'forgot-password.choose-text':
    'If an active account is found, we send a One-Time Passcode (OTP) to the method you choose.',
  'forgot-password.choose-legend': 'How should we send your code?',
  'forgot-password.channel.email': 'Send an email',
  'forgot-password.channel.sms': 'Send me a text message',
  'forgot-password.channel-to': 'to {masked}',
  'forgot-password.send': 'Send Code',
  'forgot-password.sending': 'Sending code…',
  'forgot-password.code-title': 'Enter Verification Code',
  'forgot-password.code-text.email':
    'If an active account is found, we sent an email with a One-Time Passcode to {masked}. It is valid until {time}.',
  'forgot-password.code-text.sms':
    'If an active account is found, we sent a text message with a One-Time Passcode to {masked}. It is valid until {time}.',
  'forgot-password.code': 'Verification Code',
  'forgot-password.code-hint': '8 letters and digits, for example 7KQ2MX9P.',
  'forgot-password.continue': 'Continue',
  'forgot-password.checking': 'Checking code…',
  'forgot-password.resend-before': 'Did not get it? We can',
  'forgot-password.resend-after.email': 'by email.',
  'forgot-password.resend-after.sms': 'by text message.',
  'forgot-password.resend-wait': 'You can resend the code in {time}.',
  'forgot-password.resent': 'We sent a new code to {masked}.',
  'forgot-password.code-void': 'This code no longer works. Select "resend it" to get a new code.',
  'forgot-password.other-method': 'Choose another method',
  'forgot-password.password-title': 'Create New Password',
  'forgot-password.password-text':
    'Please read Password Must Have and Can’t Have before selecting your new password. It must not be any of your 10 previously used passwords.',
  'forgot-password.new-password': 'New Password',
  'forgot-password.confirm-password': 'Confirm New Password',
  'forgot-password.confirm-required': 'Enter the new password again.',
  'forgot-password.submit': 'Update Password',
  'forgot-password.saving': 'Updating password…',
  'forgot-password.done-title': 'Your password was updated',
  'forgot-password.done-text':
    'You can now log in with your new password. We sent you an "Account Information - Update Password" email.',
  'forgot-password.login': 'Go to Login',
  'forgot-password.back': 'Back',
  'forgot-password.reused-field': 'Choose a password you have not used before.',
  'field.password.policy': 'The password does not meet every requirement listed below.',
} as const;
