import { verifyAccountChooseEn } from './verify-account.choose.messages.js';
import { verifyAccountStepsEn } from './verify-account.steps.messages.js';

/**
 * English messages of `<pep-verify-account>` (the spec's words where it has them). The element
 * loads its method step's part with it and the code step's part with that step.
 */
export const verifyAccountEn = { ...verifyAccountChooseEn, ...verifyAccountStepsEn } as const;
