/**
 * Helper of the password flows' lost-chunk test (`lost-chunk-password-flows.test.ts`): the
 * common-password dictionary, fetched when the new-password step renders (the step itself, the
 * other lazily loaded module of Create Password and Forgot Password, is in
 * `lost-chunk-password-step.test.ts`). With its requests failing, the step still works:
 * the `not-common` rule stays "being checked", and the new password goes to the adapter, which
 * decides (and the flow reaches its last step).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { PepCreatePassword } from '../../src/elements/create-password/pep-create-password.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import type { CodeSent } from '../../src/adapter/types.js';
import { fakeAdapter } from '../support/fake-adapter.js';
import { $, typeInto, until } from '../support/registration.js';
import { failRequests } from './lost-chunk.js';

export async function newPasswordWithoutDictionary(tag: 'create' | 'forgot', chunk: string) {
  await failRequests(chunk);
  const saved: string[] = [];
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
    verifyCode: async () => undefined,
    setPassword: async ({ password }) => void saved.push(password),
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
  typeInto(el, '#code', 'K7M2Q9PX');
  submit();
  await until(() => el.step === 'password', 4000, 'password');
  await el.updateComplete;

  typeInto(el, '[name="password"]', 'Zebra-Quilt-93!');
  typeInto(el, '[name="confirm"]', 'Zebra-Quilt-93!');
  await new Promise((r) => setTimeout(r, 200));
  await el.updateComplete;
  const rule = $(el, '[part="checklist"] li[data-rule="not-common"]');
  expect(rule.dataset['met'], 'the rule waits for its dictionary').to.equal('pending');
  submit();
  await until(() => el.step === 'done', 4000, 'done');
  expect(saved).to.deep.equal(['Zebra-Quilt-93!']);
}
