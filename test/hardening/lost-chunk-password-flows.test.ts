/**
 * A lost chunk in Create Password and Forgot Password: the common-password dictionary (their
 * new-password step, the other lazily loaded module, is in `lost-chunk-password-step.test.ts`).
 * Without it, the new-password step still saves the password; the adapter checks the rule.
 * (A file of its own: a fresh page where the dictionary has not been loaded yet.)
 */
import { newPasswordWithoutDictionary } from './lost-chunk-password-flows.js';
import { failRequests } from './lost-chunk.js';

describe('password flows when the common-password dictionary cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('<pep-create-password>: the rule stays pending; Create Password goes on', () =>
    newPasswordWithoutDictionary('create', '*passwords.json*'));

  it('<pep-forgot-password>: the rule stays pending; Update Password goes on', () =>
    newPasswordWithoutDictionary('forgot', '*passwords.json*'));
});
