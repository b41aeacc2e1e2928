/**
 * English messages of `<pep-verify-email>` shown without the result chunk: the confirming page
 * and the pages of a link that is not valid (no token) or could not be confirmed (network).
 */
export const verifyEmailConfirmEn = {
  'verify-email.verifying': 'Confirming your email address…',
  'verify-email.invalid-title': 'This link is not valid',
  'verify-email.retry-title': 'We could not confirm your email address',
  'verify-email.other-title': 'We could not confirm your email address',
} as const;
