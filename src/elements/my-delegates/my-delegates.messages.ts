/** English messages of `<pep-my-delegates>` (the spec's words). */
export const myDelegatesEn = {
  'my-delegates.title': 'My Delegates',
  'my-delegates.add': 'Add Delegate',
  'my-delegates.loading': 'Loading your delegates…',
  'my-delegates.dialog-label': 'Add Delegate',
  'my-delegates.empty': 'You have not added any delegates yet. Select Add Delegate to add one.',
  'my-delegates.username': 'Username',
  'my-delegates.email': 'Email',
  'my-delegates.mobile': 'Mobile Number',
  'my-delegates.states': 'State(s)',
  'my-delegates.status': 'Status',
  'my-delegates.status.invited': 'Invited (no password yet)',
  'my-delegates.status.active': 'Active',
  'my-delegates.status.locked': 'Locked',
  'my-delegates.resend': 'Resend invitation',
  'my-delegates.resend-to': 'to {name}',
  'my-delegates.resending': 'Sending…',
  'my-delegates.added': '{name} was added. The list is up to date.',
  'my-delegates.resent': 'We sent a new invitation to {email}. Earlier links no longer work.',
  // Not shown by the element (no count line); kept: hosts and translations may reference them.
  'my-delegates.count': '{count} delegates',
  'my-delegates.count-one': '1 delegate',
} as const;
