import { expect } from '@open-wc/testing';
import {
  createPasswordTransition,
  initialCreatePassword,
} from '../../../src/elements/create-password/create-password.machine.js';
import {
  initialPasswordFlow,
  passwordFlowTransition,
} from '../../../src/shared/password-flow.machine.js';

// Every transition of the shared machine is tested in test/shared/password-flow.machine.test.ts;
// this checks that the element runs exactly that machine, starting with purpose `create`.
describe('create-password.machine', () => {
  it('is the shared password-flow machine', () => {
    expect(createPasswordTransition).to.equal(passwordFlowTransition);
    expect(initialCreatePassword).to.equal(initialPasswordFlow);
    expect(initialCreatePassword()).to.deep.equal({
      step: 'find',
      purpose: 'create',
      pending: false,
      error: null,
    });
  });
});
