import { verifyEmailConfirmEn } from './verify-email.confirm.messages.js';
import { verifyEmailResultEn } from './verify-email.steps.messages.js';

/**
 * English messages of `<pep-verify-email>` (the spec's words where it has them). The element
 * loads the confirming page's part with it, and the result pages' part with its result chunk.
 */
export const verifyEmailEn = { ...verifyEmailConfirmEn, ...verifyEmailResultEn } as const;
