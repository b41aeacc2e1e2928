/**
 * Account enumeration: an attacker who types a username or email into Forgot Username, Forgot
 * Password / Create Password (Find Account → Send Code → Verify Code) or Login learns nothing
 * about whether the account exists. Each scenario runs twice on identically prepared adapters,
 * once with an existing account and once with an unknown one; the JSON of every answer (random
 * ids and masked destinations replaced by their shape) and the events seen must be identical.
 * Messages may go to the real owner's own address (that tells the attacker nothing); an unknown
 * account never causes a message.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { HOUR, MINUTE, SECOND } from '../../src/core/clock.js';
import { activeDelegate, delegateInput, makeAdapter } from '../support/hardening.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MASKED_EMAIL = /^[^•@\s]•••@[^•@\s]•••(\.[^.•@\s]+)?$/;
const MASKED_PHONE = /^•••-•••-\d{4}$/;

/** Replace values that are random by nature with their shape. */
function shape(value: unknown): unknown {
  if (typeof value === 'string') {
    if (TOKEN.test(value)) return '<token43>';
    if (MASKED_EMAIL.test(value)) return '<masked-email>';
    if (MASKED_PHONE.test(value)) return '<masked-phone>';
    return value;
  }
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value;
}

interface Trace {
  answers: string[];
  /** `outbox` events: recipients of messages sent during the scenario. */
  recipients: string[];
  /** `change` events fired during the scenario. */
  changes: number;
}

/** Run `steps` against `adapter`, recording each answer (shaped JSON) and the adapter's events. */
async function trace(
  adapter: MemoryAdapter,
  steps: (call: (p: Promise<unknown>) => Promise<unknown>) => Promise<void>,
): Promise<Trace> {
  const t: Trace = { answers: [], recipients: [], changes: 0 };
  const onOutbox = (e: CustomEvent<{ to: string }>) => t.recipients.push(e.detail.to);
  const onChange = () => (t.changes += 1);
  adapter.addEventListener('outbox', onOutbox);
  adapter.addEventListener('change', onChange);
  try {
    await steps(async (p) => {
      try {
        const value = await p;
        t.answers.push(JSON.stringify({ ok: shape(value) }));
        return value;
      } catch (e) {
        if (!(e instanceof AdapterError)) throw e;
        t.answers.push(JSON.stringify({ error: e.code, data: shape(e.data) }));
        return null;
      }
    });
  } finally {
    adapter.removeEventListener('outbox', onOutbox);
    adapter.removeEventListener('change', onChange);
  }
  return t;
}

/** Two adapters prepared the same way (one active delegate each, same clock). */
async function pair() {
  const start = Date.now();
  const a = makeAdapter(start);
  const b = makeAdapter(start);
  const input = delegateInput();
  await activeDelegate(a.adapter, input);
  await activeDelegate(b.adapter, input);
  // Past the send throttle of the set-up (it used the create-password flow once).
  a.clock.advance(HOUR);
  b.clock.advance(HOUR);
  return { a, b, input };
}

