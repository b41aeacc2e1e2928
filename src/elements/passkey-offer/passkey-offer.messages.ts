/** English messages of `<pep-passkey-offer>`. */
export const passkeyOfferEn = {
  'passkey-offer.title': 'Create a passkey to log in faster',
  'passkey-offer.text':
    'Next time, log in with your fingerprint, face or screen lock instead of your password and a code. You can manage your passkeys on My Information.',
  'passkey-offer.create': 'Create a passkey',
  'passkey-offer.not-now': 'Not now',
  'passkey-offer.continue': 'Continue',
  'passkey-offer.created-title': 'Your passkey is ready',
  'passkey-offer.created-text':
    'Next time, choose Log in with a passkey on the Log In page. Your password still works too.',
} as const;

/** English words of creating a passkey, shared by `<pep-passkey-offer>` and `<pep-passkeys>`. */
export const passkeyEn = {
  'passkey.waiting': 'Follow the instructions of your browser or device…',
  'passkey.default-name': 'Passkey on {device}',
  'passkey.this-device': 'this device',
  'passkey.problem.cancelled':
    'The passkey was not created: the request was cancelled or timed out. You can try again.',
  'passkey.problem.already-registered':
    'This device already has a passkey for your account. You can log in with it.',
  'passkey.problem.unsupported':
    'This browser or device cannot create a passkey. You can keep logging in with your password.',
  'passkey.problem.security':
    'Passkeys cannot be used on this website address. You can keep logging in with your password.',
  'passkey.problem.failed': 'Something went wrong while creating the passkey. Please try again.',
  'passkey.problem.expired': 'The passkey request expired. Please try again.',
  'passkey.problem.invalid': 'Your passkey could not be verified. Please try again.',
} as const;
