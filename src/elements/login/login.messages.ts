import { loginFormEn } from './login.form.messages.js';
import { loginStepsEn } from './login.steps.messages.js';

/**
 * English messages of `<pep-login>` (the spec's words where it has them). The element loads its
 * form's part with it, and the part shown after the adapter answered with its later chunk.
 */
export const loginEn = { ...loginFormEn, ...loginStepsEn } as const;