describe('hardening / enumeration', () => {
  it('shape() keeps what matters: real masked values and tokens are recognised', () => {
    expect(shape('d•••@e•••.com')).to.equal('<masked-email>');
    expect(shape('a•••@g•••.com')).to.equal('<masked-email>');
    expect(shape('x•••@c•••.net')).to.equal('<masked-email>');
    expect(shape('•••-•••-0101')).to.equal('<masked-phone>');
    expect(shape('jane@example.com')).to.equal('jane@example.com');
    expect(shape({ n: 1, s: 'plain' })).to.deep.equal({ n: 1, s: 'plain' });
  });

  it('Forgot Username: the same answers and throttle for a known and an unknown email', async () => {
    const { a, b, input } = await pair();
    const scenario =
      (adapter: MemoryAdapter, clock: { advance(ms: number): void }, email: string) =>
      async (call: (p: Promise<unknown>) => Promise<unknown>) => {
        await call(adapter.forgotUsername({ email }));
        await call(adapter.forgotUsername({ email })); // within 30 s: throttled
        clock.advance(30 * SECOND);
        await call(adapter.forgotUsername({ email: email.toUpperCase() }));
      };
    const known = await trace(a.adapter, scenario(a.adapter, a.clock, input.email));
    const unknown = await trace(b.adapter, scenario(b.adapter, b.clock, 'nobody.here@example.com'));
    expect(unknown.answers).to.deep.equal(known.answers);
    expect(known.answers[1]).to.contain('RATE_LIMITED');
    // The owner gets their reminders; the unknown address gets nothing at all.
    expect(known.recipients).to.deep.equal([input.email, input.email]);
    expect(unknown.recipients).to.deep.equal([]);
  });

  for (const purpose of ['reset', 'create'] as const) {
    it(`Find Account (${purpose}) → Send Code → Verify Code: identical for known and unknown usernames`, async () => {
      const { a, b, input } = await pair();
      const scenario =
        (adapter: MemoryAdapter, clock: { advance(ms: number): void }, username: string) =>
        async (call: (p: Promise<unknown>) => Promise<unknown>) => {
          const flow = (await call(adapter.findAccount({ username, purpose }))) as {
            flowId: string;
          };
          await call(adapter.sendCode({ flowId: flow.flowId, channel: 'email' }));
          await call(adapter.sendCode({ flowId: flow.flowId, channel: 'email' })); // throttled
          await call(adapter.sendCode({ flowId: flow.flowId, channel: 'sms' }));
          for (let i = 0; i < 6; i++) {
            await call(adapter.verifyCode({ flowId: flow.flowId, code: 'ABCDEFGH' }));
          }
          await call(adapter.setPassword({ flowId: flow.flowId, password: 'Brand-New-Pass-9!' }));
          clock.advance(31 * MINUTE);
          await call(adapter.sendCode({ flowId: flow.flowId, channel: 'email' })); // flow expired
        };
      const known = await trace(a.adapter, scenario(a.adapter, a.clock, input.username));
      const unknown = await trace(b.adapter, scenario(b.adapter, b.clock, 'ghostuser77'));
      expect(unknown.answers).to.deep.equal(known.answers);
      expect(unknown.changes).to.equal(known.changes);
      expect(known.answers.join('\n')).to.contain('CODE_ATTEMPTS_EXCEEDED');
      // The owner receives the two codes; for the unknown username nothing is sent anywhere.
      expect(known.recipients).to.have.length(2);
      expect(unknown.recipients).to.deep.equal([]);
    });
  }

  it('Find Account: an unknown username gets the same placeholder every time (no tell-tale randomness)', async () => {
    const { adapter } = makeAdapter();
    const one = await adapter.findAccount({ username: 'ghostuser77', purpose: 'reset' });
    const two = await adapter.findAccount({ username: 'GhostUser77', purpose: 'reset' });
    expect(one.destinations).to.deep.equal(two.destinations);
    expect(one.flowId).to.not.equal(two.flowId);
  });

  it('Login: an unknown username, an invited delegate without a password and a wrong password look the same, lockout included', async () => {
    const { adapter: base, clock } = makeAdapter();
    await seedDemo(base);
    await base.admin.signIn(DEMO_PRODUCER.username);
    const invited = delegateInput();
    await base.addDelegate(invited); // no password yet
    await base.logout();
    const active = await activeDelegate(base);
    const scenario =
      (username: string) => async (call: (p: Promise<unknown>) => Promise<unknown>) => {
        for (let i = 0; i < 6; i++) {
          await call(base.login({ username, password: `Wrong-Guess-${i}!` }));
        }
      };
    const t0 = clock.now();
    const results = [
      await trace(base, scenario(active.username)),
      await trace(base, scenario(invited.username)),
      await trace(base, scenario('ghostuser77')),
    ];
    expect(clock.now()).to.equal(t0);
    expect(results[1]!.answers).to.deep.equal(results[0]!.answers);
    expect(results[2]!.answers).to.deep.equal(results[0]!.answers);
    for (const r of results) {
      expect(r.recipients).to.deep.equal([]);
      expect(r.changes).to.equal(results[0]!.changes);
    }
    expect(results[0]!.answers[5]).to.contain('ACCOUNT_LOCKED');
  });

  it('Help desk: a caller without a help-desk session gets the same refusal for a known and an unknown username', async () => {
    const { adapter } = makeAdapter();
    await seedDemo(adapter);
    const { username } = await activeDelegate(adapter);
    await adapter.logout();
    const scenario = (name: string) => async (call: (p: Promise<unknown>) => Promise<unknown>) => {
      await call(adapter.unlockAccount({ username: name }));
      await call(adapter.resetTypingPattern({ username: name }));
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      await call(adapter.unlockAccount({ username: name }));
      await call(adapter.resetTypingPattern({ username: name }));
      await adapter.logout();
    };
    const known = await trace(adapter, scenario(username));
    const unknown = await trace(adapter, scenario('ghostuser77'));
    expect(unknown.answers).to.deep.equal(known.answers);
    expect(unknown.changes).to.equal(known.changes);
    expect(known.answers.map((a) => JSON.parse(a).error)).to.deep.equal([
      'NOT_AUTHENTICATED',
      'NOT_AUTHENTICATED',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });

  it('Device check: a known and an unknown username with any token answer the same', async () => {
    const { adapter } = makeAdapter();
    const { username } = await activeDelegate(adapter);
    const scenario = (name: string) => async (call: (p: Promise<unknown>) => Promise<unknown>) => {
      for (const deviceToken of ['', 'forged', 'A'.repeat(43)]) {
        await call(adapter.checkDevice({ username: name, deviceToken }));
      }
    };
    const known = await trace(adapter, scenario(username));
    const unknown = await trace(adapter, scenario('ghostuser77'));
    expect(unknown).to.deep.equal(known);
    expect(known.answers).to.deep.equal(Array(3).fill(JSON.stringify({ ok: { valid: false } })));
  });

  it('Login: empty fields are refused the same way whoever is asked', async () => {
    const { adapter } = makeAdapter();
    const { username } = await activeDelegate(adapter);
    const t = await trace(adapter, async (call) => {
      await call(adapter.login({ username, password: '' }));
      await call(adapter.login({ username: 'ghostuser77', password: '' }));
    });
    expect(t.answers[0]).to.equal(t.answers[1]);
    expect(t.answers[0]).to.contain('VALIDATION');
  });
});
