/**
 * A widget removed while one of its adapter calls is pending, and inserted again in a LATER task
 * (a router that keeps the element, a tab panel, a cached view): the call is aborted with the
 * removal (no work for a widget that is gone), and the re-inserted widget is usable — no spinner,
 * no submit stuck in its pending state, the typed input kept. Widgets that call by themselves
 * (Verify Email, My Delegates) start their call again.
 *
 * (A move within the same task keeps the call: test/hardening/reattach.test.ts.)
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { createChaosAdapter, realSleep, type ChaosAdapter } from '../../src/adapter/chaos.js';
import { latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import '../../src/elements/verify-email/pep-verify-email.js';
import type { PepMyDelegates } from '../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepVerifyEmail } from '../../src/elements/verify-email/pep-verify-email.js';
import { $, alertText, spinners, typeInto, until } from '../support/element-helpers.js';
import { delegateInput, makeAdapter } from '../support/hardening.js';

type Widget = LitElement & { adapter: unknown; token?: string };

const FILL: Record<string, (el: LitElement) => Record<string, string>> = {
  'pep-login': (el) => {
    typeInto($<HTMLInputElement>(el, '[name="username"]'), 'someone01');
    typeInto($<HTMLInputElement>(el, '[name="password"]'), 'Not-The-Password-1!');
    return { '[name="username"]': 'someone01' };
  },
  'pep-forgot-username': (el) => {
    typeInto($<HTMLInputElement>(el, '#email'), 'a@example.com');
    return { '#email': 'a@example.com' };
  },
  'pep-forgot-password': (el) => {
    typeInto($<HTMLInputElement>(el, '#username'), 'someone01');
    return { '#username': 'someone01' };
  },
  'pep-create-password': (el) => {
    typeInto($<HTMLInputElement>(el, '#username'), 'someone01');
    return { '#username': 'someone01' };
  },
  'pep-add-delegate': (el) => {
    const d = delegateInput({ username: 'another01', email: 'another@example.com' });
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
      typeInto($<HTMLInputElement>(el, `#${id}`), d[id]);
    }
    const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
    if (!box.checked) box.click();
    return { '#username': d.username, '#email': d.email };
  },
};

const laterTask = () => new Promise((r) => setTimeout(r, 30));

async function setup(): Promise<{ adapter: ChaosAdapter; linkToken: string }> {
  const { adapter: memory } = makeAdapter();
  await seedDemo(memory);
  await memory.admin.signIn(DEMO_PRODUCER.username);
  const input = delegateInput();
  await memory.addDelegate(input);
  const adapter = createChaosAdapter(memory, {
    seed: 1,
    failureRate: 0,
    latency: { min: 3000, max: 3000 },
    sleep: (ms, signal) => realSleep(ms / 30, signal),
  });
  return { adapter, linkToken: latestLinkToken(memory, input.email) };
}

function submit(el: LitElement): HTMLButtonElement {
  return $<HTMLButtonElement>(el, '[part~=submit-button]');
}

describe('a widget removed mid-call and inserted again in a later task', () => {
  for (const [tag, fill] of Object.entries(FILL)) {
    it(`<${tag}> leaves its pending state and can submit again`, async () => {
      const { adapter } = await setup();
      const el = document.createElement(tag) as Widget;
      el.adapter = adapter;
      document.body.append(el);
      try {
        await el.updateComplete;
        const typed = fill(el);
        await el.updateComplete;
        submit(el).click();
        await until(() => adapter.log.length > 0, 'a call');
        await el.updateComplete;
        expect(spinners(el), 'pending while the call runs').to.be.greaterThan(0);

        el.remove();
        await laterTask();
        await until(() => adapter.log.every((r) => r.outcome !== 'pending'), 'call settled');
        expect(adapter.log[0]!.outcome, 'the removal aborted the call').to.equal('aborted');

        document.body.append(el);
        await el.updateComplete;
        expect(spinners(el), 'spinner left').to.equal(0);
        expect(submit(el).getAttribute('aria-disabled'), 'submit still pending').to.not.equal(
          'true',
        );
        expect(submit(el).disabled).to.equal(false);
        expect(alertText(el)).to.equal('The request was cancelled.');
        for (const [sel, value] of Object.entries(typed)) {
          expect($<HTMLInputElement>(el, sel).value, sel).to.equal(value);
        }

        const before = adapter.log.length;
        submit(el).click();
        await until(() => adapter.log.length > before, 'a new call');
        await until(() => adapter.log.every((r) => r.outcome !== 'pending'), 'new call settled');
        await el.updateComplete;
        expect(adapter.log[before]!.outcome).to.not.equal('aborted');
        expect(spinners(el), 'spinner after the new call').to.equal(0);
      } finally {
        el.remove();
      }
    });
  }

  it('<pep-verify-email> confirms again when re-inserted', async () => {
    const { adapter, linkToken } = await setup();
    const el = document.createElement('pep-verify-email') as PepVerifyEmail;
    el.token = linkToken;
    el.adapter = adapter;
    document.body.append(el);
    try {
      await until(() => adapter.log.length > 0, 'a call');
      el.remove();
      await laterTask();
      await until(() => adapter.log.every((r) => r.outcome !== 'pending'), 'call settled');
      expect(adapter.log[0]!.outcome).to.equal('aborted');
      expect(el.step).to.equal('verifying');

      document.body.append(el);
      await until(() => el.step === 'verified', 'verified after re-insertion');
      expect(adapter.log).to.have.length(2);
      await el.updateComplete;
      expect(spinners(el)).to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('<pep-my-delegates> loads its list again when re-inserted', async () => {
    const { adapter } = await setup();
    const el = document.createElement('pep-my-delegates') as PepMyDelegates;
    el.adapter = adapter;
    document.body.append(el);
    try {
      await until(() => adapter.log.length > 0, 'a call');
      el.remove();
      await laterTask();
      await until(() => adapter.log.every((r) => r.outcome !== 'pending'), 'call settled');
      expect(adapter.log[0]!.outcome).to.equal('aborted');
      expect(el.state.list).to.equal('loading');

      document.body.append(el);
      await until(() => el.state.list === 'ready', 'list loaded after re-insertion');
      expect(el.state.delegates).to.have.length(1);
      await el.updateComplete;
      expect(spinners(el)).to.equal(0);
    } finally {
      el.remove();
    }
  });
});
