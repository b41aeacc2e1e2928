/** English of `<pep-forgot-password>`'s first step (Find Account) and frame: the spec's words. */
export const forgotPasswordFindEn = {
  'forgot-password.find-title': 'Forgot Password',
  'forgot-password.find-text': 'Enter your username to find your account.',
  'forgot-password.username': 'Username',
  'forgot-password.find': 'Find Account',
  'forgot-password.finding': 'Finding account…',
  'forgot-password.unlock-note':
    'If your account is locked, resetting your password also unlocks it.',
  'forgot-password.forgot-username': 'Forgot Username?',
  'forgot-password.back-to-login': 'Back to Login',
} as const;
