import { expect, fixture, html } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { CodeSent } from '../../../src/adapter/types.js';
import '../../../src/elements/create-password/pep-create-password.js';
import type { PepCreatePassword } from '../../../src/elements/create-password/pep-create-password.js';
import { fakeAdapter } from '../../support/fake-adapter.js';
import { $, typeInto, until } from '../../support/registration.js';

const COMMON = 'Password1!';
const UNCOMMON = 'Zebra-Quilt-93!';

async function setup(setPassword: (password: string) => Promise<void>) {
  const { adapter, calls } = fakeAdapter({
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
    verifyCode: async () => undefined,
    setPassword: ({ password }) => setPassword(password),
  });
  const el = await fixture<PepCreatePassword>(
    html`<pep-create-password .adapter=${adapter}></pep-create-password>`,
  );
  const submit = () => $<HTMLButtonElement>(el, '[part~=submit-button]').click();
  const item = () => $(el, '[part="checklist"] li[data-rule="not-common"]');
  const toPassword = async () => {
    typeInto(el, '#username', 'janedoe01');
    submit();
    await until(() => el.step === 'choose', 4000, 'choose');
    await el.updateComplete;
    $<HTMLInputElement>(el, '#channel-email').click();
    await el.updateComplete;
    submit();
    await until(() => el.step === 'code', 4000, 'code');
    await el.updateComplete;
    typeInto(el, '#code', 'K7M2Q9PX');
    submit();
    await until(() => el.step === 'password', 4000, 'password');
    await el.updateComplete;
  };
  return { el, calls, submit, item, toPassword };
}

describe('<pep-create-password>: common or breached passwords', () => {
  it('the step loads the check by itself: ✗ for a common password, ✓ for another', async () => {
    const { el, item, toPassword } = await setup(async () => {});
    await toPassword();
    typeInto(el, '[name="password"]', COMMON);
    // (Empty, the rule was "unchecked"; then "pending" until the dictionary is there.)
    await until(() => !['pending', 'unchecked'].includes(item().dataset['met']!), 3000, 'checked');
    expect(item().dataset['met']).to.equal('false');
    typeInto(el, '[name="password"]', UNCOMMON);
    await el.updateComplete;
    expect(item().dataset['met']).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('the backend refusing it as common: a specific message at the field; what was typed stays', async () => {
    const refused = 'Quiet-Harbor-58';
    const { el, submit, toPassword } = await setup((password) =>
      password === refused
        ? Promise.reject(adapterError('PASSWORD_POLICY', { failed: ['not-common'] }))
        : Promise.resolve(),
    );
    await toPassword();
    typeInto(el, '[name="password"]', refused);
    typeInto(el, '[name="confirm"]', refused);
    await el.updateComplete;
    submit();
    await until(() => $(el, '[id$="-password-error"]').textContent!.trim() !== '', 3000, 'refused');
    expect($(el, '[id$="-password-error"]').textContent!.trim()).to.equal(
      'This password is too common. Choose one that is harder to guess.',
    );
    expect($<HTMLInputElement>(el, '[name="password"]').value).to.equal(refused);
    expect($<HTMLInputElement>(el, '[name="confirm"]').value).to.equal(refused);
    expect(el.step).to.equal('password');
    await expect(el).to.be.accessible();
  });
});
