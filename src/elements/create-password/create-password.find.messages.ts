/**
 * English of `<pep-create-password>`'s first step (Find Account). A key with a `.reset` twin is
 * replaced by the twin when `purpose="reset"` (Forgot Password).
 */
export const createPasswordFindEn = {
  'create-password.find-title': 'Find Account',
  'create-password.find-text': 'Enter the username from the email you received.',
  'create-password.find-text.reset': 'Enter your username to reset your password.',
  'create-password.username': 'Username',
  'create-password.find': 'Find Account',
} as const;
