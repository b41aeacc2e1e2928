/**
 * `reset()` of both password-flow tags (issue 20 §4): one implementation, one test run against
 * each tag.
 */
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { adapterError } from '../../src/adapter/errors.js';
import type { PasswordFlow } from '../../src/adapter/types.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { PasswordFlowElement } from '../../src/shared/password-flow.component.js';
import { deferred, fakeAdapter } from '../support/fake-adapter.js';
import { $, alertText, typeInto, until } from '../support/registration.js';

for (const tag of ['pep-create-password', 'pep-forgot-password']) {
  describe(`<${tag}>: reset()`, () => {
    it('works at any moment: a pending call is abandoned, Find Account shows empty and enabled, no old error stays', async () => {
      const pending = deferred<PasswordFlow>();
      let find: () => Promise<PasswordFlow> = () => pending.promise;
      const { adapter, calls } = fakeAdapter({
        findAccount: () => find(),
        sendCode: async () => {
          throw adapterError('NETWORK');
        },
      });
      const name = unsafeStatic(tag);
      const el = await fixture<PasswordFlowElement>(
        staticHtml`<${name} .adapter=${adapter}></${name}>`,
      );
      const submitButton = () => $<HTMLButtonElement>(el, '[part~=submit-button]');
      const expectFreshStart = async () => {
        await el.updateComplete;
        expect(el.step).to.equal('find');
        expect($<HTMLInputElement>(el, '#username').value).to.equal('');
        expect(submitButton().getAttribute('aria-disabled')).to.equal('false');
        expect(alertText(el)).to.equal('');
        expect($(el, '#username-error').textContent).to.equal('');
      };

      // While Find Account is pending.
      typeInto(el, '#username', 'janedoe01');
      submitButton().click();
      await el.updateComplete;
      expect(submitButton().getAttribute('aria-disabled')).to.equal('true');
      el.reset();
      await expectFreshStart();
      pending.resolve({
        flowId: 'f1',
        destinations: [{ channel: 'email', masked: 'j•••@e•••.com' }],
      });
      await new Promise((r) => setTimeout(r, 50));
      await expectFreshStart();

      // With an error shown on a later step.
      find = async () => ({
        flowId: 'f2',
        destinations: [{ channel: 'email', masked: 'j•••@e•••.com' }],
      });
      typeInto(el, '#username', 'janedoe01');
      submitButton().click();
      await until(() => el.step === 'choose', 4000, 'choose');
      await el.updateComplete;
      submitButton().click();
      await until(() => alertText(el) !== '', 4000, 'the send failure');
      el.reset();
      await expectFreshStart();
      expect(calls.map((c) => c.method)).to.deep.equal(['findAccount', 'findAccount', 'sendCode']);
    });
  });
}
