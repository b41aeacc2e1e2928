/** English of `<pep-add-delegate>`'s form (the spec's words). */
export const addDelegateFormEn = {
  'add-delegate.title': 'Add Delegate',
  'add-delegate.intro': 'All fields are required.',
  'add-delegate.username': 'Username',
  'add-delegate.username-hint': 'At least 7 letters or digits.',
  'add-delegate.email': 'Email',
  'add-delegate.firstName': 'First Name',
  'add-delegate.lastName': 'Last Name',
  'add-delegate.mobile': 'Mobile Number',
  'add-delegate.mobile-hint': 'A US mobile number, like (312) 555-0101.',
  'add-delegate.states': 'State(s)',
  'add-delegate.states-hint': 'The states this delegate is assigned to.',
  'add-delegate.submit': 'Create Delegate',
  'add-delegate.creating': 'Creating delegate…',
  'add-delegate.cancel': 'Cancel',
} as const;
