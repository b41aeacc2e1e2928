import { createPasswordFindEn } from './create-password.find.messages.js';
import { createPasswordStepsEn } from './create-password.steps.messages.js';

/**
 * English messages of `<pep-create-password>` (the spec's words). A key with a `.reset` twin is
 * replaced by the twin when `purpose="reset"` (Forgot Password). The element loads its first
 * step's part with it and the later steps' part with those steps.
 */
export const createPasswordEn = { ...createPasswordFindEn, ...createPasswordStepsEn } as const;
