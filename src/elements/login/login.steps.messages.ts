/** English messages `<pep-login>` shows only after the adapter answered Log In. */
export const loginStepsEn = {
  'login.locked':
    'Your account is locked after 5 incorrect password attempts. It will unlock automatically at {time}. To unlock it sooner, use Forgot Username or Forgot Password below, or call the Internet Help Desk at {phone}.',
  'login.expired': 'Your login took too long and has expired. Please log in again.',
  'login.done': 'You are logged in.',
} as const;
