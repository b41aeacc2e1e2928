/**
 * A lost chunk of Create Password and Forgot Password: their new-password step
 * (`password-flow.new-password.ts`), fetched while the code step shows and awaited with the
 * code's check. Without it, Continue is an ordinary retryable failure on the code step: the
 * network message with Try again, the typed code kept, and the code not sent (so Try again does
 * not send a used code); once the network is back, Try again checks the code once and shows the
 * new-password step. (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { PepCreatePassword } from '../../src/elements/create-password/pep-create-password.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import type { CodeSent } from '../../src/adapter/types.js';
import { fakeAdapter } from '../support/fake-adapter.js';
import { $, typeInto, until } from '../support/registration.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const CODE = 'K7M2Q9PX';

/** The element on its code step, Continue pressed while the step's chunk cannot be fetched. */
async function continueWithoutStep(tag: 'create' | 'forgot') {
  const checked: string[] = [];
  const { adapter } = fakeAdapter({
    findAccount: async () => ({
      flowId: 'flow-1',
      destinations: [{ channel: 'email', masked: 'j•••@e•••.com' }],
    }),
    sendCode: async ({ channel }): Promise<CodeSent> => ({
      channel,
      masked: 'j•••@e•••.com',
      expiresAt: Date.now() + 600_000,
      resendAvailableAt: Date.now() + 30_000,
    }),
    verifyCode: async ({ code }) => void checked.push(code),
  });
  const el = (await fixture(
    tag === 'create'
      ? html`<pep-create-password .adapter=${adapter}></pep-create-password>`
      : html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
  )) as PepCreatePassword | PepForgotPassword;
  const submit = () => $<HTMLButtonElement>(el, '[part~=submit-button]').click();
  typeInto(el, '#username', 'janedoe01');
  submit();
  await until(() => el.step === 'choose', 4000, 'choose');
  await el.updateComplete;
  submit();
  await until(() => el.step === 'code', 4000, 'code');
  await el.updateComplete;
  typeInto(el, '#code', CODE);
  submit();
  await expectNetworkFailure(el);
  expect(el.step).to.equal('code');
  expect($<HTMLInputElement>(el, '#code').value).to.equal(CODE);
  expect(checked, 'the code is not sent').to.deep.equal([]);
  return { el, checked };
}

describe('lost chunk of the password flows (the new-password step)', () => {
  afterEach(() => failRequests(null));

  it('Continue fails with Try again on the code step, then Try again shows the step', async () => {
    await failRequests('*password-flow.new-password*');
    const flows = [await continueWithoutStep('create'), await continueWithoutStep('forgot')];
    await failRequests(null);
    for (const { el, checked } of flows) {
      $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await until(() => el.step === 'password', 4000, 'password');
      await el.updateComplete;
      expect(checked).to.deep.equal([CODE]);
      expect($(el, '[part="checklist"]').textContent).to.contain('Password Must Have');
      expect($<HTMLInputElement>(el, '[name="password"]').type).to.equal('password');
    }
  });
});
