/**
 * English of `<pep-portal-home>` while there is no signed-in page: loading, signed out. (After
 * Logout, which only the signed-in page offers, its English is there.)
 */
export const portalHomeStatusEn = {
  'portal-home.loading': 'Loading your session…',
  'portal-home.signed-out-title': 'You are signed out',
  'portal-home.signed-out': 'Your session has ended. Please log in again.',
  'portal-home.login-link': 'Go to Login',
} as const;
