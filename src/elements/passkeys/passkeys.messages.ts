/** English messages of `<pep-passkeys>` (My Information). */
export const passkeysEn = {
  'passkeys.title': 'Passkeys',
  'passkeys.intro':
    'Log in with your fingerprint, face or screen lock instead of your password and a code.',
  'passkeys.loading': 'Loading your passkeys…',
  'passkeys.empty': 'You have no passkeys yet. Select Add a passkey to create one on this device.',
  'passkeys.add': 'Add a passkey',
  'passkeys.created': 'Created',
  'passkeys.last-used': 'Last used',
  'passkeys.never-used': 'Never used',
  'passkeys.rename': 'Rename',
  'passkeys.delete': 'Delete',
  'passkeys.action-for': 'passkey {name}',
  'passkeys.name-label': 'Passkey name',
  'passkeys.name-hint': '1 to 64 characters.',
  'passkeys.name.required': 'Enter a name for the passkey.',
  'passkeys.name.too-long': 'Use 64 characters or fewer.',
  'passkeys.save': 'Save',
  'passkeys.saving': 'Saving…',
  'passkeys.cancel': 'Cancel',
  'passkeys.confirm-delete':
    'Delete the passkey "{name}"? You will no longer be able to log in with it.',
  'passkeys.confirm': 'Delete passkey',
  'passkeys.deleting': 'Deleting…',
  'passkeys.added': 'Passkey "{name}" was added.',
  'passkeys.renamed': 'The passkey is now called "{name}".',
  'passkeys.deleted': 'Passkey "{name}" was deleted.',
} as const;
