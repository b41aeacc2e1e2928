import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { commonPasswordCheck } from '../../src/core/common-passwords.js';
import type { PasswordContext } from '../../src/core/password-policy.js';
import { passwordEn } from '../../src/i18n/password.en.js';
import { passwordChecklist } from '../../src/shared/password-checklist.js';
import { es } from '../../src/locales/es.js';

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
    expect(failed).to.include({ state: 'false', mark: '✗' });
    expect(failed.said).to.equal('A common or breached password: not met');
    const met = checklist('Zebra-Quilt-93!', { isCommon });
    expect(met).to.include({ state: 'true', mark: '✓' });
    expect(met.said).to.equal('A common or breached password: met');
  });
});

/** Each rule as [rule, data-met, mark, what a screen reader hears after the rule's name]. */
function rules(password: string, o: { showFailed?: boolean; tr?: typeof t } = {}) {
  const el = document.createElement('div');
  const context = { username: 'janedoe01', isCommon: commonPasswordCheck(['password']) };
  render(
    html`${passwordChecklist({ password, context, t: o.tr ?? t, showFailed: !!o.showFailed })}`,
    el,
  );
  return [...el.querySelectorAll<HTMLElement>('li[data-met]')].map((li) => [
    li.dataset['rule'],
    li.dataset['met'],
    li.querySelector('.mark')!.textContent,
    li.querySelector('.visually-hidden')!.textContent!.replace(/^: /, ''),
  ]);
}

describe('passwordChecklist: what failed (issue 23 item 8)', () => {
  it('an empty password: no ✓ anywhere, "Can\'t Have" rules are "not checked yet"', () => {
    const all = rules('');
    expect(all.filter(([, , mark]) => mark === '✓')).to.deep.equal([]);
    expect(all.filter(([, state]) => state === 'true')).to.deep.equal([]);
    expect(all.find(([rule]) => rule === 'no-username')).to.deep.equal([
      'no-username',
      'unchecked',
      '•',
      'not checked yet',
    ]);
    expect(all.find(([rule]) => rule === 'length')).to.deep.equal([
      'length',
      'false',
      '•',
      'not met',
    ]);
  });

  it('Spanish: the same states in Spanish', () => {
    const tr = (key: string) => (es as Record<string, string>)[key] ?? key;
    const all = rules('', { tr });
    expect(all.find(([rule]) => rule === 'no-username')![3]).to.equal('todavía sin comprobar');
    expect(all.find(([rule]) => rule === 'length')![3]).to.equal('no cumplido');
  });

  it('after a failed submit (showFailed) every broken rule is ✗, distinct from the dot', () => {
    const before = rules('abc');
    const after = rules('abc', { showFailed: true });
    expect(before.find(([rule]) => rule === 'uppercase')).to.deep.equal([
      'uppercase',
      'false',
      '•',
      'not met',
    ]);
    expect(after.find(([rule]) => rule === 'uppercase')).to.deep.equal([
      'uppercase',
      'false',
      '✗',
      'not met',
    ]);
    expect(after.find(([rule]) => rule === 'lowercase')).to.deep.equal([
      'lowercase',
      'true',
      '✓',
      'met',
    ]);
    // Empty, after a failed submit: Must Have is ✗, Can't Have still has nothing to check.
    const empty = rules('', { showFailed: true });
    expect(empty.find(([rule]) => rule === 'length')![2]).to.equal('✗');
    expect(empty.find(([rule]) => rule === 'no-triple')!.slice(1)).to.deep.equal([
      'unchecked',
      '•',
      'not checked yet',
    ]);
  });

  it('a broken "Can\'t Have" rule is ✗ at once; a kept one is ✓ "met"', () => {
    const all = rules('janedoe01X!');
    expect(all.find(([rule]) => rule === 'no-username')).to.deep.equal([
      'no-username',
      'false',
      '✗',
      'not met',
    ]);
    expect(all.find(([rule]) => rule === 'no-triple')).to.deep.equal([
      'no-triple',
      'true',
      '✓',
      'met',
    ]);
  });
});
