import { expect } from '@open-wc/testing';
import {
  MASK,
  maskEmail,
  maskParts,
  maskPhone,
  placeholderEmail,
  placeholderPhone,
} from '../../src/core/mask.js';

const EMAIL_SHAPE = /^[^•@]•••@[^•@]•••(\.[^.•@]+)?$/;
const PHONE_SHAPE = /^•••-•••-\d{4}$/;

describe('core/mask', () => {
  it('email: the first character of the local part and of the domain, and the last label', () => {
    expect(MASK).to.equal('•••');
    expect(maskEmail('jane.doe@example.com')).to.equal('j•••@e•••.com');
    expect(maskEmail('xyzname@email.com')).to.equal('x•••@e•••.com');
    expect(maskEmail('pat@mail.agency.co.uk')).to.equal('p•••@m•••.uk');
    expect(maskEmail('a@x.org')).to.equal('a•••@x•••.org');
    // Lower case, so a real address's capital cannot tell it from a placeholder.
    expect(maskEmail(' Pat.Morgan@Agency.Example ')).to.equal('p•••@a•••.example');
  });

  it('email: the same shape, whatever the length, so a mask reveals no length', () => {
    const masks = ['ab', 'abc', 'abcd', 'abcdefghijklmnopqrstuvwxyz'].map((local) =>
      maskEmail(`${local}@example.com`),
    );
    expect(new Set(masks)).to.deep.equal(new Set(['a•••@e•••.com']));
    expect(maskEmail('a@e.com')).to.equal(maskEmail('alexandra.b@enterprise-mail.com'));
    for (const m of masks) expect(m).to.match(EMAIL_SHAPE);
  });

  it('email: malformed input never shows more than the first character of each part', () => {
    expect(maskEmail('no-at-sign')).to.equal('n•••@•••');
    expect(maskEmail('@example.com')).to.equal('•••@e•••.com');
    expect(maskEmail('user@localhost')).to.equal('u•••@l•••');
    expect(maskEmail('user@host.')).to.equal('u•••@h•••');
    expect(maskEmail('')).to.equal('•••@•••');
  });

  it('phone: the last 4 digits, always as •••-•••-NNNN', () => {
    expect(maskPhone('+13125550101')).to.equal('•••-•••-0101');
    expect(maskPhone('+13125550001')).to.equal('•••-•••-0001');
    expect(maskPhone('(312) 555-0101')).to.equal('•••-•••-0101');
    expect(maskPhone('3125550101')).to.equal('•••-•••-0101');
    expect(maskPhone('+13125550101')).to.match(PHONE_SHAPE);
  });

  it('placeholders: drawn from the same shapes as real masks, stable for the same bytes', () => {
    const domains = ['gmail.com', 'yahoo.com', 'comcast.net'];
    const seen = new Set<string>();
    const phones = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const bytes = new Uint8Array(32);
      crypto.getRandomValues(bytes);
      const email = placeholderEmail(bytes, domains);
      expect(email).to.match(/^[a-z]•••@[gyc]•••\.(com|net)$/);
      expect(placeholderEmail(bytes, domains)).to.equal(email);
      seen.add(email);
      const phone = placeholderPhone(bytes);
      expect(phone).to.match(PHONE_SHAPE);
      expect(placeholderPhone(bytes)).to.equal(phone);
      phones.add(phone);
    }
    // 26 initials × 3 domains: 200 draws land on many of them.
    expect(seen.size).to.be.greaterThan(30);
    expect(phones.size).to.be.greaterThan(150);
  });

  it('placeholders: a given digest maps to a known mask; a placeholder equals the mask of its address', () => {
    const bytes = new Uint8Array([0, 0, 0, 9, 0, 0, 0, 1, 0xff]);
    expect(placeholderEmail(bytes, ['gmail.com', 'yahoo.com'])).to.equal('j•••@y•••.com');
    expect(placeholderEmail(bytes, ['gmail.com', 'yahoo.com'])).to.equal(
      maskEmail('jane.doe@yahoo.com'),
    );
    // 0x00000009 → 0009; 0x0001E240 (123456) → 3456.
    expect(placeholderPhone(new Uint8Array([0, 0, 0, 9]))).to.equal('•••-•••-0009');
    expect(placeholderPhone(new Uint8Array([0, 1, 0xe2, 0x40]))).to.equal('•••-•••-3456');
    expect(placeholderPhone(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).to.equal(
      `•••-•••-${4294967295 % 10000}`,
    );
  });

  it('placeholders: refuse too few bytes or no domain', () => {
    expect(() => placeholderEmail(new Uint8Array(7), ['gmail.com'])).to.throw(RangeError);
    expect(() => placeholderEmail(new Uint8Array(8), [])).to.throw(RangeError);
    expect(() => placeholderPhone(new Uint8Array(3))).to.throw(RangeError);
  });

  it('maskParts: reads the visible parts of both shapes, and nothing else', () => {
    expect(maskParts(maskEmail('jane.doe@example.com'))).to.deep.equal({
      kind: 'email',
      local: 'j',
      domain: 'e',
      tld: '.com',
    });
    expect(maskParts('a•••@x•••')).to.deep.equal({
      kind: 'email',
      local: 'a',
      domain: 'x',
      tld: '',
    });
    expect(maskParts(maskPhone('+13125550101'))).to.deep.equal({ kind: 'phone', last4: '0101' });
    for (const other of [
      '',
      'xxxxxx0101',
      'jxxx@exxx.com',
      '•••@e•••.com',
      '•••-0101',
      'j•••@e•••.com.',
    ]) {
      expect(maskParts(other), other).to.equal(null);
    }
  });
});
