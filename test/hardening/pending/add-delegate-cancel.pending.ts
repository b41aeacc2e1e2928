/**
 * KNOWN BUG — kept out of the suite (the file name does not end in `.test.ts`) until fixed;
 * rename it to `add-delegate-cancel.test.ts` once it passes. See test/hardening/README.md.
 *
 * Claim: after Cancel during a pending Add Delegate call, the form is usable again — no spinner
 * left from the abandoned call and Submit enabled — in case the host shows it again.
 *
 * Today (src/elements/add-delegate/add-delegate.component.ts) the Cancel button calls
 * `abortCalls()` and emits `pep-cancel`; `submit()` then gets ABORTED and returns without
 * telling the machine, which stays `pending: true` forever: spinner and "Creating…" on the
 * button, `aria-disabled="true"`, and `submit()` returns at once on every later click.
 * Suggested fix: an `ABORT` (or `CANCEL`) event in add-delegate.machine.ts that returns the form
 * to `pending: false` keeping its values, sent by the Cancel handler (or by `submit()` when it
 * catches ABORTED).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../../src/elements/add-delegate/pep-add-delegate.js';
import { $, $maybe, spinners, typeInto, until } from '../element-helpers.js';
import { delegateInput, holding, producer } from '../helpers.js';

describe('hardening / Add Delegate after Cancel mid-call (KNOWN BUG)', () => {
  it('the form is usable again: no spinner, Submit enabled', async () => {
    const memory = await producer();
    const held = holding(memory, 'addDelegate');
    const el = await fixture<LitElement>(
      html`<pep-add-delegate .adapter=${held.adapter}></pep-add-delegate>`,
    );
    const input = delegateInput();
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
      typeInto($<HTMLInputElement>(el, `#${id}`), input[id]);
    }
    const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
    if (!box.checked) box.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => held.done, 'the backend did the work');
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click(); // Cancel
    held.release();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect($maybe(el, '#username'), 'still the form').to.not.equal(null);
    expect(spinners(el), 'spinner left after Cancel').to.equal(0);
    expect($(el, '[part~=submit-button]').getAttribute('aria-disabled')).to.not.equal('true');
  });
});
