/**
 * Rules and features of the reference in-memory adapter beyond the shared conformance suite:
 * persistence without secrets, events, options, admin API, the exact time limits, enumeration
 * resistance, serialisation of concurrent calls. PBKDF2 runs at 1 000 iterations for speed.
 */
import { expect } from '@open-wc/testing';
import { AdapterError, type AdapterErrorCode } from '../../src/adapter/errors.js';
import {
  MEMORY_LIMITS,
  MemoryAdapter,
  type MemoryAdapterOptions,
  type StorageLike,
} from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_HELP_DESK, DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { DelegateInput, OutboxMessage, PendingLogin } from '../../src/adapter/types.js';
import { DAY, HOUR, MINUTE, ManualClock, SECOND } from '../../src/core/clock.js';
import { generateOtp } from '../../src/core/otp.js';
import type { TypingMatcher, TypingTemplate } from '../../src/core/typing/types.js';

class MapStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const PASSWORD = 'Blue-Sky-Quote-42!';
const NEW_PASSWORD = 'Green-Field-Plan-77?';

async function failsWith<C extends AdapterErrorCode>(
  promise: Promise<unknown>,
  code: C,
): Promise<AdapterError<C>> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(AdapterError);
    expect((err as AdapterError).code, JSON.stringify((err as AdapterError).data)).to.equal(code);
    return err as AdapterError<C>;
  }
  throw new Error(`expected ${code}, but it resolved`);
}

function make(options: MemoryAdapterOptions = {}) {
  const clock = new ManualClock();
  const adapter = new MemoryAdapter({ clock, pbkdf2Iterations: 1000, ...options });
  return { clock, adapter };
}

let n = 0;
function delegate(overrides: Partial<DelegateInput> = {}): DelegateInput {
  n += 1;
  return {
    username: `delegate${n}x`,
    email: `jane${n}@example.com`,
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '312-555-0101',
    states: ['IL'],
    ...overrides,
  };
}

/** Seeded producer signs in, adds a delegate; the delegate confirms and creates a password. */
async function activeDelegate(adapter: MemoryAdapter, input = delegate()): Promise<DelegateInput> {
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  await adapter.addDelegate(input);
  await adapter.confirmEmail({ token: latestLinkToken(adapter, input.email) });
  await adapter.logout();
  const flow = await adapter.findAccount({ username: input.username, purpose: 'create' });
  await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
  await adapter.verifyCode({
    flowId: flow.flowId,
    code: latestCode(adapter, 'email', input.email),
  });
  await adapter.setPassword({ flowId: flow.flowId, password: PASSWORD });
  return input;
}

async function pending(adapter: MemoryAdapter, username: string, password = PASSWORD) {
  const r = await adapter.login({ username, password });
  if (r.status !== 'verification-required') throw new Error('expected verification');
  return r.pending;
}

/** Active delegate who has completed the first login (pattern enrolled), then logged out. */
async function enrolledDelegate(adapter: MemoryAdapter, input = delegate()) {
  await activeDelegate(adapter, input);
  const p = await pending(adapter, input.username);
  const samples = typingSamplesFor(p.sampleText);
  await adapter.enrollTypingPattern({ pendingId: p.pendingId, samples: samples.enroll });
  await adapter.sendVerificationCode({ pendingId: p.pendingId, channel: 'email' });
  const verified = await adapter.verifyAccountCode({
    pendingId: p.pendingId,
    code: latestCode(adapter, 'email', input.email),
    rememberDevice: true,
  });
  await adapter.logout();
  return { input, samples, device: verified.deviceToken! };
}

