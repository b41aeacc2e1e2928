/**
 * A lost chunk in Create Password and Forgot Password (the steps after Find Account with their
 * actions and the flow's machine, `create-password.steps.ts` / `forgot-password.steps.ts`) is
 * an ordinary retryable failure: the flow stays on Find Account with the username kept and
 * nothing but Find Account sent, and Try again goes on to the next step once the network is
 * back, whose action (Send Code) then works. (Find Account changes nothing, so it may run
 * again.) (A file of its own: a fresh page where the chunks have not been loaded yet.)
 */
import { findAccountFailsThenRetries } from './lost-chunk-password-flows.js';
import { failRequests } from './lost-chunk.js';

describe('password flows when the steps after Find Account cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('<pep-create-password>: a retryable failure on Find Account; Try again goes on', () =>
    findAccountFailsThenRetries('create', '*create-password.steps.ts*'));

  it('<pep-forgot-password>: a retryable failure on Find Account; Try again goes on', () =>
    findAccountFailsThenRetries('forgot', '*forgot-password.steps.ts*'));
});
