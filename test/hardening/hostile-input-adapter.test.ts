/**
 * Hostile input at the adapter: XSS payloads are refused by validation where a field has a
 * shape (usernames, names, emails, mobiles), and stored verbatim as plain data where it is free
 * text (issue reports, email local parts); extreme input gets a validation reason or a correct
 * result, never an exception of another kind and never a silent truncation.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapter/errors.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { latestLinkToken } from '../../src/adapter/memory/outbox.js';
import type { DelegateInput, IssueReport } from '../../src/adapter/types.js';
import { activeDelegate, delegateInput, failsWith, makeAdapter } from '../support/hardening.js';
import { EXTREME_INPUTS, HOSTILE_VALID_EMAILS, XSS_PAYLOADS } from './corpus.js';

const TEXT_FIELDS = ['username', 'email', 'firstName', 'lastName', 'mobile'] as const;

async function producer() {
  const made = makeAdapter();
  await seedDemo(made.adapter);
  await made.adapter.admin.signIn(DEMO_PRODUCER.username);
  return made;
}

function report(overrides: Partial<IssueReport>, now: number): IssueReport {
  return {
    description: 'Quote page shows an error',
    stepsTaken: 'Opened the quote page',
    agentName: 'Pat Morgan',
    producerId: 'P-100200',
    productType: 'MAPD',
    state: 'IL',
    observedAt: new Date(now).toISOString(),
    ...overrides,
  };
}

describe('hardening / hostile input (adapter)', () => {
  it('every XSS payload in every Add Delegate text field is refused with VALIDATION on that field; nothing stored or sent', async () => {
    const { adapter } = await producer();
    for (const payload of XSS_PAYLOADS) {
      for (const field of TEXT_FIELDS) {
        const input: DelegateInput = { ...delegateInput(), [field]: payload };
        const err = await failsWith(adapter.addDelegate(input), 'VALIDATION');
        expect(Object.keys(err.data.fields), `${field} = ${payload}`).to.deep.equal([field]);
      }
      // Payloads appended to a valid value are refused too (no prefix-only checks).
      for (const field of ['username', 'firstName', 'lastName'] as const) {
        const base = delegateInput();
        const input: DelegateInput = { ...base, [field]: `${base[field]}${payload}` };
        await failsWith(adapter.addDelegate(input), 'VALIDATION');
      }
    }
    expect(await adapter.listDelegates()).to.have.length(0);
    expect(adapter.outbox).to.have.length(0);
  });

  it('payloads in lookup fields: Forgot Username, Find Account refuse them; Login answers INVALID_CREDENTIALS', async () => {
    const { adapter } = makeAdapter();
    for (const payload of XSS_PAYLOADS) {
      const e1 = await failsWith(adapter.forgotUsername({ email: payload }), 'VALIDATION');
      expect(Object.keys(e1.data.fields)).to.deep.equal(['email']);
      const e2 = await failsWith(
        adapter.findAccount({ username: payload, purpose: 'reset' }),
        'VALIDATION',
      );
      expect(Object.keys(e2.data.fields)).to.deep.equal(['username']);
      // Login answers wrong credentials (or, after 5, locked) for the payload as a username…
      const err = await adapter.login({ username: payload, password: payload }).then(
        () => null,
        (e: AdapterError) => e.code,
      );
      expect(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']).to.include(err);
    }
    expect(adapter.outbox).to.have.length(0);
  });

  it('emails with quotes and template syntax that validation accepts are stored and returned verbatim, as data', async () => {
    const { adapter } = await producer();
    for (const email of HOSTILE_VALID_EMAILS) {
      const input = delegateInput({ email });
      const added = await adapter.addDelegate(input);
      expect(added.email).to.equal(email);
      const mail = adapter.outbox[adapter.outbox.length - 1]!;
      expect(mail.to).to.equal(email);
      expect(latestLinkToken(adapter, email)).to.match(/^[A-Za-z0-9_-]{43}$/);
    }
    const listed = (await adapter.listDelegates()).map((d) => d.email);
    expect(listed).to.deep.equal([...HOSTILE_VALID_EMAILS]);
  });

  it('issue reports: payloads in free text reach the support email verbatim (plain text, no expansion)', async () => {
    const { adapter, clock } = await producer();
    for (const payload of XSS_PAYLOADS) {
      const ticket = await adapter.reportIssue(
        report(
          {
            description: payload,
            stepsTaken: `before ${payload} after`,
            agentName: payload.slice(0, 200),
            clientName: payload.slice(0, 200),
          },
          clock.now(),
        ),
      );
      const mail = adapter.outbox[adapter.outbox.length - 1]!;
      expect(mail.subject).to.contain(ticket.ticketId);
      expect(mail.text).to.contain(`\n${payload}\n`);
      expect(mail.text).to.contain(`before ${payload} after`);
      expect(mail.text).to.contain(`Agent name: ${payload.slice(0, 200)}`);
      expect(mail.text).to.not.contain(adapter.helpDeskPhone); // {phone} was not expanded
    }
  });

  it('issue reports: a prototype key or a value of the wrong type is VALIDATION or ignored, never a crash; no ticket, nothing sent, before the report is valid', async () => {
    const { adapter, clock } = await producer();
    const before = adapter.outbox.length;
    const snapshot = () => JSON.parse(adapter.admin.snapshot()) as { tickets: unknown[] };
    const hostile = [
      JSON.parse('{"__proto__":{"clientName":5},"description":5}') as Partial<IssueReport>,
      { description: ['a'] } as unknown as Partial<IssueReport>,
      { observedAt: 5 } as unknown as Partial<IssueReport>,
      { screenshot: 'shot.png' } as unknown as Partial<IssueReport>,
      {
        screenshot: { name: 5, type: 'image/png', size: '2048' },
      } as unknown as Partial<IssueReport>,
      Object.create({ description: 'inherited' }) as Partial<IssueReport>,
    ];
    for (const overrides of hostile) {
      const input = { ...report({}, clock.now()), ...overrides };
      // Spread copies own properties only: an inherited description leaves the report's own.
      if (Object.getPrototypeOf(overrides) !== Object.prototype) {
        Object.setPrototypeOf(input, Object.getPrototypeOf(overrides));
        delete (input as Partial<IssueReport>).description;
      }
      await failsWith(adapter.reportIssue(input as IssueReport), 'VALIDATION');
    }
    expect(snapshot().tickets, 'no ticket written').to.deep.equal([]);
    expect(adapter.outbox.length, 'nothing sent').to.equal(before);
    // A number where an optional string goes is dropped, and the report goes through.
    const ticket = await adapter.reportIssue({
      ...report({}, clock.now()),
      clientName: 5 as unknown as string,
    });
    expect(snapshot().tickets).to.have.length(1);
    expect(adapter.outbox[adapter.outbox.length - 1]!.text).to.contain(ticket.ticketId);
  });

  it('extreme input in Add Delegate: a validation reason or a correct, untruncated result', async () => {
    const { adapter } = await producer();
    for (const { name, value } of EXTREME_INPUTS) {
      for (const field of TEXT_FIELDS) {
        const input: DelegateInput = { ...delegateInput(), [field]: value };
        try {
          const added = await adapter.addDelegate(input);
          // Accepted: the stored value is the typed one, normalised only as documented (trim,
          // NFC, inner spaces collapsed for names) — never cut.
          const stored = added[field];
          const expected =
            field === 'firstName' || field === 'lastName'
              ? value.normalize('NFC').trim().replace(/\s+/g, ' ')
              : value.trim();
          expect(stored, `${name} in ${field}`).to.equal(expected);
        } catch (e) {
          expect(e, `${name} in ${field}: ${String(e)}`).to.be.instanceOf(AdapterError);
          const err = e as AdapterError;
          expect(err.code, `${name} in ${field}`).to.be.oneOf(['VALIDATION', 'USERNAME_TAKEN']);
          if (err.is('VALIDATION')) expect(Object.keys(err.data.fields)).to.deep.equal([field]);
        }
      }
    }
    // The ones that must be refused are refused, for the right reason.
    const long = 'a'.repeat(10_000);
    const tooLong = await failsWith(
      adapter.addDelegate(delegateInput({ firstName: long })),
      'VALIDATION',
    );
    expect(tooLong.data.fields).to.deep.equal({ firstName: 'too-long' });
    const nul = await failsWith(
      adapter.addDelegate(delegateInput({ username: 'jane\u0000doe01' })),
      'VALIDATION',
    );
    expect(nul.data.fields).to.deep.equal({ username: 'invalid-characters' });
    // And the ones that must be accepted are: right-to-left and combined letters in names.
    const rtl = await adapter.addDelegate(
      delegateInput({ firstName: 'مريم', lastName: 'Zoe\u0308' }),
    );
    expect(rtl.firstName).to.equal('مريم');
    expect(rtl.lastName).to.equal('Zoë');
  });

  it('extreme passwords and usernames at login and set-password: typed errors only', async () => {
    const { adapter } = makeAdapter();
    const { username } = await activeDelegate(adapter);
    for (const { value } of EXTREME_INPUTS) {
      const a = await adapter.login({ username: value, password: 'x' }).then(
        () => 'ok',
        (e: unknown) => (e instanceof AdapterError ? e.code : `THREW ${String(e)}`),
      );
      expect(a).to.be.oneOf(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'VALIDATION']);
    }
    for (const { value } of EXTREME_INPUTS) {
      const b = await adapter.login({ username, password: value }).then(
        () => 'ok',
        (e: unknown) => (e instanceof AdapterError ? e.code : `THREW ${String(e)}`),
      );
      expect(b).to.be.oneOf(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    }
    // Hostile shapes (not strings at all) from a buggy or malicious caller: typed errors.
    const weird = [null, undefined, 42, {}, [], { toString: () => 'janedoe01' }];
    for (const w of weird) {
      const c = await adapter
        .findAccount({ username: w as unknown as string, purpose: 'reset' })
        .then(
          () => 'ok',
          (e: unknown) => (e instanceof AdapterError ? e.code : `THREW ${String(e)}`),
        );
      expect(c, String(w)).to.not.match(/^THREW/);
    }
  });
});
