/** English messages of `<pep-add-delegate>` (the spec's words). */
export const addDelegateEn = {
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
  'add-delegate.language': 'Preferred Language',
  'add-delegate.language-hint': 'The language of the emails and text messages we send them.',
  'field.language.not-allowed': 'Choose English or Spanish.',
  'add-delegate.submit': 'Create Delegate',
  'add-delegate.creating': 'Creating delegate…',
  'add-delegate.cancel': 'Cancel',
  'add-delegate.username-taken':
    'This username is already in use. If this delegate is already registered as a Producer, they need a different username as a Delegate.',
  'add-delegate.done-title': 'Delegate was added',
  'add-delegate.done-text':
    '{name} ({username}) was added. We sent an email to {email} with a link to confirm the address. The link is valid for 7 days or until it is used once, so let them know to expect it.',
  'add-delegate.finish': 'Finish',
} as const;
