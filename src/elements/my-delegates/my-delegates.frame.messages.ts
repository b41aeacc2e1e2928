/** English of `<pep-my-delegates>` around its list (toolbar, loading, dialog, "was added"). */
export const myDelegatesFrameEn = {
  'my-delegates.title': 'My Delegates',
  'my-delegates.add': 'Add Delegate',
  'my-delegates.loading': 'Loading your delegates…',
  'my-delegates.added': '{name} was added. The list is up to date.',
  'my-delegates.dialog-label': 'Add Delegate',
} as const;
