/** English messages of `<pep-login>` (the spec's words where it has them). */
export const loginEn = {
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
  'login.locked':
    'Your account is locked after 5 incorrect password attempts. It will unlock automatically at {time}. To unlock it sooner, set a new password with Forgot Password below, or call the Internet Help Desk at {phone}.',
  'login.unlocked': 'Your account is unlocked. You can log in again.',
  'login.expired': 'Your login took too long and has expired. Please log in again.',
  'login.done': 'You are logged in.',
} as const;
