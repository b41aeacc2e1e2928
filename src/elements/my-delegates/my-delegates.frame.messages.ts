/** English of `<pep-my-delegates>` around its list (toolbar, loading, dialog). */
export const myDelegatesFrameEn = {
  'my-delegates.title': 'My Delegates',
  'my-delegates.add': 'Add Delegate',
  'my-delegates.loading': 'Loading your delegates…',
  'my-delegates.dialog-label': 'Add Delegate',
} as const;
