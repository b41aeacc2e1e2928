import { forgotPasswordFindEn } from './forgot-password.find.messages.js';
import { forgotPasswordStepsEn } from './forgot-password.steps.messages.js';

/**
 * English for `<pep-forgot-password>`: the spec's words (slides 16–19). The element loads its
 * first step's part with it and the later steps' part with those steps.
 */
export const forgotPasswordEn = { ...forgotPasswordFindEn, ...forgotPasswordStepsEn } as const;

export type ForgotPasswordMessageKey = keyof typeof forgotPasswordEn;
