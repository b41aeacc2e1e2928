import { expect } from '@open-wc/testing';
import { AdapterError, type AdapterErrorCode } from '../../../src/adapter/errors.js';
import type { Passkey } from '../../../src/adapter/types.js';
import {
  canRetry,
  created,
  initialPasskeyOffer,
  OFFER_SNOOZE_MS,
  parseOfferRecord,
  passkeyOfferTransition,
  shouldOffer,
  snoozed,
  type PasskeyOfferEvent,
  type PasskeyOfferState,
  type PasskeyProblem,
} from '../../../src/elements/passkey-offer/passkey-offer.machine.js';

const next = passkeyOfferTransition;
const run = (s: PasskeyOfferState, ...events: PasskeyOfferEvent[]) => events.reduce(next, s);
const PK: Passkey = { id: 'cred-1', name: 'Passkey on Linux', createdAt: 1, lastUsedAt: null };
const offer = () => run(initialPasskeyOffer(), { type: 'START', offer: true });
const creating = () => next(offer(), { type: 'CREATE' });
const web = (reason: Exclude<PasskeyProblem & { kind: 'webauthn' }, never>['reason']) =>
  ({ kind: 'webauthn', reason }) as PasskeyProblem;
const adapter = (code: AdapterErrorCode) =>
  ({ kind: 'adapter', error: new AdapterError(code, {} as never) }) as PasskeyProblem;

const ALL_EVENTS: PasskeyOfferEvent[] = [
  { type: 'START', offer: true },
  { type: 'START', offer: false },
  { type: 'CREATE' },
  { type: 'CREATED', passkey: PK },
  { type: 'FAILED', problem: web('cancelled') },
  { type: 'ABORTED' },
  { type: 'NOT_NOW' },
  { type: 'FINISH' },
];

describe('passkey-offer.machine: the device record', () => {
  const NOW = 1_000_000_000_000;

  it('offers when nothing is recorded', () => {
    expect(shouldOffer(null, NOW)).to.equal(true);
    expect(shouldOffer({}, NOW)).to.equal(true);
  });

  it('Not now keeps the offer away for exactly 30 days', () => {
    const r = snoozed(null, NOW);
    expect(r).to.deep.equal({ snoozedUntil: NOW + OFFER_SNOOZE_MS });
    expect(OFFER_SNOOZE_MS).to.equal(30 * 24 * 3600 * 1000);
    expect(shouldOffer(r, NOW)).to.equal(false);
    expect(shouldOffer(r, NOW + OFFER_SNOOZE_MS - 1)).to.equal(false);
    expect(shouldOffer(r, NOW + OFFER_SNOOZE_MS)).to.equal(true);
  });

  it('never offers again once a passkey was created on this device', () => {
    const r = created(snoozed(null, NOW));
    expect(r.created).to.equal(true);
    expect(shouldOffer(r, NOW + 10 * OFFER_SNOOZE_MS)).to.equal(false);
    expect(shouldOffer(created(null), NOW)).to.equal(false);
  });

  it('reads only well-formed records (anything else counts as none)', () => {
    expect(parseOfferRecord(null)).to.equal(null);
    expect(parseOfferRecord('')).to.equal(null);
    expect(parseOfferRecord('{oops')).to.equal(null);
    expect(parseOfferRecord('42')).to.equal(null);
    expect(parseOfferRecord('null')).to.equal(null);
    expect(parseOfferRecord('{"snoozedUntil":"soon","created":"yes"}')).to.deep.equal({});
    expect(
      parseOfferRecord(JSON.stringify({ snoozedUntil: 5, created: true, x: 1 })),
    ).to.deep.equal({ snoozedUntil: 5, created: true });
  });
});

