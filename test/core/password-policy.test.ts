import { expect } from '@open-wc/testing';
import {
  evaluatePassword,
  failedPasswordRules,
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULES,
} from '../../src/core/password-policy.js';
import {
  commonPasswordCheck,
  loadCommonPasswordCheck,
  passwordCores,
} from '../../src/core/common-passwords.js';

const ctx = { username: 'plantop7', firstName: 'Jane', lastName: 'Doe' };

describe('core/password-policy', () => {
  it('is data: five "must have" and five "can\'t have" rules, history of 10', () => {
    expect(PASSWORD_RULES.filter((r) => r.kind === 'must').map((r) => r.id)).to.deep.equal([
      'length',
      'uppercase',
      'lowercase',
      'digit',
      'special',
    ]);
    expect(PASSWORD_RULES.filter((r) => r.kind === 'cant').map((r) => r.id)).to.deep.equal([
      'no-username',
      'no-name',
      'no-triple',
      'no-edge-space',
      'not-common',
    ]);
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_HISTORY_SIZE]).to.deep.equal([
      8, 64, 10,
    ]);
  });

  it('accepts a password that meets every rule', () => {
    expect(failedPasswordRules('Blue-Sky-2026!', ctx)).to.deep.equal([]);
    expect(evaluatePassword('Blue-Sky-2026!', ctx).every((r) => r.ok)).to.equal(true);
  });

  it('reports each rule on its own', () => {
    const cases: [string, string[]][] = [
      ['Bs-2026!', []],
      ['Bs-206!', ['length']],
      [`B-2${'s'.repeat(30)}${'t'.repeat(31)}!`, ['no-triple', 'length']],
      ['blue-sky-2026!', ['uppercase']],
      ['BLUE-SKY-2026!', ['lowercase']],
      ['Blue-Sky-Rain!', ['digit']],
      ['BlueSky2026', ['special']],
      ['PlanTop7-Go!', ['no-username']],
      ['Janedoe1-Plan!', ['no-name']],
      ['Jane-Plans-26!', ['no-name']],
      ['Plan-DOE-2026!', ['no-name']],
      ['Blue-Skyyy-26!', ['no-triple']],
      [' Blue-Sky-26!', ['no-edge-space']],
      ['Blue-Sky-26! ', ['no-edge-space']],
    ];
    for (const [pw, failed] of cases) {
      expect(failedPasswordRules(pw, ctx).sort(), pw).to.deep.equal([...failed].sort());
    }
  });

  it('counts length in characters, so emoji count once', () => {
    expect(failedPasswordRules('Ab1!😀😀😀x', ctx)).to.deep.equal(['no-triple']);
    expect(failedPasswordRules('Ab1!😀x😀y', ctx)).to.deep.equal([]);
    expect(failedPasswordRules('Ab1!😀x😀', ctx)).to.deep.equal(['length']);
  });

  it('without context, the name rules pass', () => {
    expect(failedPasswordRules('Janedoe1-Plan!')).to.deep.equal([]);
  });

  it('not-common: pending without the check, failed or met with it', () => {
    const without = evaluatePassword('Password1!', ctx).find((r) => r.id === 'not-common');
    expect(without).to.deep.equal({ id: 'not-common', kind: 'cant', ok: true, pending: true });
    expect(failedPasswordRules('Password1!', ctx)).to.deep.equal([]);
    const isCommon = commonPasswordCheck(['password', 'summer', 'letmein']);
    expect(failedPasswordRules('Password1!', { ...ctx, isCommon })).to.deep.equal(['not-common']);
    const met = evaluatePassword('Blue-Sky-2026!', { ...ctx, isCommon });
    expect(met.find((r) => r.id === 'not-common')).to.deep.equal({
      id: 'not-common',
      kind: 'cant',
      ok: true,
    });
  });
});

describe('core/common-passwords', () => {
  it('looks a password up by its core: case, decorations and substitutions undone', () => {
    expect(passwordCores('P@ssw0rd2024!')).to.include('password');
    expect(passwordCores('Summer2026!')).to.include('summer');
    expect(passwordCores('123!ab')).to.deep.equal(['123!ab']);
    const isCommon = commonPasswordCheck(['password', 'summer', 'dragon']);
    for (const pw of ['Password1!', 'P@ssw0rd2024!', 'Summer2026!', '!!Dragon99', 'PASSWORD']) {
      expect(isCommon(pw), pw).to.equal(true);
    }
    for (const pw of ['Blue-Sky-2026!', 'Passwords-Galore-7', 'Dragonfly-Tea-9!']) {
      expect(isCommon(pw), pw).to.equal(false);
    }
  });

  it('loads the breach dictionary once, and it refuses what spraying lists try first', async () => {
    const first = loadCommonPasswordCheck();
    expect(loadCommonPasswordCheck()).to.equal(first);
    const isCommon = await first;
    for (const pw of ['Password1!', 'Summer2026!', 'Qwerty123!', 'Iloveyou1!', 'Welcome1!']) {
      expect(isCommon(pw), pw).to.equal(true);
    }
    for (const pw of ['Blue-Sky-2026!', 'Demo-Producer-2026!', 'Help-Desk-Demo-2026!']) {
      expect(isCommon(pw), pw).to.equal(false);
    }
  });
});
