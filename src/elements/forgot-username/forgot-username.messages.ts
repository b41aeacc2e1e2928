/** English for `<pep-forgot-username>`: the spec's words (slides 14–15). */
export const forgotUsernameEn = {
  'forgot-username.title': 'Forgot Username',
  'forgot-username.intro': 'Enter the full email address associated with your account.',
  'forgot-username.email': 'Email',
  'forgot-username.submit': 'Send Email',
  'forgot-username.producer-note':
    'You can also contact the producer who added you to get your username.',
  'forgot-username.help': 'For additional assistance, call the Internet Help Desk at {phone}.',
  'forgot-username.back-to-login': 'Back to Log In',
  'forgot-username.sent-title': 'Check Your Email',
  'forgot-username.sent':
    'If an account exists for {email}, we sent an email to that address with your username.',
  'forgot-username.not-received': 'If you do not receive an email, select Resend Email.',
  'forgot-username.resend': 'Resend Email',
  'forgot-username.resend-wait': 'You can resend the email in {time}.',
  'forgot-username.resend-ready': 'You can resend the email now.',
  'forgot-username.resent': 'We sent the email again.',
  'forgot-username.change-email': 'Use a different email address',
} as const;
