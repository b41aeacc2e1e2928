/**
 * Claim: moving a widget in the DOM while one of its adapter calls is pending (a disconnect
 * immediately followed by a connect, as a router, a dialog or a keyed list does) leaves it
 * usable: the call completes (or fails visibly) and no spinner outlives it.
 *
 * Found by this suite: widgets used to abort every call in `disconnectedCallback` and stay
 * pending forever after a move. `PepElement` now aborts only if the element is still
 * disconnected a microtask later. (A widget removed and re-inserted in a later task loses
 * its call and says so, retryably: test/elements/reinsert.test.ts.)
 */
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { createChaosAdapter, realSleep } from '../../src/adapter/chaos.js';
import { latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import '../../src/elements/verify-email/pep-verify-email.js';
import { $, spinners, typeInto, until } from '../support/element-helpers.js';
import { delegateInput, makeAdapter } from '../support/hardening.js';

const FILL: Record<string, ((el: LitElement) => void) | null> = {
  'pep-login': (el) => {
    typeInto($<HTMLInputElement>(el, '[name="username"]'), 'someone01');
    typeInto($<HTMLInputElement>(el, '[name="password"]'), 'Not-The-Password-1!');
  },
  'pep-forgot-username': (el) => typeInto($<HTMLInputElement>(el, '#email'), 'a@example.com'),
  'pep-forgot-password': (el) =>
    typeInto($<HTMLInputElement>(el, '[name="username"]'), 'someone01'),
  'pep-add-delegate': (el) => {
    const d = delegateInput();
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
      typeInto($<HTMLInputElement>(el, `#${id}`), d[id]);
    }
    const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
    if (!box.checked) box.click();
  },
  // These two call by themselves when they appear.
  'pep-verify-email': null,
  'pep-my-delegates': null,
};

describe('hardening / a widget moved in the DOM mid-call (KNOWN BUG)', () => {
  for (const [tag, fill] of Object.entries(FILL)) {
    it(`<${tag}> finishes its call and shows no spinner after being moved`, async () => {
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
      const el = document.createElement(tag) as LitElement & { adapter: unknown; token?: string };
      if (tag === 'pep-verify-email') el.token = latestLinkToken(memory, input.email);
      el.adapter = adapter;
      document.body.append(el);
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      try {
        await el.updateComplete;
        if (fill) {
          fill(el);
          await el.updateComplete;
          $<HTMLButtonElement>(el, '[part~=submit-button]').click();
        }
        await until(() => adapter.log.length > 0, 'a call');
        elsewhere.append(el); // moved: disconnected and connected again at once
        await until(() => adapter.log.every((r) => r.outcome !== 'pending'), 'calls settled');
        await new Promise((r) => setTimeout(r, 100));
        await el.updateComplete;
        expect(adapter.log[0]!.outcome, 'the call was not abandoned').to.not.equal('aborted');
        expect(spinners(el), 'spinner left').to.equal(0);
      } finally {
        el.remove();
        elsewhere.remove();
      }
    });
  }
});
