/**
 * Hostile input at the elements: what a backend returns is rendered as text (never markup,
 * never executed), XSS payloads typed into forms are refused with a field message and never
 * reach the adapter or the DOM as markup, and extreme input in every text field of Add Delegate,
 * Login, Forgot Username and Forgot Password gives a validation message or a correct result:
 * no exception, and the input keeps what was typed.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { createChaosAdapter, type ChaosAdapter } from '../../src/adapter/chaos.js';
import type { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_HELP_DESK, DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import type { DelegateSummary, Session } from '../../src/adapter/types.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/portal-home/pep-portal-home.js';
import '../../src/elements/verify-email/pep-verify-email.js';
import type { PepElement } from '../../src/base/pep-element.js';
import { EXTREME_INPUTS, HOSTILE_VALID_EMAILS, hostileNodes, XSS_PAYLOADS } from './corpus.js';
import {
  $,
  $maybe,
  alertText,
  fieldErrors,
  recordUncaught,
  sanitized,
  typeInto,
  until,
} from '../support/element-helpers.js';
import { activeDelegate, delegateInput, makeAdapter } from '../support/hardening.js';

/** Wait long enough for an `<img onerror>` or `<svg onload>` to have fired, then check. */
async function expectNothingExecuted(el: Element): Promise<void> {
  await aTimeout(50);
  expect(window.__xss, 'a payload ran').to.equal(undefined);
  expect(hostileNodes(el.shadowRoot!).map((n) => n.outerHTML.slice(0, 80))).to.deep.equal([]);
}

/** The producer's list as a backend that does not validate might return it. */
function hostileSummaries(): DelegateSummary[] {
  return XSS_PAYLOADS.map((p, i) => ({
    id: i % 2 ? `"]<img src=x onerror=window.__xss=1>${i}` : `dlg_${i}`,
    username: p,
    email: p,
    firstName: p,
    lastName: `${p}!`,
    mobile: p,
    states: ['IL'],
    language: 'en',
    status: 'invited',
    createdAt: 0,
  }));
}

async function producerAdapter(): Promise<MemoryAdapter> {
  const { adapter } = makeAdapter();
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  return adapter;
}

