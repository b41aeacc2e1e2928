/**
 * English of what `<pep-typing-pattern>` shows once an attempt was typed (why it was not
 * recorded), once the attempts are recorded (Remember this device) and once the adapter has
 * answered, loaded with `typing-pattern.steps.ts`.
 */
export const typingPatternStepsEn = {
  // why an attempt was not recorded
  'typing.mismatch':
    'That does not match the highlighted sentence. Please type attempt {current} again exactly as it appears.',
  'typing.backspace':
    'No problem: corrections change the typing rhythm, so that attempt was cleared. Please type attempt {current} again from the start.',
  'typing.paste': 'Pasting is turned off here. Please type the sentence yourself.',
  'typing.ime':
    'Your keyboard is composing characters (an input method editor), so your typing rhythm cannot be measured. Type attempt {current} again with direct keyboard input, or verify with an email or text message code instead.',
  'typing.ime-enroll':
    'Your keyboard is composing characters (an input method editor), so your typing rhythm cannot be measured. Switch to direct keyboard input and type attempt {current} again.',
  'typing.remember': 'Remember this device for 30 days',
  'typing.remember-info': 'About remembering this device',
  'typing.remember-tip':
    'Select this if you do not want to verify your account on each login from this browser. Do not select it on a shared or public computer.',
  'typing.enrolled': 'Your typing pattern is saved.',
  'typing.verified': 'Your account is verified.',
  'typing.expired': 'This login has expired. Please log in again.',
} as const;
