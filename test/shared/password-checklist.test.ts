import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { commonPasswordCheck } from '../../src/core/common-passwords.js';
import type { PasswordContext } from '../../src/core/password-policy.js';
import { passwordEn } from '../../src/i18n/password.en.js';
import { passwordChecklist } from '../../src/shared/password-checklist.js';

const t = (key: string) => (passwordEn as Record<string, string>)[key] ?? key;

function checklist(password: string, context: PasswordContext) {
  const el = document.createElement('div');
  render(html`${passwordChecklist({ password, context, t })}`, el);
  const item = el.querySelector<HTMLElement>('li[data-rule="not-common"]')!;
  return {
    state: item.dataset['met'],
    mark: item.querySelector('.mark')!.textContent,
    said: item.querySelector(':scope > span:not(.mark)')!.textContent,
    cant: el.querySelector('#password-rules-cant + ul')!.contains(item),
  };
}

describe('passwordChecklist: "A common or breached password"', () => {
  const isCommon = commonPasswordCheck(['summer', 'password']);

  it('pending (neutral, "being checked") until the check is there', async () => {
    const r = checklist('Summer2026!', { isCommon: null });
    expect(r).to.deep.equal({
      state: 'pending',
      mark: '…',
      said: 'A common or breached password: being checked',
      cant: true,
    });
  });

  it('then not met for a common password, met for another: pending → failed → met', async () => {
    expect(checklist('Summer2026!', {}).state).to.equal('pending');
    const failed = checklist('Summer2026!', { isCommon });
    expect(failed).to.include({ state: 'false', mark: '•' });
    expect(failed.said).to.equal('A common or breached password: not met');
    const met = checklist('Zebra-Quilt-93!', { isCommon });
    expect(met).to.include({ state: 'true', mark: '✓' });
    expect(met.said).to.equal('A common or breached password: met');
  });
});
