/**
 * Hand a username and password the user just used (login) or set (create / reset password) to
 * the browser's password manager through the Credential Management API.
 *
 * Why: inputs inside a shadow root are invisible to some password managers, which then neither
 * offer to save nor to update the password (WCAG 2.2 "Accessible Authentication" relies on
 * them). `navigator.credentials.store(new PasswordCredential(…))` asks the browser to save it
 * regardless of where the fields live. Chromium-based browsers implement it; elsewhere this is
 * a no-op (the fields keep their `autocomplete` tokens for managers that do see them).
 *
 * Never throws and never blocks the flow: the promise resolves `true` when the browser accepted
 * the credential, `false` when unsupported, refused or dismissed.
 */
/** `new PasswordCredential({ id, password, name })` (Credential Management, Chromium). */
type PasswordCredentialConstructor = new (data: {
  id: string;
  password: string;
  name?: string;
}) => Credential;

export async function offerCredential(
  username: string,
  password: string,
  name?: string,
): Promise<boolean> {
  // Chromium's PasswordCredential, not in TypeScript's DOM types: looked up by name.
  const PasswordCredentialCtor: PasswordCredentialConstructor | undefined = Reflect.get(
    globalThis,
    'PasswordCredential',
  );
  const container = globalThis.navigator?.credentials;
  if (!PasswordCredentialCtor || !container?.store || !username || !password) return false;
  try {
    const credential = new PasswordCredentialCtor(
      name ? { id: username, password, name } : { id: username, password },
    );
    await container.store(credential);
    return true;
  } catch {
    return false;
  }
}
