/** English of `<pep-add-delegate>`'s confirmation, loaded with it (`add-delegate.steps.ts`). */
export const addDelegateDoneEn = {
  'add-delegate.done-title': 'Delegate was added',
  'add-delegate.done-text':
    '{name} ({username}) was added. We sent an email to {email} with a link to confirm the address. The link is valid for 7 days or until it is used once, so let them know to expect it.',
  'add-delegate.finish': 'Finish',
} as const;
