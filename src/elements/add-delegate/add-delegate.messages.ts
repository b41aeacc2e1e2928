import { addDelegateDoneEn } from './add-delegate.done.messages.js';
import { addDelegateFormEn } from './add-delegate.form.messages.js';

/**
 * English messages of `<pep-add-delegate>` (the spec's words). The element loads its form's
 * part with it and the confirmation's part with that step.
 */
export const addDelegateEn = { ...addDelegateFormEn, ...addDelegateDoneEn } as const;
