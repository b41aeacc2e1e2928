/** English messages of `<pep-verify-email>` (the spec's words where it has them). */
export const verifyEmailEn = {
  'verify-email.verifying': 'Confirming your email address…',
  'verify-email.invalid-title': 'This link is not valid',
  'verify-email.retry-title': 'We could not confirm your email address',
  'verify-email.other-title': 'We could not confirm your email address',
  'verify-email.done-title': 'Email Verification Complete!',
  'verify-email.done-text':
    'Thank you for confirming your email address. Your username is {username}. Next, create a password for your account.',
  'verify-email.create-password': 'Create a Password',
  'verify-email.expired-title': 'This link has expired',
  'verify-email.used-title': 'This link was already used',
  'verify-email.used-hint':
    'If you already created your password, you can log in. If you forgot it, use Forgot Password on the Log In page.',
  'verify-email.login': 'Go to Log In',
  'verify-email.forgot-password': 'Forgot Password',
} as const;