describe('MemoryAdapter', () => {
  describe('persistence', () => {
    it('restores the whole state and the outbox from storage, and reset clears them', async () => {
      const storage = new MapStorage();
      const { adapter, clock } = make({ storage, storageKey: 'k' });
      const { input, device } = await enrolledDelegate(adapter);
      expect([...storage.map.keys()].sort()).to.deep.equal(['k', 'k:outbox']);

      const again = new MemoryAdapter({ clock, storage, storageKey: 'k', pbkdf2Iterations: 1000 });
      expect(again.outbox).to.deep.equal(adapter.outbox);
      const r = await again.login({
        username: input.username,
        password: PASSWORD,
        deviceToken: device.token,
      });
      expect(r.status).to.equal('authenticated');
      await again.admin.signIn(DEMO_PRODUCER.username);
      expect((await again.listDelegates()).map((d) => d.username)).to.deep.equal([input.username]);

      again.reset();
      expect(storage.map.size).to.equal(0);
      expect(again.outbox).to.deep.equal([]);
      expect(again.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(false);
      const fresh = new MemoryAdapter({ clock, storage, storageKey: 'k' });
      expect(fresh.admin.hasAccount(input.username)).to.equal(false);
    });

    it('stores no password, code, link token, device token or flow id in clear', async () => {
      const storage = new MapStorage();
      const { adapter } = make({ storage });
      const { input, device } = await enrolledDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
      const code = latestCode(adapter, 'sms');
      const p = await pending(adapter, input.username);
      await adapter.sendVerificationCode({ pendingId: p.pendingId, channel: 'sms' });
      const loginCode = latestCode(adapter, 'sms');
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const another = delegate();
      await adapter.addDelegate(another);
      const linkToken = latestLinkToken(adapter, another.email);

      const state = storage.getItem('pep-memory-adapter')!;
      expect(state).to.equal(adapter.admin.snapshot());
      for (const secret of [
        PASSWORD,
        DEMO_PRODUCER.password,
        code,
        loginCode,
        linkToken,
        device.token,
        flow.flowId,
        p.pendingId,
      ]) {
        expect(state.includes(secret), secret).to.equal(false);
      }
      // …but the accounts and their hashes are there.
      expect(state).to.include(input.username);
      expect(state).to.include('pbkdf2-sha256');
    });

    it('starts fresh from corrupt or foreign stored data', async () => {
      const storage = new MapStorage();
      storage.setItem('pep-memory-adapter', '{not json');
      const a = new MemoryAdapter({ storage, pbkdf2Iterations: 1000 });
      expect(a.outbox).to.deep.equal([]);
      storage.setItem('pep-memory-adapter', JSON.stringify({ version: 99 }));
      const b = new MemoryAdapter({ storage, pbkdf2Iterations: 1000 });
      await seedDemo(b);
      expect(b.admin.hasAccount('demoproducer')).to.equal(true);
    });

    it('follows other tabs: a storage event on its localStorage key reloads the state', async () => {
      const key = `pep-test-${Math.random().toString(36).slice(2)}`;
      try {
        const { adapter: a, clock } = make({ storage: localStorage, storageKey: key });
        const b = new MemoryAdapter({ clock, storage: localStorage, storageKey: key });
        const c = new MemoryAdapter({
          clock,
          storage: localStorage,
          storageKey: key,
          syncAcrossTabs: false,
        });
        await seedDemo(a);
        const changed = new Promise((resolve) =>
          b.addEventListener('change', resolve, { once: true }),
        );
        // Browsers fire `storage` only in the other tabs; simulate that tab's event here.
        window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));
        await changed;
        expect(b.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(true);
        expect(c.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(false);
      } finally {
        localStorage.removeItem(key);
        localStorage.removeItem(`${key}:outbox`);
      }
    });

    it('reload() picks up changes another instance saved', async () => {
      const storage = new MapStorage();
      const { adapter: a, clock } = make({ storage });
      const b = new MemoryAdapter({ clock, storage, pbkdf2Iterations: 1000 });
      await seedDemo(a);
      expect(b.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(false);
      let changed = 0;
      b.addEventListener('change', () => (changed += 1));
      await b.reload();
      expect(b.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(true);
      expect(changed).to.equal(1);
    });
  });

  describe('outbox and events', () => {
    it('appends newest last and announces each message; change fires only on changes', async () => {
      const { adapter } = make();
      const seen: OutboxMessage[] = [];
      let changes = 0;
      adapter.addEventListener('outbox', (e) => seen.push(e.detail));
      adapter.addEventListener('change', () => (changes += 1));
      const input = await activeDelegate(adapter);
      expect(seen).to.deep.equal([...adapter.outbox]);
      expect(seen.map((m) => m.subject)).to.deep.equal([
        'Confirm Your Email Address',
        'Your Verification Code',
        'Account Information - Update Password',
      ]);
      expect(seen.every((m) => m.to === input.email && m.channel === 'email')).to.equal(true);
      expect(new Set(seen.map((m) => m.id)).size).to.equal(3);
      const before = changes;
      await adapter.getSession();
      await adapter.checkDevice({ username: input.username, deviceToken: 'nope' });
      expect(changes).to.equal(before);
      await adapter.admin.signIn(input.username);
      expect(changes).to.equal(before + 1);
    });

    it('removeEventListener stops notifications', async () => {
      const { adapter } = make();
      let count = 0;
      const listener = () => (count += 1);
      adapter.addEventListener('change', listener);
      await seedDemo(adapter);
      adapter.removeEventListener('change', listener);
      const seen = count;
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      expect(seen).to.equal(2); // seedDemo: the demo producer, then the demo help-desk user
      expect(count).to.equal(seen);
    });

    it('latestCode / latestLink helpers read the newest matching message', async () => {
      const { adapter } = make();
      expect(() => latestCode(adapter)).to.throw(/no code/);
      expect(() => latestLinkToken(adapter)).to.throw(/no confirmation link/);
      const input = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
      const sms = adapter.outbox[adapter.outbox.length - 1]!;
      expect(sms.channel).to.equal('sms');
      expect(sms.to).to.equal('+13125550101');
      expect(sms.text).to.include(latestCode(adapter, 'sms'));
      expect(latestCode(adapter)).to.equal(latestCode(adapter, 'sms'));
      expect(latestCode(adapter, 'email')).to.match(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(() => latestCode(adapter, 'sms', 'someone@else.example')).to.throw();
      expect(latestLinkToken(adapter.outbox)).to.have.length(43);
    });
  });

  describe('options', () => {
    it('confirmLinkUrl, supportEmail and helpDeskPhone shape the messages', async () => {
      const { adapter } = make({
        confirmLinkUrl: (t) => `https://host.example/confirm?token=${t}`,
        supportEmail: 'support@host.example',
        helpDeskPhone: '1-800-555-0100',
      });
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const input = delegate();
      await adapter.addDelegate(input);
      const invite = adapter.outbox[0]!;
      expect(invite.text).to.match(/https:\/\/host\.example\/confirm\?token=[\w-]{43}/);
      expect(invite.text).to.include('1-800-555-0100');
      expect(invite.text).to.include(`Username: ${input.username}`);
      const ticket = await adapter.reportIssue({
        description: 'Error on quote',
        stepsTaken: 'Clicked Quote',
        agentName: 'Pat Morgan',
        producerId: 'P-100200',
        productType: 'PDP',
        state: 'MT',
        observedAt: new Date(Date.UTC(2026, 0, 5, 14)).toISOString(),
      });
      const mail = adapter.outbox[adapter.outbox.length - 1]!;
      expect(mail.to).to.equal('support@host.example');
      expect(mail.subject).to.include(ticket.ticketId);
      expect(mail.text).to.include('Attachment: (none)');
    });

    it('the default link points at the current page in a browser', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      await adapter.addDelegate(delegate());
      expect(adapter.outbox[0]!.text).to.include(
        `${location.origin}${location.pathname}#/delegate/verify-email?token=`,
      );
    });

    it('revealAccounts: Find Account says NOT_FOUND for an unknown username', async () => {
      const { adapter } = make({ revealAccounts: true });
      await failsWith(adapter.findAccount({ username: 'nobody12', purpose: 'reset' }), 'NOT_FOUND');
      const input = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      expect(flow.destinations).to.have.length(2);
    });

    it('by default, placeholders are stable per username and differ between usernames', async () => {
      const { adapter } = make();
      const masks = new Set<string>();
      for (const u of ['ghostuser1', 'ghostuser2', 'ghostuser3', 'ghostuser4']) {
        const a = await adapter.findAccount({ username: u, purpose: 'reset' });
        const b = await adapter.findAccount({ username: u.toUpperCase(), purpose: 'create' });
        expect(a.destinations).to.deep.equal(b.destinations);
        expect(a.flowId).to.not.equal(b.flowId);
        masks.add(a.destinations[0]!.masked + a.destinations[1]!.masked);
      }
      expect(masks.size).to.equal(4);
    });

    it('sampleText and a custom matcher are used for enrollment and verification', async () => {
      const calls: string[] = [];
      let accept = false;
      const matcher: TypingMatcher = {
        id: 'test',
        enroll(samples, text) {
          calls.push(`enroll:${samples.length}:${text}`);
          return samples.length === 3 ? { matcher: 'test', version: 1, text, data: 0 } : null;
        },
        verify(template, samples) {
          calls.push(`verify:${String(template.data)}`);
          if (samples.length !== 3) return null;
          const next: TypingTemplate = { ...template, data: (template.data as number) + 1 };
          return { accepted: accept, score: accept ? 0 : 9, threshold: 1, template: next };
        },
      };
      const { adapter } = make({ matcher, sampleText: 'Type me.' });
      const input = await activeDelegate(adapter);
      let p = await pending(adapter, input.username);
      expect(p.sampleText).to.equal('Type me.');
      const sample = { text: 'Type me.', events: [] };
      await failsWith(
        adapter.enrollTypingPattern({ pendingId: p.pendingId, samples: [sample] }),
        'PATTERN_INVALID_SAMPLES',
      );
      p = await adapter.enrollTypingPattern({
        pendingId: p.pendingId,
        samples: [sample, sample, sample],
      });
      await adapter.sendVerificationCode({ pendingId: p.pendingId, channel: 'email' });
      await adapter.verifyAccountCode({
        pendingId: p.pendingId,
        code: latestCode(adapter, 'email'),
        rememberDevice: false,
      });
      p = await pending(adapter, input.username);
      const bad = await failsWith(
        adapter.verifyTypingPattern({ pendingId: p.pendingId, samples: [], rememberDevice: false }),
        'PATTERN_INVALID_SAMPLES',
      );
      expect(bad.data).to.deep.equal({ count: 0 });
      accept = true;
      await adapter.verifyTypingPattern({
        pendingId: p.pendingId,
        samples: [sample, sample, sample],
        rememberDevice: false,
      });
      // The adapted template from an accepted attempt is stored and used next time.
      await adapter.logout();
      p = await pending(adapter, input.username);
      await adapter.verifyTypingPattern({
        pendingId: p.pendingId,
        samples: [sample, sample, sample],
        rememberDevice: false,
      });
      expect(calls).to.deep.equal([
        'enroll:1:Type me.',
        'enroll:3:Type me.',
        'verify:0',
        'verify:0',
        'verify:1',
      ]);
    });

    it('rejects a non-positive work factor', () => {
      expect(() => new MemoryAdapter({ pbkdf2Iterations: 0 })).to.throw(RangeError);
    });
  });

  describe('admin API and seed', () => {
    it('seedDemo creates the demo producer once; it can sign in with its password', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await seedDemo(adapter);
      expect(adapter.admin.hasAccount('DemoProducer')).to.equal(true);
      const session = await adapter.admin.signIn('demoproducer');
      expect(session.user).to.deep.include({
        username: 'demoproducer',
        role: 'producer',
        producerId: 'P-100200',
        states: ['IL', 'MT', 'NM', 'OK', 'TX'],
        mobile: '+13125550100',
      });
      expect(session.capabilities).to.deep.equal({
        quote: true,
        onExchangeEnrollmentSso: true,
        medicareQuotingSso: true,
        manageDelegates: true,
        helpDesk: false,
      });
      const r = await adapter.login({ username: 'demoproducer', password: DEMO_PRODUCER.password });
      expect(r.status).to.equal('verification-required');
    });

    it('seedDemo also creates the demo help-desk user once; it signs in like anyone', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await seedDemo(adapter);
      expect(adapter.admin.hasAccount('HelpDesk1')).to.equal(true);
      const session = await adapter.admin.signIn(DEMO_HELP_DESK.username);
      expect(session.user).to.deep.include({
        username: 'helpdesk1',
        role: 'help-desk',
        firstName: 'Casey',
        lastName: 'Rivera',
        email: 'casey.rivera@helpdesk.example',
        mobile: '+13125550199',
      });
      expect(session.capabilities).to.deep.equal({
        quote: false,
        onExchangeEnrollmentSso: false,
        medicareQuotingSso: false,
        manageDelegates: false,
        helpDesk: true,
      });
      await adapter.logout();
      const r = await adapter.login({
        username: DEMO_HELP_DESK.username,
        password: DEMO_HELP_DESK.password,
      });
      expect(r.status).to.equal('verification-required');
    });

    it('createProducer validates, enforces the policy and unique usernames; signIn needs an account', async () => {
      const { adapter } = make();
      const base = { ...DEMO_PRODUCER, states: [...DEMO_PRODUCER.states] };
      const v = await failsWith(
        adapter.admin.createProducer({ ...base, username: 'x', producerId: ' ' }),
        'VALIDATION',
      );
      expect(v.data.fields).to.deep.equal({ username: 'too-short', producerId: 'required' });
      const p = await failsWith(
        adapter.admin.createProducer({ ...base, password: 'short' }),
        'PASSWORD_POLICY',
      );
      expect(p.data.failed).to.include('length');
      await adapter.admin.createProducer(base);
      await failsWith(
        adapter.admin.createProducer({ ...base, username: 'DEMOPRODUCER' }),
        'USERNAME_TAKEN',
      );
      await failsWith(adapter.admin.signIn('nobody12'), 'NOT_FOUND');
    });
    it('createDelegate starts a delegate mid-journey (active, optionally enrolled), sending nothing', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      const text = adapter.sampleText;
      const samples = typingSamplesFor(text, 3);
      const enrolled = await adapter.admin.createDelegate({
        ...delegate(),
        producer: DEMO_PRODUCER.username,
        password: PASSWORD,
        typingSamples: samples.enroll,
      });
      expect(enrolled.status).to.equal('active');
      const invited = await adapter.admin.createDelegate({
        ...delegate(),
        producer: 'demoproducer',
      });
      expect(invited.status).to.equal('invited');
      expect(adapter.outbox).to.deep.equal([]);
      const p = await pending(adapter, enrolled.username);
      expect(p.mustEnrollPattern).to.equal(false);
      expect(p.options.map((o) => o.method)).to.deep.equal(['email', 'sms', 'pattern']);
      const v = await adapter.verifyTypingPattern({
        pendingId: p.pendingId,
        samples: samples.genuine,
        rememberDevice: false,
      });
      expect(v.session.user.producer?.producerId).to.equal('P-100200');
      await failsWith(
        adapter.admin.createDelegate({ ...delegate(), producer: enrolled.username }),
        'NOT_FOUND',
      );
      await failsWith(
        adapter.admin.createDelegate({
          ...delegate(),
          producer: 'demoproducer',
          typingSamples: [{ text: 'wrong', events: [] }],
        }),
        'PATTERN_INVALID_SAMPLES',
      );
    });

    it('hostile input shapes get VALIDATION, never a crash', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const err = await failsWith(
        adapter.addDelegate({
          username: 42,
          email: null,
          firstName: { toString: () => 'x' },
          lastName: 'Doe\u0000',
          mobile: undefined,
          states: 'IL',
        } as unknown as DelegateInput),
        'VALIDATION',
      );
      expect(err.data.fields).to.deep.equal({
        username: 'required',
        email: 'required',
        firstName: 'required',
        lastName: 'invalid-characters',
        mobile: 'required',
        states: 'required',
      });
      const long = await failsWith(
        adapter.addDelegate(
          delegate({ username: 'a'.repeat(10_000), firstName: 'J'.repeat(10_000) }),
        ),
        'VALIDATION',
      );
      expect(long.data.fields).to.deep.equal({ username: 'too-long', firstName: 'too-long' });
      await failsWith(
        adapter.login({ username: 'x'.repeat(10_000), password: 'y'.repeat(10_000) }),
        'INVALID_CREDENTIALS',
      );
      await failsWith(
        adapter.login({ username: null, password: undefined } as unknown as {
          username: string;
          password: string;
        }),
        'VALIDATION',
      );
    });
  });

  describe('time limits (exact)', () => {
    it('the lock lasts exactly 30 minutes; the delegate list shows it', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      for (let i = 0; i < 4; i++) {
        await failsWith(
          adapter.login({ username: input.username, password: 'x' }),
          'INVALID_CREDENTIALS',
        );
      }
      const locked = await failsWith(
        adapter.login({ username: input.username, password: 'x' }),
        'ACCOUNT_LOCKED',
      );
      expect(locked.data.unlocksAt).to.equal(clock.now() + 30 * MINUTE);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      expect((await adapter.listDelegates())[0]!.status).to.equal('locked');
      clock.advance(30 * MINUTE - 1);
      await failsWith(
        adapter.login({ username: input.username, password: PASSWORD }),
        'ACCOUNT_LOCKED',
      );
      clock.advance(1);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      expect((await adapter.listDelegates())[0]!.status).to.equal('active');
      await pending(adapter, input.username);
    });

    it('after auto-unlock the counter starts again from zero', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      for (let i = 0; i < 5; i++) {
        await adapter.login({ username: input.username, password: 'x' }).catch(() => undefined);
      }
      clock.advance(30 * MINUTE);
      for (let i = 0; i < 4; i++) {
        await failsWith(
          adapter.login({ username: input.username, password: 'x' }),
          'INVALID_CREDENTIALS',
        );
      }
      await failsWith(adapter.login({ username: input.username, password: 'x' }), 'ACCOUNT_LOCKED');
    });

    it('codes: valid for exactly 10 minutes', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      const sent = await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      expect(sent.expiresAt).to.equal(clock.now() + 10 * MINUTE);
      expect(sent.resendAvailableAt).to.equal(clock.now() + 30 * SECOND);
      const code = latestCode(adapter, 'email');
      clock.advance(10 * MINUTE);
      await failsWith(adapter.verifyCode({ flowId: flow.flowId, code }), 'CODE_EXPIRED');
    });

    it('links: valid until exactly 7 days', async () => {
      const { adapter, clock } = make();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const input = delegate();
      await adapter.addDelegate(input);
      const token = latestLinkToken(adapter);
      clock.advance(7 * DAY);
      await failsWith(adapter.confirmEmail({ token }), 'LINK_EXPIRED');
      expect(MEMORY_LIMITS.linkTtl).to.equal(7 * DAY);
    });

    it('devices: valid until exactly 30 days; the token is bound to the account', async () => {
      const { adapter, clock } = make();
      const { input, device } = await enrolledDelegate(adapter);
      expect(device.expiresAt).to.equal(clock.now() + 30 * DAY);
      clock.advance(30 * DAY - 1);
      expect(
        (await adapter.checkDevice({ username: input.username, deviceToken: device.token })).valid,
      ).to.equal(true);
      clock.advance(1);
      expect(
        await adapter.checkDevice({ username: input.username, deviceToken: device.token }),
      ).to.deep.equal({ valid: false });
    });

    it('the throttle: 30 s per destination, 5 per rolling 30 minutes, resendAvailableAt tells when', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      const t0 = clock.now();
      await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      // Another destination is allowed at once; the same one after 30 s.
      await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
      clock.advance(29 * SECOND);
      const e = await failsWith(
        adapter.sendCode({ flowId: flow.flowId, channel: 'email' }),
        'RATE_LIMITED',
      );
      expect(e.data.retryAfter).to.equal(t0 + 30 * SECOND);
      clock.advance(1 * SECOND);
      await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      clock.advance(30 * SECOND);
      await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
      clock.advance(30 * SECOND);
      const fifth = await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
      expect(fifth.resendAvailableAt).to.equal(t0 + 30 * MINUTE);
      clock.advance(10 * MINUTE);
      const limited = await failsWith(
        adapter.sendCode({ flowId: flow.flowId, channel: 'sms' }),
        'RATE_LIMITED',
      );
      expect(limited.data.retryAfter).to.equal(t0 + 30 * MINUTE);
      // Each purpose has its own budget: logging in still works.
      const p = await pending(adapter, input.username);
      const samples = typingSamplesFor(p.sampleText);
      const next = await adapter.enrollTypingPattern({
        pendingId: p.pendingId,
        samples: samples.enroll,
      });
      await adapter.sendVerificationCode({ pendingId: next.pendingId, channel: 'sms' });
    });

    it('sessions last 8 hours', async () => {
      const { adapter, clock } = make();
      await seedDemo(adapter);
      const s = await adapter.admin.signIn(DEMO_PRODUCER.username);
      expect(s.expiresAt - s.issuedAt).to.equal(8 * HOUR);
      // In use all along (a call every 20 minutes, within the idle timeout): the 8 hours still end it.
      while (clock.now() + 20 * MINUTE < s.expiresAt) {
        clock.advance(20 * MINUTE);
        expect(await adapter.getSession()).to.not.equal(null);
      }
      clock.advance(s.expiresAt - 1 - clock.now());
      expect(await adapter.getSession()).to.not.equal(null);
      clock.advance(1);
      expect(await adapter.getSession()).to.equal(null);
      await failsWith(adapter.listDelegates(), 'NOT_AUTHENTICATED');
    });

    it('pending logins last 15 minutes', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      const p = await pending(adapter, input.username);
      expect(p.expiresAt).to.equal(clock.now() + 15 * MINUTE);
      clock.advance(15 * MINUTE);
      await failsWith(
        adapter.enrollTypingPattern({ pendingId: p.pendingId, samples: [] }),
        'FLOW_EXPIRED',
      );
    });
  });

  describe('security details', () => {
    it('password history: the last 10 are refused, the 11th back is allowed again', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      const reset = async (password: string) => {
        clock.advance(13 * MINUTE); // stay inside 5 sends per rolling 30 minutes
        const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
        await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
        await adapter.verifyCode({ flowId: flow.flowId, code: latestCode(adapter, 'email') });
        return adapter.setPassword({ flowId: flow.flowId, password });
      };
      // PASSWORD is #1; add #2..#10.
      for (let i = 2; i <= 10; i++) await reset(`Plan-Number-${i}!`);
      const reused = await failsWith(reset(PASSWORD), 'PASSWORD_REUSED');
      expect(reused.data).to.deep.equal({ historySize: 10 });
      await reset('Plan-Number-11!');
      await reset(PASSWORD);
    });

    it('unknown usernames lock too, so lockout does not reveal which exist', async () => {
      const { adapter, clock } = make();
      const errors: string[] = [];
      for (let i = 0; i < 6; i++) {
        try {
          await adapter.login({ username: 'ghostuser', password: 'Whatever-1!' });
        } catch (e) {
          const err = e as AdapterError;
          errors.push(`${err.code}:${JSON.stringify(err.data)}`);
        }
      }
      const unlocksAt = clock.now() + 30 * MINUTE;
      expect(errors).to.deep.equal([
        ...Array(4).fill('INVALID_CREDENTIALS:{}'),
        `ACCOUNT_LOCKED:{"unlocksAt":${unlocksAt}}`,
        `ACCOUNT_LOCKED:{"unlocksAt":${unlocksAt}}`,
      ]);
    });

    it('login does the same PBKDF2 work for unknown users and wrong passwords', async () => {
      const { adapter } = make();
      const input = await activeDelegate(adapter);
      const subtle = crypto.subtle;
      const original = subtle.deriveBits;
      const iterations: number[] = [];
      subtle.deriveBits = function (this: SubtleCrypto, algorithm, key, length) {
        iterations.push((algorithm as Pbkdf2Params).iterations);
        return original.call(this, algorithm, key, length);
      } as SubtleCrypto['deriveBits'];
      try {
        await adapter.login({ username: input.username, password: 'Wrong-1!' }).catch(() => 0);
        const known = iterations.splice(0);
        await adapter.login({ username: 'ghostuser9', password: 'Wrong-1!' }).catch(() => 0);
        const unknown = iterations.splice(0);
        expect(known).to.deep.equal([1000]);
        expect(unknown).to.deep.equal(known);
      } finally {
        subtle.deriveBits = original;
      }
    });

    it('concurrent calls are served in order: parallel guesses cannot skip the lock', async () => {
      const { adapter } = make();
      const input = await activeDelegate(adapter);
      const results = await Promise.allSettled(
        Array.from({ length: 7 }, (_, i) =>
          adapter.login({ username: input.username, password: i === 6 ? PASSWORD : 'x' }),
        ),
      );
      expect(
        results.map((r) => (r.status === 'rejected' ? (r.reason as AdapterError).code : 'ok')),
      ).to.deep.equal([
        ...Array(4).fill('INVALID_CREDENTIALS'),
        'ACCOUNT_LOCKED',
        'ACCOUNT_LOCKED',
        'ACCOUNT_LOCKED',
      ]);
    });

    it('1 000 random code guesses across resends never succeed: the throttle stops them', async () => {
      const { adapter, clock } = make();
      const input = await activeDelegate(adapter);
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      let sends = 0;
      let guesses = 0;
      let limited = 0;
      for (let i = 0; i < 1000; i++) {
        if (i % 5 === 0) {
          try {
            await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
            sends += 1;
          } catch (e) {
            expect((e as AdapterError).code).to.equal('RATE_LIMITED');
            limited += 1;
          }
        }
        const code = generateOtp();
        const err = await adapter.verifyCode({ flowId: flow.flowId, code }).then(
          () => null,
          (e: AdapterError) => e.code,
        );
        if (err === null) throw new Error('a guess succeeded');
        guesses += 1;
        clock.advance(SECOND);
      }
      expect(guesses).to.equal(1000);
      // 1 000 s is under 17 minutes: at most 5 codes could be sent, so at most 25 live guesses.
      expect(sends).to.equal(5);
      expect(limited).to.equal(195);
    });

    it('setPassword ends the session of that account and revokes its devices', async () => {
      const { adapter } = make();
      const { input, device } = await enrolledDelegate(adapter);
      const r = await adapter.login({
        username: input.username,
        password: PASSWORD,
        deviceToken: device.token,
      });
      expect(r.status).to.equal('authenticated');
      const flow = await adapter.findAccount({ username: input.username, purpose: 'reset' });
      await adapter.sendCode({ flowId: flow.flowId, channel: 'sms' });
      await adapter.verifyCode({ flowId: flow.flowId, code: latestCode(adapter, 'sms') });
      await adapter.setPassword({ flowId: flow.flowId, password: NEW_PASSWORD });
      expect(await adapter.getSession()).to.equal(null);
      expect(
        (await adapter.checkDevice({ username: input.username, deviceToken: device.token })).valid,
      ).to.equal(false);
      const mail = adapter.outbox[adapter.outbox.length - 1]!;
      expect(mail.subject).to.equal('Account Information - Update Password');
      expect(mail.text).to.include('updated');
    });

    it('resetTypingPattern also revokes remembered devices; help desk ops need a known username', async () => {
      const { adapter } = make();
      const { input, device } = await enrolledDelegate(adapter);
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_HELP_DESK.username);
      await adapter.resetTypingPattern({ username: input.username.toUpperCase() });
      expect(
        (await adapter.checkDevice({ username: input.username, deviceToken: device.token })).valid,
      ).to.equal(false);
      const r = await adapter.login({
        username: input.username,
        password: PASSWORD,
        deviceToken: device.token,
      });
      expect(r.status === 'verification-required' && r.pending.mustEnrollPattern).to.equal(true);
      await adapter.admin.signIn(DEMO_HELP_DESK.username);
      await failsWith(adapter.resetTypingPattern({ username: 'nobody12' }), 'NOT_FOUND');
      await failsWith(adapter.unlockAccount({ username: 'nobody12' }), 'NOT_FOUND');
    });

    it('forgot username lists every account on that email', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const a = delegate({ email: 'shared@example.com' });
      const b = delegate({ email: 'Shared@Example.com' });
      await adapter.addDelegate(a);
      await adapter.addDelegate(b);
      const r = await adapter.forgotUsername({ email: ' shared@EXAMPLE.com ' });
      const mail = adapter.outbox[adapter.outbox.length - 1]!;
      expect(mail.subject).to.equal('Account Information - Username');
      expect(mail.text).to.include(`Username: ${a.username}`);
      expect(mail.text).to.include(`Username: ${b.username}`);
      expect(r.resendAvailableAt).to.be.a('number');
    });

    it('a pattern-locked account shows the pattern as unavailable until a code succeeds', async () => {
      const { adapter } = make();
      const { input, samples } = await enrolledDelegate(adapter);
      let p: PendingLogin = await pending(adapter, input.username);
      for (let i = 0; i < 3; i++) {
        await adapter
          .verifyTypingPattern({
            pendingId: p.pendingId,
            samples: samples.impostor,
            rememberDevice: false,
          })
          .catch(() => undefined);
      }
      p = await pending(adapter, input.username);
      expect(p.options.find((o) => o.method === 'pattern')).to.deep.equal({
        method: 'pattern',
        available: false,
      });
      const err = await failsWith(
        adapter.verifyTypingPattern({
          pendingId: p.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        }),
        'PATTERN_UNAVAILABLE',
      );
      expect(err.data).to.deep.equal({ reason: 'locked' });
    });

    it('a call aborted while queued behind another rejects ABORTED and does nothing', async () => {
      const { adapter } = make();
      await seedDemo(adapter);
      await adapter.admin.signIn(DEMO_PRODUCER.username);
      const controller = new AbortController();
      const slow = adapter
        .login({ username: 'demoproducer', password: 'Wrong-Pass-1!' })
        .catch(() => 0);
      const input = delegate();
      const queued = adapter.addDelegate(input, { signal: controller.signal });
      controller.abort();
      await failsWith(queued, 'ABORTED');
      await slow;
      expect(await adapter.listDelegates()).to.deep.equal([]);
    });

    it('a call aborted after its work rejects ABORTED; the work (a counted failure) stands', async () => {
      const { adapter } = make();
      const input = await activeDelegate(adapter);
      for (let i = 0; i < 4; i++) {
        const controller = new AbortController();
        // 'change' fires once the work is done, before the call settles: abort right then.
        const onChange = () => controller.abort();
        adapter.addEventListener('change', onChange);
        await failsWith(
          adapter.login({ username: input.username, password: 'x' }, { signal: controller.signal }),
          'ABORTED',
        );
        adapter.removeEventListener('change', onChange);
      }
      await failsWith(adapter.login({ username: input.username, password: 'x' }), 'ACCOUNT_LOCKED');
    });
  });
});
