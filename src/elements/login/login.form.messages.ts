/** English messages of `<pep-login>`'s Log In form (the spec's words where it has them). */
export const loginFormEn = {
  'login.title': 'Log In',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log In',
  'login.forgot-username': 'Forgot Username',
  'login.forgot-password': 'Forgot Password',
  'login.forgot-nav': 'Account help',
  'login.notice.password-created':
    'Your password was created. Log in with your username and new password.',
  'login.notice.password-updated':
    'Your password was updated. Log in with your new password. We also sent you an email confirming the change.',
} as const;
