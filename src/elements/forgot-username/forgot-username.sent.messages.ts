/** English of `<pep-forgot-username>`'s "sent" step (slide 15), loaded with it. */
export const forgotUsernameSentEn = {
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
