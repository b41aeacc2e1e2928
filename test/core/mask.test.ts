import { expect } from '@open-wc/testing';
import { maskEmail, maskPhone } from '../../src/core/mask.js';

describe('core/mask', () => {
  it('email: keeps at most the last 3 characters of the local part, and the domain', () => {
    expect(maskEmail('jane.doe@example.com')).to.equal('xxxxxdoe@example.com');
    expect(maskEmail('xyzname@email.com')).to.equal('xxxxame@email.com');
    expect(maskEmail('abcdef@x.org')).to.equal('xxxdef@x.org');
    // Short local parts keep one character so the mask never shows the whole address.
    expect(maskEmail('jane@example.com')).to.equal('xxxe@example.com');
    expect(maskEmail('abc@example.com')).to.equal('xxc@example.com');
    // A one-character local part cannot be masked without hiding everything: it stays.
    expect(maskEmail('a@example.com')).to.equal('a@example.com');
    expect(maskEmail('no-at-sign')).to.equal('xxxxxxxxxx');
    expect(maskEmail('@example.com')).to.equal('xxxxxxxxxxxx');
  });

  it('email: the local part never appears whole when longer than one character', () => {
    for (const local of ['ab', 'abc', 'abcd', 'abcdefghij']) {
      const masked = maskEmail(`${local}@example.com`);
      expect(masked.startsWith(local)).to.equal(false);
      expect(masked.endsWith('@example.com')).to.equal(true);
      expect(masked.length).to.equal(local.length + '@example.com'.length);
    }
  });

  it('phone: the last 4 of the 10-digit number, as the spec shows (xxxxxx0001)', () => {
    expect(maskPhone('+13125550001')).to.equal('xxxxxx0001');
    expect(maskPhone('(312) 555-0101')).to.equal('xxxxxx0101');
    expect(maskPhone('3125550101')).to.equal('xxxxxx0101');
    expect(maskPhone('0101')).to.equal('0101');
  });
});
