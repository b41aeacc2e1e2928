import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { PasswordFlow } from '../../../src/adapter/types.js';
import {
  createPasswordTransition,
  findStepTransition,
  firstPasswordFlowState,
  initialCreatePassword,
} from '../../../src/elements/create-password/create-password.machine.js';
import { initialForgotPasswordState } from '../../../src/elements/forgot-password/forgot-password.machine.js';
import {
  initialPasswordFlow,
  passwordFlowTransition,
  type PasswordFlowEvent,
  type PasswordFlowState,
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

  // Find Account runs without the machine (it comes with the steps chunk): its part must be
  // exactly the machine's.
  it("Find Account's part (first state, FIND, FIND_FAIL) is the machine's", () => {
    for (const purpose of ['create', 'reset'] as const) {
      expect(firstPasswordFlowState(purpose)).to.deep.equal(initialPasswordFlow(purpose));
    }
    expect(initialForgotPasswordState()).to.deep.equal(initialPasswordFlow('reset'));

    const flow: PasswordFlow = { flowId: 'f1', destinations: [{ channel: 'email', masked: 'x' }] };
    const error = adapterError('NETWORK');
    const idle = initialPasswordFlow('reset');
    const finding = passwordFlowTransition(idle, { type: 'FIND', username: 'janedoe1' });
    const failed = passwordFlowTransition(finding, { type: 'FIND_FAIL', error });
    const choose = passwordFlowTransition(finding, {
      type: 'FIND_OK',
      username: 'janedoe1',
      flow,
    });
    const events: PasswordFlowEvent[] = [
      { type: 'FIND', username: 'janedoe1' },
      { type: 'FIND_FAIL', error },
    ];
    for (const state of [idle, finding, failed] as PasswordFlowState[]) {
      for (const event of events) {
        expect(findStepTransition(state, event)).to.deep.equal(
          passwordFlowTransition(state, event),
        );
        // "No change" is the same object, as in the machine.
        expect(findStepTransition(state, event) === state).to.equal(
          passwordFlowTransition(state, event) === state,
        );
      }
      // Anything else goes to the whole machine.
      expect(findStepTransition(state, { type: 'FIND_OK', username: 'janedoe1', flow })).to.equal(
        undefined,
      );
    }
    for (const event of events) expect(findStepTransition(choose, event)).to.equal(undefined);
  });
});
