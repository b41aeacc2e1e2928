/**
 * English of `<pep-login>`'s passkey sign-in (Sign in with a passkey, passkey autofill): it comes
 * with that lazily loaded module (`login.passkeys.ts`, passkeys on), not with the Log In form.
 * Spanish: `src/locales/es.ts`, `login.passkey.*`.
 */
export const loginPasskeyEn = {
  'login.passkey.or': 'or',
  'login.passkey.button': 'Log in with a passkey',
  'login.passkey.waiting': 'Follow the instructions of your browser or device…',
  'login.passkey.cancelled':
    'Passkey login was cancelled or timed out, or this device has no passkey for this site. Try again, or log in with your username and password.',
  'login.passkey.unsupported':
    'You cannot log in with a passkey in this browser or on this device. Log in with your username and password.',
  'login.passkey.security':
    'Passkeys cannot be used on this website address. Log in with your username and password.',
  'login.passkey.failed': 'Something went wrong with the passkey login. Please try again.',
} as const;
