/**
 * English of `<pep-typing-pattern>`'s form (typing the sentence, then Submit): what a host loads
 * first (Remember this device comes with `typing-pattern.steps.ts`). The spec's words where it
 * has them.
 */
export const typingPatternFormEn = {
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
  // Until the later chunk brings a voided attempt's own notice (it normally is there already).
  'typing.again': 'Please type attempt {current} again.',
  'typing.ready': 'All three attempts are recorded.',
  'typing.submit.enroll': 'Continue',
  'typing.submit.verify': 'Submit',
  'typing.start-over': 'Start over',
  'typing.other-method': 'Verify with email or text instead',
  'typing.note.verify':
    'If you cannot type the sentence, choose to verify by email or text message instead. To reset your typing pattern, call the Internet Help Desk at {phone}.',
  'typing.note.enroll':
    'If you cannot type the sentence, you can verify by email or text message at your next logins. To reset your typing pattern, call the Internet Help Desk at {phone}.',
} as const;
