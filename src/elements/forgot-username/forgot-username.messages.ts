import { forgotUsernameEmailEn } from './forgot-username.email.messages.js';
import { forgotUsernameSentEn } from './forgot-username.sent.messages.js';

/**
 * English for `<pep-forgot-username>`: the spec's words (slides 14–15). The element loads the
 * email step's part first, and the "sent" step's part with that step's chunk.
 */
export const forgotUsernameEn = { ...forgotUsernameEmailEn, ...forgotUsernameSentEn } as const;

export type ForgotUsernameMessageKey = keyof typeof forgotUsernameEn;
