/** English messages of `<pep-typing-pattern>` (the spec's words where it has them). */
export const typingPatternEn = {
  'typing.title.enroll': 'Set up your keyboard typing pattern',
  'typing.title.verify': 'Verify your account by keyboard pattern',
  'typing.intro.enroll':
    'Type the highlighted sentence three (3) times as it appears. Your typing rhythm identifies you at your next logins.',
  'typing.intro.verify': 'Type the highlighted sentence three (3) times as it appears.',
  'typing.sample-label': 'Sentence to type:',
  'typing.input-label': 'Type the highlighted sentence',
  'typing.input-hint':
    'The attempt is recorded when your text matches the sentence. Press Enter to end an attempt early.',
  'typing.progress': 'Attempt {current} of {total}',
  'typing.progress-done': '{total} of {total} attempts recorded',
  'typing.recorded': 'Attempt {done} of {total} recorded.',
  'typing.ready': 'All three attempts are recorded.',
  'typing.submit.enroll': 'Continue',
  'typing.submit.verify': 'Submit',
  'typing.start-over': 'Start over',
  'typing.other-method': 'Verify with email or text message instead',
  'typing.note.verify':
    'If you cannot type the sentence, choose to verify by email or text message instead. To reset your typing pattern, call the Internet Help Desk at {phone}.',
  'typing.note.enroll':
    'If you cannot type the sentence, you can verify by email or text message when you next log in. To reset your typing pattern, call the Internet Help Desk at {phone}.',
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
    'Select this if you do not want to verify your account on each login from this browser for 30 days. Do not select it on a shared or public computer.',
  'typing.enrolled': 'Your typing pattern is saved.',
  'typing.verified': 'Your account is verified.',
  'typing.expired': 'This login has expired. Please log in again.',
} as const;