describe('passkey-offer.machine: transitions', () => {
  it('starts idle; START offers or ends as not-offered', () => {
    expect(initialPasskeyOffer()).to.deep.equal({ step: 'idle' });
    expect(offer()).to.deep.equal({ step: 'offer', problem: null });
    expect(next(initialPasskeyOffer(), { type: 'START', offer: false })).to.deep.equal({
      step: 'done',
      outcome: 'not-offered',
    });
  });

  it('START is taken once', () => {
    const s = offer();
    expect(next(s, { type: 'START', offer: false })).to.equal(s);
  });

  it('CREATE → creating → CREATED → created → FINISH → done (created)', () => {
    const c = creating();
    expect(c).to.deep.equal({ step: 'creating' });
    const ok = next(c, { type: 'CREATED', passkey: PK });
    expect(ok).to.deep.equal({ step: 'created', passkey: PK });
    expect(next(ok, { type: 'FINISH' })).to.deep.equal({ step: 'done', outcome: 'created' });
  });

  it('a failure goes back to the offer with its problem; Create is possible again when retryable', () => {
    const failed = next(creating(), { type: 'FAILED', problem: web('cancelled') });
    expect(failed).to.deep.equal({ step: 'offer', problem: web('cancelled') });
    expect(next(failed, { type: 'CREATE' })).to.deep.equal({ step: 'creating' });
    const network = next(creating(), { type: 'FAILED', problem: adapter('NETWORK') });
    expect(next(network, { type: 'CREATE' })).to.deep.equal({ step: 'creating' });
  });

  it('a failure that retrying cannot fix does not create again', () => {
    for (const problem of [
      web('already-registered'),
      web('unsupported'),
      web('security'),
      adapter('NOT_AUTHENTICATED'),
      adapter('FORBIDDEN'),
      adapter('NOT_FOUND'),
    ]) {
      const s = next(creating(), { type: 'FAILED', problem });
      expect(next(s, { type: 'CREATE' }), JSON.stringify(problem)).to.equal(s);
      // Not now (worded Continue) still ends it.
      expect(next(s, { type: 'NOT_NOW' })).to.deep.equal({ step: 'done', outcome: 'dismissed' });
    }
  });

  it('canRetry: cancelled, failed and most adapter errors yes; the rest no', () => {
    expect(canRetry(null)).to.equal(true);
    expect(canRetry(web('cancelled'))).to.equal(true);
    expect(canRetry(web('failed'))).to.equal(true);
    expect(canRetry(web('already-registered'))).to.equal(false);
    expect(canRetry(web('unsupported'))).to.equal(false);
    expect(canRetry(web('security'))).to.equal(false);
    expect(canRetry(adapter('NETWORK'))).to.equal(true);
    expect(canRetry(adapter('PASSKEY_REJECTED'))).to.equal(true);
    expect(canRetry(adapter('RATE_LIMITED'))).to.equal(true);
    expect(canRetry(adapter('NOT_AUTHENTICATED'))).to.equal(false);
  });

  it('ABORTED (element removed mid-dialog) goes back to the offer without a message', () => {
    expect(next(creating(), { type: 'ABORTED' })).to.deep.equal({ step: 'offer', problem: null });
  });

  it('Not now from the offer → done (dismissed); not while creating', () => {
    expect(next(offer(), { type: 'NOT_NOW' })).to.deep.equal({
      step: 'done',
      outcome: 'dismissed',
    });
    const c = creating();
    expect(next(c, { type: 'NOT_NOW' })).to.equal(c);
  });

  it('every event outside its step leaves the state as it is', () => {
    const accepts: Record<string, string[]> = {
      idle: ['START'],
      offer: ['CREATE', 'NOT_NOW'],
      creating: ['CREATED', 'FAILED', 'ABORTED'],
      created: ['FINISH'],
      done: [],
    };
    const states: PasskeyOfferState[] = [
      initialPasskeyOffer(),
      offer(),
      creating(),
      next(creating(), { type: 'CREATED', passkey: PK }),
      { step: 'done', outcome: 'dismissed' },
    ];
    for (const s of states) {
      for (const e of ALL_EVENTS) {
        const after = next(s, e);
        if (!accepts[s.step]!.includes(e.type)) expect(after, `${s.step} + ${e.type}`).to.equal(s);
        else expect(after, `${s.step} + ${e.type}`).to.not.equal(s);
      }
    }
  });
});
