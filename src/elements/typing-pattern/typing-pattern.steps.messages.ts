/**
 * English of what `<pep-typing-pattern>` shows once the adapter has answered, loaded with
 * `typing-pattern.steps.ts`.
 */
export const typingPatternStepsEn = {
  'typing.enrolled': 'Your typing pattern is saved.',
  'typing.verified': 'Your account is verified.',
  'typing.expired': 'This login has expired. Please log in again.',
} as const;
