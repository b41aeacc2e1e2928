/**
 * A value a backend returns is never interpreted as a message template: an unknown state code
 * such as `{phone}` is shown as it is (found by this suite; `PepElement.t` now returns an unknown
 * key without formatting it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createChaosAdapter } from '../../src/adapter/chaos.js';
import type { DelegateSummary, StateCode } from '../../src/adapter/types.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import { until } from '../support/element-helpers.js';
import { producer } from '../support/hardening.js';

describe('hardening / backend values are never message templates', () => {
  it('<pep-my-delegates> shows an unknown state code verbatim', async () => {
    const memory = await producer();
    const list: DelegateSummary[] = [
      {
        id: 'dlg_1',
        username: 'janedoe01',
        email: 'jane@example.com',
        firstName: 'Jane',
        lastName: 'Doe',
        mobile: '+13125550101',
        states: ['{phone}' as StateCode],
        language: 'en',
        status: 'invited',
        createdAt: 0,
      },
    ];
    const backend = Object.assign(createChaosAdapter(memory, { seed: 1, failureRate: 0 }), {
      listDelegates: () => Promise.resolve(list),
    });
    const el = await fixture(html`<pep-my-delegates .adapter=${backend}></pep-my-delegates>`);
    await until(() => el.shadowRoot!.querySelectorAll('[part~=delegate]').length === 1, 'list');
    const text = el.shadowRoot!.querySelector('[part~=delegate]')!.textContent!;
    expect(text).to.not.contain(memory.helpDeskPhone);
    expect(text).to.contain('{phone}');
  });
});
