/**
 * English of what `<pep-typing-pattern>` shows once the attempts are recorded (Remember this
 * device) and once the adapter has answered, loaded with `typing-pattern.steps.ts`.
 */
export const typingPatternStepsEn = {
  'typing.remember': 'Remember this device for 30 days',
  'typing.remember-info': 'About remembering this device',
  'typing.remember-tip':
    'Select this if you do not want to verify your account on each login from this browser. Do not select it on a shared or public computer.',
  'typing.enrolled': 'Your typing pattern is saved.',
  'typing.verified': 'Your account is verified.',
  'typing.expired': 'This login has expired. Please log in again.',
} as const;