describe('hardening / hostile input (elements)', () => {
  beforeEach(() => {
    delete window.__xss;
  });

  it('the detectors work: markup injected on purpose is found and its handler runs', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<img src="data:," onerror="window.__xss=1"><a href="javascript:void 0">x</a>';
    document.body.append(host);
    try {
      await aTimeout(50);
      // (The page under test has no CSP, so an injected handler really runs: the check is live.)
      expect(window.__xss).to.equal(1);
      expect(hostileNodes(host.shadowRoot!).map((n) => n.localName)).to.deep.equal(['img', 'a']);
    } finally {
      host.remove();
      delete window.__xss;
    }
  });

  it('<pep-my-delegates>: payloads in every field a backend returns are shown as text, never run', async () => {
    const memory = await producerAdapter();
    const summaries = hostileSummaries();
    // A contract-conforming backend that stores whatever it was given (no validation).
    const backend = Object.assign(createChaosAdapter(memory, { seed: 1, failureRate: 0 }), {
      listDelegates: () => Promise.resolve(summaries),
    });
    const el = await fixture<PepElement>(
      html`<pep-my-delegates .adapter=${backend}></pep-my-delegates>`,
    );
    await until(
      () => el.shadowRoot!.querySelectorAll('[part~=delegate]').length === summaries.length,
      'list',
    );
    const items = [...el.shadowRoot!.querySelectorAll('[part~=delegate]')];
    for (const [i, item] of items.entries()) {
      const p = XSS_PAYLOADS[i]!;
      const text = item.textContent!;
      expect(item.querySelector('h3')!.textContent!.trim()).to.equal(`${p} ${p}!`);
      // Username and email verbatim (the mobile is formatted only when it is a valid number).
      const dds = [...item.querySelectorAll('dd')].map((d) => d.textContent!.trim());
      expect(dds).to.include(p);
      expect(text).to.contain(p);
    }
    await expectNothingExecuted(el);
  });

  it('<pep-my-delegates>: delegates added through the API with quote/template emails show them verbatim', async () => {
    const memory = await producerAdapter();
    for (const email of HOSTILE_VALID_EMAILS) await memory.addDelegate(delegateInput({ email }));
    const el = await fixture<PepElement>(
      html`<pep-my-delegates .adapter=${memory}></pep-my-delegates>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('[part~=delegate]').length === 3, 'list');
    const shown = [...el.shadowRoot!.querySelectorAll('[part~=delegate] dd')].map((d) =>
      d.textContent!.trim(),
    );
    for (const email of HOSTILE_VALID_EMAILS) expect(shown).to.include(email);
    // Our own placeholders were not expanded in any message either.
    expect(el.shadowRoot!.textContent).to.not.contain(String(49));
    await expectNothingExecuted(el);
  });

  it('<pep-portal-home>: payload names in the session are shown as text, never run', async () => {
    const memory = await producerAdapter();
    const p = XSS_PAYLOADS;
    const session: Session = {
      user: {
        username: p[0]!,
        firstName: p[1]!,
        lastName: p[2]!,
        email: p[3]!,
        mobile: p[4]!,
        states: ['IL'],
        role: 'delegate',
        producer: { username: p[5]!, firstName: p[6]!, lastName: p[7]!, producerId: p[8]! },
      },
      capabilities: {
        quote: true,
        onExchangeEnrollmentSso: false,
        medicareQuotingSso: false,
        manageDelegates: false,
        helpDesk: false,
      },
      issuedAt: 0,
      expiresAt: Date.now() + 3_600_000,
      idleExpiresAt: Date.now() + 3_600_000,
    };
    const el = await fixture<PepElement & { show(v: string): void }>(
      html`<pep-portal-home .adapter=${memory} .session=${session}></pep-portal-home>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain(`${p[1]} ${p[2]}`);
    await expectNothingExecuted(el);
    for (const view of ['information', 'hierarchy']) {
      el.show(view);
      await el.updateComplete;
      await expectNothingExecuted(el);
    }
    el.show('hierarchy');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain(`${p[6]} ${p[7]}`);
  });

  it('<pep-add-delegate>: each payload in each text field gets a field message; nothing reaches the adapter or the DOM', async () => {
    const memory = await producerAdapter();
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<PepElement>(
      html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
    );
    const fields = ['username', 'email', 'firstName', 'lastName', 'mobile'];
    for (const payload of XSS_PAYLOADS) {
      for (const id of fields) {
        const input = $<HTMLInputElement>(el, `#${id}`);
        typeInto(input, payload);
      }
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await el.updateComplete;
      for (const id of fields) {
        const input = $<HTMLInputElement>(el, `#${id}`);
        expect(input.value, id).to.equal(sanitized(input.type, payload));
        expect(input.getAttribute('aria-invalid'), `${id}: ${payload}`).to.equal('true');
        expect($(el, `#${id}-error`).textContent!.trim(), id).to.not.equal('');
      }
      await expectNothingExecuted(el);
    }
    expect(adapter.log.filter((r) => r.method === 'addDelegate')).to.have.length(0);
  });

  it('<pep-verify-email>: payload link tokens get the invalid-link message; nothing runs', async () => {
    const memory = await producerAdapter();
    for (const token of XSS_PAYLOADS) {
      const el = await fixture<PepElement>(
        html`<pep-verify-email .adapter=${memory} .token=${token}></pep-verify-email>`,
      );
      await until(() => alertText(el) !== '', `alert for ${token}`);
      expect(alertText(el)).to.contain('not valid');
      await expectNothingExecuted(el);
      el.remove();
    }
  });

  it('<pep-forgot-username>: an address with quotes and placeholders is echoed verbatim', async () => {
    const { adapter } = makeAdapter();
    for (const email of HOSTILE_VALID_EMAILS) {
      const el = await fixture<PepElement>(
        html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
      );
      typeInto($<HTMLInputElement>(el, '#email'), email);
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await until(() => $maybe(el, '#email') === null, 'sent step');
      await el.updateComplete;
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain(email);
      await expectNothingExecuted(el);
      el.remove();
    }
  });

  describe('extreme input: a message or a correct result, no exception, no truncation', () => {
    let uncaught: ReturnType<typeof recordUncaught>;
    beforeEach(() => (uncaught = recordUncaught()));
    afterEach(() => {
      uncaught.stop();
      expect(uncaught.errors).to.deep.equal([]);
    });

    /**
     * Type `value` into `#id` of a fresh `tag` (other fields valid), submit, and wait for a field
     * message, an alert, or the adapter call to settle. Returns what happened.
     */
    async function submitWith(
      tag: 'pep-add-delegate' | 'pep-login' | 'pep-forgot-username' | 'pep-forgot-password',
      id: string,
      value: string,
      valid: Record<string, string>,
      adapter: ChaosAdapter,
    ): Promise<string> {
      const el = await fixture<PepElement>(
        tag === 'pep-add-delegate'
          ? html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`
          : tag === 'pep-login'
            ? html`<pep-login .adapter=${adapter}></pep-login>`
            : tag === 'pep-forgot-username'
              ? html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`
              : html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
      );
      for (const [field, v] of Object.entries(valid)) {
        if (field !== id) typeInto($<HTMLInputElement>(el, `[name="${field}"]`), v);
      }
      if (tag === 'pep-add-delegate') {
        const state = $maybe<HTMLInputElement>(el, 'input[type=checkbox]');
        if (state && !state.checked) state.click();
      }
      const input = $<HTMLInputElement>(el, `[name="${id}"]`);
      typeInto(input, value);
      const before = adapter.log.length;
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await el.updateComplete;
      await until(
        () =>
          fieldErrors(el).length > 0 ||
          (adapter.log.length > before && adapter.log.at(-1)!.outcome !== 'pending'),
        `${tag} #${id}: a message or a settled call`,
      );
      await el.updateComplete;
      const call = adapter.log.length > before ? adapter.log.at(-1)! : null;
      // The input (if the step is still there) keeps exactly what was typed.
      const still = $maybe<HTMLInputElement>(el, `[name="${id}"]`);
      if (still) expect(still.value, `${tag} #${id}`).to.equal(sanitized(input.type, value));
      const result = call ? `${call.method}:${call.code ?? call.outcome}` : 'field-error';
      if (call?.code && call.code !== 'ABORTED') {
        // A refused call is explained in the alert region.
        expect(alertText(el), `${tag} #${id}`).to.not.equal('');
      }
      el.remove();
      return result;
    }

    it('<pep-add-delegate>: every field', async () => {
      const adapter = createChaosAdapter(await producerAdapter(), { seed: 1, failureRate: 0 });
      const valid = delegateInput();
      const results: string[] = [];
      for (const { name, value } of EXTREME_INPUTS) {
        for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile']) {
          const fresh = delegateInput();
          const values = { ...fresh, mobile: valid.mobile } as unknown as Record<string, string>;
          delete values['states'];
          results.push(
            `${name}/${id} → ${await submitWith('pep-add-delegate', id, value, values, adapter)}`,
          );
        }
      }
      // Every refusal happened on the client, before any call, except well-formed input.
      const calls = results.filter((r) => !r.endsWith('field-error'));
      for (const r of calls) expect(r, r).to.match(/addDelegate:(ok|USERNAME_TAKEN)$/);
      expect(
        results.filter((r) => r.startsWith('10 000')).every((r) => r.endsWith('field-error')),
      ).to.equal(true);
    });

    it('<pep-login>: username and password', async () => {
      const { adapter: memory } = makeAdapter();
      const { username } = await activeDelegate(memory);
      // Unlocking between attempts needs a help-desk session.
      await seedDemo(memory);
      await memory.admin.signIn(DEMO_HELP_DESK.username);
      const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
      for (const { name, value } of EXTREME_INPUTS) {
        const u = await submitWith(
          'pep-login',
          'username',
          value,
          { password: 'Wrong-1!' },
          adapter,
        );
        expect(u, name).to.match(
          /^(field-error|login:(INVALID_CREDENTIALS|ACCOUNT_LOCKED|VALIDATION))$/,
        );
        await memory.unlockAccount({ username }).catch(() => undefined);
        const p = await submitWith('pep-login', 'password', value, { username }, adapter);
        expect(p, name).to.match(/^(field-error|login:(INVALID_CREDENTIALS|ACCOUNT_LOCKED))$/);
        await memory.unlockAccount({ username });
      }
    });

    it('<pep-forgot-username>: email', async () => {
      const adapter = createChaosAdapter(makeAdapter().adapter, { seed: 1, failureRate: 0 });
      for (const { name, value } of EXTREME_INPUTS) {
        const r = await submitWith('pep-forgot-username', 'email', value, {}, adapter);
        expect(r, name).to.equal('field-error');
      }
    });

    it('<pep-forgot-password>: username', async () => {
      const { adapter: memory } = makeAdapter();
      const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
      for (const { name, value } of EXTREME_INPUTS) {
        const r = await submitWith('pep-forgot-password', 'username', value, {}, adapter);
        // Only the padded, well-formed username is looked up (and answered like any other).
        if (name === 'surrounding whitespace') expect(r).to.equal('findAccount:ok');
        else expect(r, name).to.equal('field-error');
      }
    });
  });
});
