/**
 * English of what `<pep-add-delegate>` shows once the backend answered (the confirmation, a
 * username already in use), loaded with `add-delegate.steps.ts`, which Create Delegate waits for.
 */
export const addDelegateDoneEn = {
  'add-delegate.username-taken':
    'This username is already in use. If this delegate is already registered as a Producer, they need a different username as a Delegate.',
  'add-delegate.done-title': 'Delegate was added',
  'add-delegate.done-text':
    '{name} ({username}) was added. We sent an email to {email} with a link to confirm the address. The link is valid for 7 days or until it is used once, so let them know to expect it.',
  'add-delegate.finish': 'Finish',
} as const;
