/** English of `<pep-forgot-username>`'s email step and what both steps show (slide 14). */
export const forgotUsernameEmailEn = {
  'forgot-username.title': 'Forgot Username',
  'forgot-username.intro': 'Enter the full email address associated with your account.',
  'forgot-username.email': 'Email Address',
  'forgot-username.submit': 'Send Email',
  'forgot-username.producer-note':
    'You can also contact the producer who added you to get your username.',
  'forgot-username.help': 'For additional assistance, call the Internet Help Desk at {phone}.',
  'forgot-username.back-to-login': 'Back to Login',
} as const;
