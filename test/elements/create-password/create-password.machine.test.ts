import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { PasswordFlow } from '../../../src/adapter/types.js';
import {
  createPasswordTransition,
  findStepTransition,
  initialCreatePassword,
} from '../../../src/elements/create-password/create-password.machine.js';
import { initialForgotPasswordState } from '../../../src/elements/forgot-password/forgot-password.machine.js';
import {
  initialPasswordFlow,
  type PasswordFlowEvent,
  type PasswordFlowState,
} from '../../../src/shared/password-flow.machine.js';
import { passwordFlowTransition } from '../../../src/shared/password-flow.steps.machine.js';

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

  // Find Account runs with the up-front part of the machine only (the rest comes with the steps
  // chunk): it answers FIND and FIND_FAIL on the find step, and leaves everything else (undefined)
  // to the whole machine.
  it("Find Account's part: first state, FIND and FIND_FAIL, nothing else", () => {
    for (const purpose of ['create', 'reset'] as const) {
      expect(initialCreatePassword(purpose)).to.deep.equal({
        step: 'find',
        purpose,
        pending: false,
        error: null,
      });
    }
    expect(initialForgotPasswordState()).to.deep.equal(initialPasswordFlow('reset'));

    const flow: PasswordFlow = { flowId: 'f1', destinations: [{ channel: 'email', masked: 'x' }] };
    const error = adapterError('NETWORK');
    const idle = initialPasswordFlow('reset');
    const finding = findStepTransition(idle, { type: 'FIND', username: 'janedoe1' })!;
    expect(finding).to.deep.equal({ ...idle, pending: true });
    // A second FIND while one is in flight, a FIND_FAIL without one: no change (same object).
    expect(findStepTransition(finding, { type: 'FIND', username: 'janedoe1' })).to.equal(finding);
    expect(findStepTransition(idle, { type: 'FIND_FAIL', error })).to.equal(idle);
    const failed = findStepTransition(finding, { type: 'FIND_FAIL', error })!;
    expect(failed).to.deep.equal({ ...idle, error });
    // FIND clears the previous error.
    expect(findStepTransition(failed, { type: 'FIND', username: 'janedoe1' })).to.deep.equal(
      finding,
    );
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
      // Anything else goes to the whole machine.
      expect(findStepTransition(state, { type: 'FIND_OK', username: 'janedoe1', flow })).to.equal(
        undefined,
      );
      expect(findStepTransition(state, { type: 'RESTART' })).to.equal(undefined);
    }
    for (const event of events) expect(findStepTransition(choose, event)).to.equal(undefined);
  });
});
