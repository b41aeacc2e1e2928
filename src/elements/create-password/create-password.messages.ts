/**
 * English of `<pep-create-password>` (the spec's words, slides 6–7). A key with a `.reset` twin
 * is replaced by the twin when `purpose="reset"`.
 */
export const createPasswordEn = {
  'create-password.find-title': 'Find Account',
  'create-password.find-text': 'Enter the username from the email you received.',
  'create-password.find-text.reset': 'Enter your username to reset your password.',
  'create-password.username': 'Username',
  'create-password.find': 'Find Account',
  'create-password.choose-title': 'Get Verification Code',
  'create-password.choose-legend': 'How should we send your code?',
  'create-password.channel.email': 'Send an email to {masked}',
  'create-password.channel.sms': 'Send me a text message to {masked}',
  'create-password.send': 'Send Code',
  'create-password.sending': 'Sending code…',
  'create-password.code-title': 'Enter Verification Code',
  'create-password.code-text':
    'We sent an 8-character code to {masked}. Enter it below; it is valid for 10 minutes.',
  'create-password.code': 'Verification Code',
  'create-password.code-hint': '8 letters and digits, for example 7KQ2MX9P.',
  'create-password.resend-before': 'Did not get the code, or has it expired? You can',
  'create-password.resend-wait': 'You can resend the code in {time}.',
  'create-password.resent': 'We sent a new code to {masked}.',
  'create-password.code-void': 'This code no longer works. Select "resend it" to get a new code.',
  'create-password.continue': 'Continue',
  'create-password.checking': 'Checking code…',
  'create-password.password-title': 'Create New Password',
  'create-password.password-text': "Please read Password Must Have and Can't Have first.",
  'create-password.new-password': 'New Password',
  'create-password.confirm-password': 'Confirm New Password',
  'create-password.confirm-required': 'Enter the new password again.',
  'create-password.submit': 'Create Password',
  'create-password.submit.reset': 'Update Password',
  'create-password.saving': 'Saving password…',
  'create-password.done-title': 'Your password was created',
  'create-password.done-title.reset': 'Your password was updated',
  'create-password.done-text':
    'You can now log in with your username {username} and your new password. We also sent you an "Account Information - Update Password" email.',
  'create-password.login': 'Go to Log In',
  'create-password.back': 'Back',
} as const;
