import { expect } from '@open-wc/testing';
import {
  normalizeUsMobile,
  validateEmail,
  validateName,
  validateStates,
  validateUsername,
  normalizeCode,
  stateListConverter,
} from '../../src/core/validation.js';

describe('core/validation', () => {
  it('username: 7+ ASCII letters or digits', () => {
    expect(validateUsername('')).to.equal('required');
    expect(validateUsername('abc123')).to.equal('too-short');
    expect(validateUsername('abc1234')).to.equal(null);
    expect(validateUsername('abc_1234')).to.equal('invalid-characters');
    expect(validateUsername('jösé1234')).to.equal('invalid-characters');
    expect(validateUsername('a'.repeat(65))).to.equal('too-long');
  });

  it('email', () => {
    expect(validateEmail('')).to.equal('required');
    expect(validateEmail('jane@example.com')).to.equal(null);
    expect(validateEmail(' jane.doe+x@mail.example.org ')).to.equal(null);
    for (const bad of [
      'jane',
      'jane@',
      '@x.com',
      'a@b',
      'a b@x.com',
      'a@@x.com',
      'a@x.c',
      'a..b@x.com',
      'a@-x.com',
    ]) {
      expect(validateEmail(bad), bad).to.equal('invalid-email');
    }
  });

  it('names: Unicode letters, spaces, hyphens, apostrophes', () => {
    expect(validateName("  María-José O'Neil ")).to.equal(null);
    expect(validateName('   ')).to.equal('required');
    expect(validateName('<script>')).to.equal('invalid-characters');
    expect(validateName('Jane3')).to.equal('invalid-characters');
  });

  it('US mobile numbers in the ways people type them', () => {
    for (const v of [
      '(312) 555-0101',
      '312.555.0101',
      '+1 312 555 0101',
      '1-312-555-0101',
      '3125550101',
    ]) {
      expect(normalizeUsMobile(v), v).to.equal('+13125550101');
    }
    for (const v of [
      '555-0101',
      '(012) 555-0101',
      '+44 20 7946 0958',
      '312555010',
      'abc',
      '312 155 0101',
    ]) {
      expect(normalizeUsMobile(v), v).to.equal(null);
    }
  });

  it('states: non-empty subset of the allowed ones', () => {
    expect(validateStates([])).to.equal('required');
    expect(validateStates(['IL', 'TX'])).to.equal(null);
    expect(validateStates(['CA'])).to.equal('invalid-state');
    expect(validateStates(['IL', 'IL'])).to.equal('invalid-state');
    expect(validateStates(['TX'], ['IL'])).to.equal('not-allowed');
  });

  it('state-list attributes: codes in any case, spaces or commas; unknown dropped; none = all', () => {
    expect(stateListConverter.fromAttribute('tx, il')).to.deep.equal(['IL', 'TX']);
    expect(stateListConverter.fromAttribute('IL CA  nm')).to.deep.equal(['IL', 'NM']);
    expect(stateListConverter.fromAttribute('')).to.deep.equal([]);
    expect(stateListConverter.fromAttribute(null)).to.deep.equal(['IL', 'MT', 'NM', 'OK', 'TX']);
    expect(stateListConverter.toAttribute(['IL', 'TX'])).to.equal('IL TX');
  });

  it('codes are normalised to upper case without spaces', () => {
    expect(normalizeCode(' ab2c-d3ef 4g ')).to.equal('AB2CD3EF4G');
  });
});
