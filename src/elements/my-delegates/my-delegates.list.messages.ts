/**
 * English of the list of `<pep-my-delegates>` and of the notices after an addition or a resend,
 * loaded with it (`my-delegates.steps.ts`).
 */
export const myDelegatesListEn = {
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
} as const;
