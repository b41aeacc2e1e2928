/**
 * The module both password flows' later steps import (`shared/password-steps.ts`: code and
 * password fields, policy, password-manager hand-off) lost: the same retryable failure on Find
 * Account as a lost steps chunk, and Try again goes on once the network is back.
 * (A file of its own: a fresh page where the module has not been loaded yet.)
 */
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import { findAccountFailsThenRetries } from './lost-chunk-password-flows.js';
import { failRequests } from './lost-chunk.js';

describe('password flows when the shared module of their later steps cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('<pep-forgot-password>: a retryable failure on Find Account; Try again goes on', () =>
    findAccountFailsThenRetries('forgot', '*shared/password-steps.ts*'));
});
