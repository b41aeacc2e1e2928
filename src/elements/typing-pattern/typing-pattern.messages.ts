import { typingPatternFormEn } from './typing-pattern.form.messages.js';
import { typingPatternStepsEn } from './typing-pattern.steps.messages.js';

/**
 * English messages of `<pep-typing-pattern>` (the spec's words where it has them). The element
 * loads the form's part up front and the rest with `typing-pattern.steps.ts`.
 */
export const typingPatternEn = { ...typingPatternFormEn, ...typingPatternStepsEn } as const;
