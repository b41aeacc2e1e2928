/**
 * The message of a verification link that is not valid (`LINK_INVALID`), which
 * `<pep-verify-email>` shows without asking the backend (a link without a token): part of that
 * element's catalogue and of `errorsEn`, not of what every element loads first.
 */
export const linkEn = {
  'error.LINK_INVALID':
    'This link is not valid. Check that you opened the whole link from the email, or ask the producer who added you to resend the invitation.',
} as const;
