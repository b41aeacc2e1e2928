/**
 * The adapter conformance suite: behavioural tests of the {@link AuthAdapter} contract that any
 * implementation (the in-memory reference, the HTTP adapter against a real server) must pass.
 *
 *   adapterConformanceSuite('MemoryAdapter', async () => {
 *     const clock = new ManualClock();
 *     const adapter = new MemoryAdapter({ clock, pbkdf2Iterations: 1000 });
 *     return {
 *       adapter,
 *       advanceTime: async (ms) => clock.advance(ms),
 *       outbox: async () => [...adapter.outbox],
 *       createProducer: async (p) => void (await adapter.admin.createProducer(p)),
 *       createHelpDeskUser: async (u) => void (await adapter.admin.createHelpDeskUser(u)),
 *       signInProducer: async (u) => void (await adapter.admin.signIn(u)),
 *     };
 *   });
 *
 * It registers mocha `describe` / `it` / `beforeEach` / `afterEach` (globals of any mocha host)
 * and uses its own tiny assertions, so it needs no assertion library. A fresh harness is made
 * for every test. Tests that need time to pass are skipped when the harness has no
 * `advanceTime`. Typing-pattern tests use {@link typingSamplesFor}: the enrolled typist's exact
 * rhythm must be accepted and a clearly different rhythm rejected.
 */
import { AdapterError, type AdapterErrorCode, type AdapterErrorDataMap } from './errors.js';
import { typingSamplesFor } from './memory/typist.js';
import { codeIn, latestCode, latestLinkToken } from './memory/outbox.js';
import type {
  AuthAdapter,
  AuthenticationResponseJSON,
  Channel,
  DelegateInput,
  IssueReport,
  OutboxMessage,
  PendingLogin,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  VerifiedLogin,
} from './types.js';

/** Ways a test authenticator makes one response wrong (none: a genuine response). */
export interface AuthenticatorTweaks {
  /** The origin clientDataJSON names instead of the authenticator's own. */
  origin?: string;
  /** Set the user-verified flag (default true). */
  userVerified?: boolean;
  /** Sign this signature counter instead of the next one. */
  counter?: number;
  /** Answer with this user handle instead of the credential's. */
  userHandle?: string;
  /** Hash this RP ID into the authenticator data instead of the credential's. */
  rpId?: string;
  /** Break the signature. */
  badSignature?: boolean;
  /** Use this credential (by id) instead of the first one for the RP. */
  credentialId?: string;
}

/** A (software) WebAuthn authenticator holding discoverable credentials. */
export interface ConformanceAuthenticator {
  create(
    options: PublicKeyCredentialCreationOptionsJSON,
    tweaks?: AuthenticatorTweaks,
  ): Promise<RegistrationResponseJSON>;
  get(
    options: PublicKeyCredentialRequestOptionsJSON,
    tweaks?: AuthenticatorTweaks,
  ): Promise<AuthenticationResponseJSON>;
}

export interface ConformanceProducer extends DelegateInput {
  password: string;
  producerId: string;
}

/** An Internet Help Desk staff member (role `help-desk`): no producer, no states. */
export interface ConformanceStaff extends Omit<DelegateInput, 'states'> {
  password: string;
}

export interface ConformanceHarness {
  adapter: AuthAdapter;
  /** Every message sent so far, oldest first (newest last). */
  outbox(): Promise<readonly OutboxMessage[]>;
  /** Create an active producer account (backend-specific back door). */
  createProducer(producer: ConformanceProducer): Promise<void>;
  /**
   * Create an active help-desk user (the engine's `admin.createHelpDeskUser`; over HTTP the
   * test-only route `POST <api>/__test/help-desk-users`). The suite signs it in through the
   * public login (password, pattern enrollment, email code) like any user.
   */
  createHelpDeskUser(user: ConformanceStaff): Promise<void>;
  /** Make `username` (a producer) the signed-in user of `adapter`, without a password. */
  signInProducer(username: string): Promise<void>;
  /** Move the backend's clock forward. Time-based tests are skipped without it. */
  advanceTime?(ms: number): Promise<void>;
  /** Release resources after each test. */
  dispose?(): Promise<void>;
  /**
   * Passkeys are on in this backend: `origin` is one of its relying party's origins, and
   * `authenticator()` makes a fresh authenticator answering as a page of that origin. The
   * passkey tests are skipped without it.
   */
  passkeys?: { origin: string; authenticator(): ConformanceAuthenticator };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Tiny assertions (no chai: the suite must run in any mocha host)
// ---------------------------------------------------------------------------------------------

class ConformanceError extends Error {
  override name = 'ConformanceError';
}

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new ConformanceError(`${what}: expected ${e}, got ${a}`);
}

async function rejects<C extends AdapterErrorCode>(
  promise: Promise<unknown>,
  code: C,
  what: string,
): Promise<AdapterError<C>> {
  let value: unknown;
  try {
    value = await promise;
  } catch (err) {
    ok(err instanceof AdapterError, `${what}: rejected with a non-AdapterError ${String(err)}`);
    ok(err.code === code, `${what}: expected ${code}, got ${err.code} ${show(err.data)}`);
    return err as AdapterError<C>;
  }
  throw new ConformanceError(`${what}: expected ${code}, but it resolved ${show(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const PRODUCER_PASSWORD = 'Prod-Secret-2026!';
const DELEGATE_PASSWORD = 'Blue-Sky-Quote-42!';
const OTHER_PASSWORD = 'Green-Field-Plan-77?';
const STAFF_PASSWORD = 'Desk-Lamp-Orbit-58!';
/** Meets every composition rule, but is on the common/breached list. */
const COMMON_PASSWORD = 'Password1!';

/** The fixed mask shapes (they reveal no length): `j•••@e•••.com`, `•••-•••-0101`. */
const MASKED_EMAIL = /^[^@•]•••@[^@.•]•••\.[a-z]{2,}$/i;
const MASKED_PHONE = /^•••-•••-\d{4}$/;

/**
 * Letters only, so usernames stay valid; random (24^8 ≈ 1.1e11 values), so they stay distinct
 * across tests, runs and backends that keep their data. (A clock-and-counter scheme collided
 * for two calls in the same millisecond.)
 */
function unique(): string {
  const letters = 'abcdefghijkmnpqrstuvwxyz';
  const bytes = crypto.getRandomValues(new Uint32Array(8));
  let s = '';
  for (const b of bytes) s += letters[b % letters.length];
  return s;
}

interface World {
  h: ConformanceHarness;
  a: AuthAdapter;
  producer: ConformanceProducer;
}

async function makeWorld(h: ConformanceHarness): Promise<World> {
  const id = unique();
  const producer: ConformanceProducer = {
    username: `prod${id}`,
    password: PRODUCER_PASSWORD,
    firstName: 'Pat',
    lastName: 'Morgan',
    email: `pat.${id}@agency.example`,
    mobile: '(312) 555-0100',
    states: ['IL', 'OK', 'TX'],
    producerId: `P-${id}`,
  };
  await h.createProducer(producer);
  await h.signInProducer(producer.username);
  return { h, a: h.adapter, producer };
}

function delegateInput(overrides: Partial<DelegateInput> = {}): DelegateInput {
  const id = unique();
  return {
    username: `dlg${id}`,
    email: `jane.${id}@example.com`,
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '(312) 555-0101',
    states: ['IL', 'TX'],
    ...overrides,
  };
}

async function messagesTo(w: World, to: string): Promise<OutboxMessage[]> {
  return (await w.h.outbox()).filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

async function codeFor(w: World, to: string, channel: Channel): Promise<string> {
  return latestCode(await w.h.outbox(), channel, to);
}

/** Add a delegate (as the signed-in producer), confirm the link, create the password, log out. */
async function activeDelegate(
  w: World,
  overrides: Partial<DelegateInput> = {},
): Promise<DelegateInput> {
  await w.h.signInProducer(w.producer.username);
  const input = delegateInput(overrides);
  await w.a.addDelegate(input);
  await w.a.confirmEmail({ token: latestLinkToken(await w.h.outbox(), input.email) });
  await w.a.logout();
  const flow = await w.a.findAccount({ username: input.username, purpose: 'create' });
  await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
  await w.a.verifyCode({ flowId: flow.flowId, code: await codeFor(w, input.email, 'email') });
  await w.a.setPassword({ flowId: flow.flowId, password: DELEGATE_PASSWORD });
  return input;
}

async function pendingLogin(w: World, username: string, password = DELEGATE_PASSWORD) {
  const result = await w.a.login({ username, password });
  ok(result.status === 'verification-required', `login: expected verification-required`);
  return result.pending;
}

/** First login of an active delegate: enroll the pattern, verify by email code. */
async function enrolledDelegate(
  w: World,
  overrides: Partial<DelegateInput> = {},
): Promise<{ input: DelegateInput; verified: VerifiedLogin }> {
  const input = await activeDelegate(w, overrides);
  const pending = await pendingLogin(w, input.username);
  const samples = typingSamplesFor(pending.sampleText);
  await w.a.enrollTypingPattern({ pendingId: pending.pendingId, samples: samples.enroll });
  await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'email' });
  const verified = await w.a.verifyAccountCode({
    pendingId: pending.pendingId,
    code: await codeFor(w, input.email, 'email'),
    rememberDevice: false,
  });
  await w.a.logout();
  return { input, verified };
}

/**
 * Create a help-desk user and sign it in through the public login, like anyone: password,
 * pattern enrollment at the first login, an email code. Leaves it signed in.
 */
async function signedInHelpDesk(w: World): Promise<ConformanceStaff> {
  const id = unique();
  const staff: ConformanceStaff = {
    username: `desk${id}`,
    password: STAFF_PASSWORD,
    firstName: 'Dana',
    lastName: 'Reyes',
    email: `dana.${id}@helpdesk.example`,
    mobile: '(312) 555-0177',
  };
  await w.h.createHelpDeskUser(staff);
  await w.a.logout();
  const pending = await pendingLogin(w, staff.username, staff.password);
  equal(pending.mustEnrollPattern, true, 'a help-desk user enrolls a pattern at its first login');
  const samples = typingSamplesFor(pending.sampleText);
  await w.a.enrollTypingPattern({ pendingId: pending.pendingId, samples: samples.enroll });
  await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'email' });
  const { session } = await w.a.verifyAccountCode({
    pendingId: pending.pendingId,
    code: await codeFor(w, staff.email, 'email'),
    rememberDevice: false,
  });
  equal(session.user.role, 'help-desk', 'help-desk role');
  equal(
    session.capabilities,
    {
      quote: false,
      onExchangeEnrollmentSso: false,
      medicareQuotingSso: false,
      manageDelegates: false,
      helpDesk: true,
    },
    'help-desk capabilities',
  );
  return staff;
}

/** Sign an enrolled delegate in by its typing pattern (leaves it signed in). */
async function signInByPattern(w: World, username: string): Promise<void> {
  const pending = await pendingLogin(w, username);
  await w.a.verifyTypingPattern({
    pendingId: pending.pendingId,
    samples: typingSamplesFor(pending.sampleText).genuine,
    rememberDevice: false,
  });
}

function option(pending: PendingLogin, method: 'email' | 'sms' | 'pattern') {
  return pending.options.find((o) => o.method === method);
}

function report(overrides: Partial<IssueReport> = {}): IssueReport {
  return {
    description: 'Quote page shows an error after choosing a plan.',
    stepsTaken: 'Opened Quote, chose ACA Medical, selected a plan.',
    clientName: 'Sam Client',
    agentName: 'Jane Doe',
    producerId: 'P-100200',
    productType: 'ACA Medical',
    state: 'IL',
    observedAt: '2026-01-05T14:30:00.000Z',
    ...overrides,
  };
}

function dataOf<C extends AdapterErrorCode>(err: AdapterError<C>): AdapterErrorDataMap[C] {
  return err.data;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * Register the conformance tests for one adapter implementation. `makeHarness` is called before
 * every test and must return a harness over a fresh (or at least isolated) backend.
 */
export function adapterConformanceSuite(
  name: string,
  makeHarness: () => Promise<ConformanceHarness>,
): void {
  describe(`${name} — adapter conformance`, () => {
    let w: World;

    beforeEach(async () => {
      w = await makeWorld(await makeHarness());
    });

    afterEach(async () => {
      await w?.h.dispose?.();
    });

    /** A test that needs the backend's clock to move; skipped without `advanceTime`. */
    function timed(title: string, body: (advance: (ms: number) => Promise<void>) => Promise<void>) {
      it(title, async function (this: Mocha.Context) {
        const advance = w.h.advanceTime?.bind(w.h);
        if (!advance) this.skip();
        await body(advance);
      });
    }

    describe('add delegate', () => {
      it('needs a signed-in producer', async () => {
        await w.a.logout();
        await rejects(w.a.addDelegate(delegateInput()), 'NOT_AUTHENTICATED', 'signed out');
        await rejects(w.a.listDelegates(), 'NOT_AUTHENTICATED', 'list signed out');
        await rejects(
          w.a.resendInvitation({ delegateId: 'x' }),
          'NOT_AUTHENTICATED',
          'resend signed out',
        );
      });

      it('rejects invalid fields with one reason per field', async () => {
        const err = await rejects(
          w.a.addDelegate({
            username: 'abc',
            email: 'not-an-email',
            firstName: ' ',
            lastName: 'D0e',
            mobile: '555-0101',
            states: [],
          }),
          'VALIDATION',
          'bad input',
        );
        equal(
          dataOf(err).fields,
          {
            username: 'too-short',
            email: 'invalid-email',
            firstName: 'required',
            lastName: 'invalid-characters',
            mobile: 'invalid-phone',
            states: 'required',
          },
          'fields',
        );
        const chars = await rejects(
          w.a.addDelegate(delegateInput({ username: 'jane_doe1' })),
          'VALIDATION',
          'underscore',
        );
        equal(dataOf(chars).fields, { username: 'invalid-characters' }, 'username chars');
        equal(await messagesTo(w, 'not-an-email'), [], 'nothing sent');
      });

      it("limits states to the producer's own", async () => {
        const err = await rejects(
          w.a.addDelegate(delegateInput({ states: ['IL', 'MT'] })),
          'VALIDATION',
          'MT not licensed',
        );
        equal(dataOf(err).fields, { states: 'not-allowed' }, 'fields');
      });

      it('keeps usernames unique across producers and delegates, ignoring case', async () => {
        const first = delegateInput();
        await w.a.addDelegate(first);
        await rejects(
          w.a.addDelegate(delegateInput({ username: first.username.toUpperCase() })),
          'USERNAME_TAKEN',
          'delegate name in upper case',
        );
        const asProducer = await rejects(
          w.a.addDelegate(delegateInput({ username: w.producer.username })),
          'USERNAME_TAKEN',
          "the producer's own username",
        );
        equal(dataOf(asProducer), { field: 'username' }, 'data');
      });

      it('stores the delegate, lists it as invited, and emails username, link and help desk', async () => {
        const input = delegateInput({
          mobile: '1-312-555-0199',
          firstName: '  María-José ',
          lastName: "O'Neil",
        });
        const added = await w.a.addDelegate(input);
        equal(
          {
            username: added.username,
            email: added.email,
            firstName: added.firstName,
            lastName: added.lastName,
            mobile: added.mobile,
            states: added.states,
            status: added.status,
          },
          {
            username: input.username,
            email: input.email,
            firstName: 'María-José',
            lastName: "O'Neil",
            mobile: '+13125550199',
            states: ['IL', 'TX'],
            status: 'invited',
          },
          'summary',
        );
        ok(typeof added.id === 'string' && added.id.length > 0, 'summary has an id');
        ok(Number.isFinite(added.createdAt), 'summary has createdAt');
        const listed = await w.a.listDelegates();
        equal(
          listed.map((d) => d.id),
          [added.id],
          'listed',
        );
        const mail = await messagesTo(w, input.email);
        equal(mail.length, 1, 'one email');
        const m = mail[0]!;
        equal(m.channel, 'email', 'channel');
        ok(
          /confirm your email address/i.test(m.subject ?? '') ||
            /confirm your email address/i.test(m.text),
          'subject names the link',
        );
        ok(m.text.includes(input.username), 'email contains the username');
        ok(/https?:\/\/\S*token=/.test(m.text), 'email contains the link');
        ok(/\d-\d{3}-\d{3}-\d{4}/.test(m.text), 'email contains the help desk phone');
        ok(latestLinkToken([m]).length >= 22, 'token has at least 128 bits');
      });

      it("lists only the producer's own delegates", async () => {
        const mine = await w.a.addDelegate(delegateInput());
        const other = `prod${unique()}`;
        await w.h.createProducer({ ...w.producer, username: other, producerId: `P-${unique()}` });
        await w.h.signInProducer(other);
        equal(await w.a.listDelegates(), [], 'other producer sees none');
        await rejects(
          w.a.resendInvitation({ delegateId: mine.id }),
          'NOT_FOUND',
          "another producer's delegate",
        );
      });
    });

    describe('email link', () => {
      it('works once, then LINK_USED; an unknown token is LINK_INVALID', async () => {
        const input = delegateInput();
        await w.a.addDelegate(input);
        const token = latestLinkToken(await w.h.outbox(), input.email);
        equal(await w.a.confirmEmail({ token }), { username: input.username }, 'confirmed');
        await rejects(w.a.confirmEmail({ token }), 'LINK_USED', 'second use');
        await rejects(
          w.a.confirmEmail({ token: token.slice(0, -2) + 'xx' }),
          'LINK_INVALID',
          'forged',
        );
        await rejects(w.a.confirmEmail({ token: '' }), 'LINK_INVALID', 'empty');
      });

      it('a resent invitation voids the previous link', async () => {
        const input = delegateInput();
        const added = await w.a.addDelegate(input);
        const old = latestLinkToken(await w.h.outbox(), input.email);
        await w.a.resendInvitation({ delegateId: added.id });
        const fresh = latestLinkToken(await w.h.outbox(), input.email);
        ok(fresh !== old, 'a new token');
        await rejects(w.a.confirmEmail({ token: old }), 'LINK_EXPIRED', 'old link');
        equal(await w.a.confirmEmail({ token: fresh }), { username: input.username }, 'new link');
        await rejects(
          w.a.resendInvitation({ delegateId: 'no-such-id' }),
          'NOT_FOUND',
          'unknown id',
        );
      });

      timed('expires after 7 days', async (advance) => {
        const a = delegateInput();
        const b = delegateInput();
        await w.a.addDelegate(a);
        await w.a.addDelegate(b);
        const box = await w.h.outbox();
        const tokenA = latestLinkToken(box, a.email);
        const tokenB = latestLinkToken(box, b.email);
        await advance(7 * DAY - MINUTE);
        equal(await w.a.confirmEmail({ token: tokenA }), { username: a.username }, 'day 7 - 1 min');
        await advance(MINUTE);
        await rejects(w.a.confirmEmail({ token: tokenB }), 'LINK_EXPIRED', 'after 7 days');
      });
    });

    describe('create and reset password', () => {
      it('finds the account, sends a code, verifies it and sets the password, with a confirmation email', async () => {
        await w.h.signInProducer(w.producer.username);
        const input = delegateInput();
        await w.a.addDelegate(input);
        await w.a.logout();
        const flow = await w.a.findAccount({
          username: input.username.toUpperCase(),
          purpose: 'create',
        });
        ok(flow.flowId.length >= 16, 'flow id');
        equal(
          flow.destinations.map((d) => d.channel),
          ['email', 'sms'],
          'both destinations',
        );
        ok(!flow.destinations[0]!.masked.includes(input.email), 'email masked');
        equal(flow.destinations[0]!.masked, 'j•••@e•••.com', 'email masked to a fixed shape');
        equal(flow.destinations[1]!.masked, '•••-•••-0101', 'phone masked');
        const sent = await w.a.sendCode({ flowId: flow.flowId, channel: 'sms' });
        equal(sent.channel, 'sms', 'channel');
        equal(sent.masked, '•••-•••-0101', 'masked');
        ok(Number.isFinite(sent.resendAvailableAt), 'resendAvailableAt is epoch ms');
        ok(sent.expiresAt >= sent.resendAvailableAt, 'expiry after resend');
        const sms = (await w.h.outbox()).filter(
          (m) => m.channel === 'sms' && m.to === '+13125550101',
        );
        ok(sms.length >= 1, 'an SMS to the E.164 number');
        const code = codeIn(sms[sms.length - 1]!);
        ok(code && /^[2-9A-HJKMNP-Z]{8}$/.test(code), 'an 8-character code');
        // Codes are accepted in lower case and with spaces.
        await w.a.verifyCode({
          flowId: flow.flowId,
          code: ` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`,
        });
        await w.a.setPassword({ flowId: flow.flowId, password: DELEGATE_PASSWORD });
        const mail = await messagesTo(w, input.email);
        ok(
          mail.some((m) => m.subject === 'Account Information - Update Password'),
          'confirmation email',
        );
        const result = await w.a.login({ username: input.username, password: DELEGATE_PASSWORD });
        equal(result.status, 'verification-required', 'can log in');
        const list = await (async () => {
          await w.h.signInProducer(w.producer.username);
          return w.a.listDelegates();
        })();
        equal(list.find((d) => d.username === input.username)?.status, 'active', 'status active');
      });

      it('does not reveal unknown usernames: same shape, stable placeholders, nothing sent', async () => {
        const before = (await w.h.outbox()).length;
        const name = `nobody${unique()}`;
        const one = await w.a.findAccount({ username: name, purpose: 'reset' });
        const two = await w.a.findAccount({ username: name, purpose: 'reset' });
        equal(
          one.destinations.map((d) => d.channel),
          ['email', 'sms'],
          'same channels',
        );
        equal(one.destinations, two.destinations, 'stable placeholders');
        // A placeholder has exactly the shape of a real mask.
        ok(MASKED_EMAIL.test(one.destinations[0]!.masked), 'masked email shape');
        ok(MASKED_PHONE.test(one.destinations[1]!.masked), 'masked phone shape');
        const sent = await w.a.sendCode({ flowId: one.flowId, channel: 'email' });
        equal(sent.masked, one.destinations[0]!.masked, 'same masked destination');
        ok(sent.expiresAt > sent.resendAvailableAt, 'same CodeSent shape');
        equal((await w.h.outbox()).length, before, 'nothing sent');
        const err = await rejects(
          w.a.verifyCode({ flowId: one.flowId, code: 'ABCDEFGH' }),
          'CODE_INVALID',
          'any code',
        );
        equal(dataOf(err), { attemptsLeft: 4 }, 'like a wrong code');
        await rejects(
          w.a.setPassword({ flowId: one.flowId, password: DELEGATE_PASSWORD }),
          'FLOW_EXPIRED',
          'no password for an unknown account',
        );
        await rejects(
          w.a.sendCode({ flowId: one.flowId, channel: 'email' }),
          'RATE_LIMITED',
          'same throttle',
        );
      });

      it('rejects malformed usernames and unknown flows', async () => {
        const err = await rejects(
          w.a.findAccount({ username: '', purpose: 'reset' }),
          'VALIDATION',
          'empty',
        );
        equal(dataOf(err).fields, { username: 'required' }, 'fields');
        await rejects(w.a.sendCode({ flowId: 'nope', channel: 'email' }), 'FLOW_EXPIRED', 'send');
        await rejects(
          w.a.verifyCode({ flowId: 'nope', code: 'ABCDEFGH' }),
          'FLOW_EXPIRED',
          'verify',
        );
        await rejects(
          w.a.setPassword({ flowId: 'nope', password: DELEGATE_PASSWORD }),
          'FLOW_EXPIRED',
          'set',
        );
      });

      it('5 wrong entries void the code (the 6th fails even if right); a code works once', async () => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await rejects(
          w.a.verifyCode({ flowId: flow.flowId, code: 'ABCDEFGH' }),
          'CODE_EXPIRED',
          'before any code was sent',
        );
        await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        const code = await codeFor(w, input.email, 'email');
        const wrong = code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
        for (const left of [4, 3, 2, 1]) {
          const err = await rejects(
            w.a.verifyCode({ flowId: flow.flowId, code: wrong }),
            'CODE_INVALID',
            `wrong (${left} left)`,
          );
          equal(dataOf(err), { attemptsLeft: left }, 'attempts left');
        }
        await rejects(
          w.a.verifyCode({ flowId: flow.flowId, code: wrong }),
          'CODE_ATTEMPTS_EXCEEDED',
          '5th wrong',
        );
        await rejects(
          w.a.verifyCode({ flowId: flow.flowId, code }),
          'CODE_ATTEMPTS_EXCEEDED',
          '6th, right',
        );
        await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: OTHER_PASSWORD }),
          'FLOW_EXPIRED',
          'not verified',
        );

        const again = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: again.flowId, channel: 'sms' });
        const sms = await codeFor(w, '+13125550101', 'sms');
        await w.a.verifyCode({ flowId: again.flowId, code: sms });
        await rejects(w.a.verifyCode({ flowId: again.flowId, code: sms }), 'CODE_EXPIRED', 'reuse');
      });

      it('throttles sends: a second send to the same destination at once is RATE_LIMITED', async () => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        const sent = await w.a.sendCode({ flowId: flow.flowId, channel: 'sms' });
        const err = await rejects(
          w.a.sendCode({ flowId: flow.flowId, channel: 'sms' }),
          'RATE_LIMITED',
          'immediate resend',
        );
        equal(dataOf(err).retryAfter, sent.resendAvailableAt, 'retryAfter');
        const other = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await rejects(
          w.a.sendCode({ flowId: other.flowId, channel: 'sms' }),
          'RATE_LIMITED',
          'per account, not per flow',
        );
      });

      timed('a resent code voids the previous one', async (advance) => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        const first = await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        const old = await codeFor(w, input.email, 'email');
        const now = first.expiresAt - 10 * MINUTE;
        await advance(first.resendAvailableAt - now);
        await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        const fresh = await codeFor(w, input.email, 'email');
        if (old !== fresh) {
          await rejects(
            w.a.verifyCode({ flowId: flow.flowId, code: old }),
            'CODE_INVALID',
            'old code',
          );
        }
        await w.a.verifyCode({ flowId: flow.flowId, code: fresh });
      });

      timed('a code expires after 10 minutes', async (advance) => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        const code = await codeFor(w, input.email, 'email');
        await advance(10 * MINUTE);
        await rejects(w.a.verifyCode({ flowId: flow.flowId, code }), 'CODE_EXPIRED', 'at 10 min');
        const again = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: again.flowId, channel: 'email' });
        const code2 = await codeFor(w, input.email, 'email');
        await advance(10 * MINUTE - SECOND);
        await w.a.verifyCode({ flowId: again.flowId, code: code2 });
      });

      timed('allows at most 5 sends per rolling 30 minutes', async (advance) => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        let firstAt = 0;
        for (let i = 0; i < 5; i++) {
          const sent = await w.a.sendCode({
            flowId: flow.flowId,
            channel: i % 2 ? 'sms' : 'email',
          });
          // The backend's "now": a code is valid for exactly 10 minutes from its send.
          if (i === 0) firstAt = sent.expiresAt - 10 * MINUTE;
          await advance(31 * SECOND);
        }
        const err = await rejects(
          w.a.sendCode({ flowId: flow.flowId, channel: 'email' }),
          'RATE_LIMITED',
          '6th within 30 minutes',
        );
        equal(dataOf(err).retryAfter, firstAt + 30 * MINUTE, 'retryAfter: the first send + 30 min');
        // 30 minutes after the first send (not an hour), a send is allowed again.
        await advance(30 * MINUTE - 5 * 31 * SECOND);
        const f2 = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: f2.flowId, channel: 'email' });
      });

      it('enforces the password policy and the history of 10', async () => {
        const input = await activeDelegate(w);
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        await w.a.verifyCode({ flowId: flow.flowId, code: await codeFor(w, input.email, 'email') });
        const policy = await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: `x${input.username}aaa` }),
          'PASSWORD_POLICY',
          'weak',
        );
        for (const rule of ['uppercase', 'digit', 'special', 'no-username', 'no-triple']) {
          ok(dataOf(policy).failed.includes(rule as never), `fails ${rule}`);
        }
        const named = await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: 'Jane-Plans-2026!' }),
          'PASSWORD_POLICY',
          'first name',
        );
        equal(dataOf(named).failed, ['no-name'], 'only the name rule');
        const common = await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: COMMON_PASSWORD }),
          'PASSWORD_POLICY',
          'a common password',
        );
        equal(dataOf(common).failed, ['not-common'], 'only the common-password rule');
        const sprayed = await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: 'Summer2026!' }),
          'PASSWORD_POLICY',
          'a season and a year',
        );
        equal(dataOf(sprayed).failed, ['not-common'], 'common with decorations');
        const reused = await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: DELEGATE_PASSWORD }),
          'PASSWORD_REUSED',
          'current password',
        );
        equal(dataOf(reused), { historySize: 10 }, 'history size');
        await w.a.setPassword({ flowId: flow.flowId, password: OTHER_PASSWORD });
        await rejects(
          w.a.setPassword({ flowId: flow.flowId, password: 'Third-Pass-99!' }),
          'FLOW_EXPIRED',
          'the flow is over once the password is set',
        );
      });

      it('completing forgot password unlocks a locked account', async () => {
        const input = await activeDelegate(w);
        for (let i = 0; i < 4; i++) {
          await rejects(
            w.a.login({ username: input.username, password: 'Wrong-1!x' }),
            'INVALID_CREDENTIALS',
            'wrong',
          );
        }
        await rejects(
          w.a.login({ username: input.username, password: 'Wrong-1!x' }),
          'ACCOUNT_LOCKED',
          '5th',
        );
        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: flow.flowId, channel: 'email' });
        await w.a.verifyCode({ flowId: flow.flowId, code: await codeFor(w, input.email, 'email') });
        await w.a.setPassword({ flowId: flow.flowId, password: OTHER_PASSWORD });
        const result = await w.a.login({ username: input.username, password: OTHER_PASSWORD });
        equal(result.status, 'verification-required', 'unlocked');
      });
    });

    describe('login', () => {
      it('answers a wrong password and an unknown username identically', async () => {
        const input = await activeDelegate(w);
        const wrong = await rejects(
          w.a.login({ username: input.username, password: 'Not-It-123!' }),
          'INVALID_CREDENTIALS',
          'wrong password',
        );
        const unknown = await rejects(
          w.a.login({ username: `ghost${unique()}`, password: 'Not-It-123!' }),
          'INVALID_CREDENTIALS',
          'unknown user',
        );
        equal(
          [wrong.message, show(wrong.data)],
          [unknown.message, show(unknown.data)],
          'same error',
        );
        const invited = delegateInput();
        await w.h.signInProducer(w.producer.username);
        await w.a.addDelegate(invited);
        await rejects(
          w.a.login({ username: invited.username, password: DELEGATE_PASSWORD }),
          'INVALID_CREDENTIALS',
          'no password yet',
        );
      });

      it('locks on the 5th consecutive failure, even against the right password', async () => {
        const input = await activeDelegate(w);
        for (let i = 0; i < 4; i++) {
          await rejects(
            w.a.login({ username: input.username, password: `Wrong-${i}!aA` }),
            'INVALID_CREDENTIALS',
            `failure ${i + 1}`,
          );
        }
        const locked = await rejects(
          w.a.login({ username: input.username, password: 'Wrong-5!aA' }),
          'ACCOUNT_LOCKED',
          '5th failure',
        );
        const unlocksAt = dataOf(locked).unlocksAt;
        ok(Number.isFinite(unlocksAt), 'unlocksAt is epoch ms');
        const still = await rejects(
          w.a.login({ username: input.username, password: DELEGATE_PASSWORD }),
          'ACCOUNT_LOCKED',
          'right password while locked',
        );
        equal(dataOf(still).unlocksAt, unlocksAt, 'lock not extended');
        await w.h.signInProducer(w.producer.username);
        const list = await w.a.listDelegates();
        equal(list.find((d) => d.username === input.username)?.status, 'locked', 'status locked');
      });

      it('a success resets the failure counter', async () => {
        const input = await activeDelegate(w);
        for (let i = 0; i < 4; i++) {
          await rejects(
            w.a.login({ username: input.username, password: 'Wrong-1!aA' }),
            'INVALID_CREDENTIALS',
            'wrong',
          );
        }
        await pendingLogin(w, input.username);
        for (let i = 0; i < 4; i++) {
          await rejects(
            w.a.login({ username: input.username, password: 'Wrong-1!aA' }),
            'INVALID_CREDENTIALS',
            'wrong after reset',
          );
        }
      });

      timed('unlocks by itself after 30 minutes', async (advance) => {
        const input = await activeDelegate(w);
        for (let i = 0; i < 5; i++) {
          await w.a
            .login({ username: input.username, password: 'Wrong-1!aA' })
            .catch(() => undefined);
        }
        await advance(30 * MINUTE - SECOND);
        await rejects(
          w.a.login({ username: input.username, password: DELEGATE_PASSWORD }),
          'ACCOUNT_LOCKED',
          'just before',
        );
        await advance(SECOND);
        await pendingLogin(w, input.username);
      });

      it('first login: enroll the pattern, then verify by code; the session has the profile and capabilities', async () => {
        const input = await activeDelegate(w);
        const pending = await pendingLogin(w, input.username);
        equal(pending.mustEnrollPattern, true, 'must enroll');
        equal(pending.username, input.username, 'username');
        ok(pending.sampleText.length > 10, 'a sample sentence');
        ok(Number.isFinite(pending.expiresAt), 'expiresAt');
        await rejects(
          w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'email' }),
          'FORBIDDEN',
          'code before enrollment',
        );
        await rejects(
          w.a.verifyTypingPattern({
            pendingId: pending.pendingId,
            samples: [],
            rememberDevice: false,
          }),
          'PATTERN_UNAVAILABLE',
          'verify before enrollment',
        );
        const samples = typingSamplesFor(pending.sampleText);
        const bad = await rejects(
          w.a.enrollTypingPattern({
            pendingId: pending.pendingId,
            samples: samples.enroll.map((s) => ({ ...s, text: 'something else' })),
          }),
          'PATTERN_INVALID_SAMPLES',
          'wrong text',
        );
        equal(dataOf(bad), { count: 3 }, 'count');
        const next = await w.a.enrollTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.enroll,
        });
        equal(next.mustEnrollPattern, false, 'enrolled');
        equal(
          next.options.map((o) => [o.method, o.available]),
          [
            ['email', true],
            ['sms', true],
          ],
          'email and sms only',
        );
        equal(option(next, 'email')!.masked, 'j•••@e•••.com', 'masked email');
        equal(option(next, 'sms')!.masked, '•••-•••-0101', 'masked phone');
        await rejects(
          w.a.verifyTypingPattern({
            pendingId: next.pendingId,
            samples: samples.genuine,
            rememberDevice: false,
          }),
          'FORBIDDEN',
          'pattern right after enrollment',
        );
        await w.a.sendVerificationCode({ pendingId: next.pendingId, channel: 'sms' });
        const verified = await w.a.verifyAccountCode({
          pendingId: next.pendingId,
          code: await codeFor(w, '+13125550101', 'sms'),
          rememberDevice: false,
        });
        equal(verified.deviceToken, undefined, 'no device token');
        const s = verified.session;
        equal(
          [
            s.user.username,
            s.user.firstName,
            s.user.lastName,
            s.user.email,
            s.user.mobile,
            s.user.states,
            s.user.role,
          ],
          [input.username, 'Jane', 'Doe', input.email, '+13125550101', ['IL', 'TX'], 'delegate'],
          'profile',
        );
        equal(
          s.user.producer,
          {
            username: w.producer.username,
            firstName: 'Pat',
            lastName: 'Morgan',
            producerId: w.producer.producerId,
          },
          'producer ref',
        );
        equal(
          s.capabilities,
          {
            quote: true,
            onExchangeEnrollmentSso: false,
            medicareQuotingSso: false,
            manageDelegates: false,
            helpDesk: false,
          },
          'delegate capabilities',
        );
        ok(s.expiresAt > s.issuedAt, 'session times');
        equal((await w.a.getSession())?.user.username, input.username, 'getSession');
        await rejects(
          w.a.verifyAccountCode({
            pendingId: next.pendingId,
            code: 'ABCDEFGH',
            rememberDevice: false,
          }),
          'FLOW_EXPIRED',
          'pending is used up',
        );
      });

      it('a pattern enrolled at a first login is bound only when that login passes a code', async () => {
        const input = await activeDelegate(w);
        let pending = await pendingLogin(w, input.username);
        const samples = typingSamplesFor(pending.sampleText);
        // 1. Enrolled, then abandoned: nothing is bound.
        await w.a.enrollTypingPattern({ pendingId: pending.pendingId, samples: samples.enroll });
        pending = await pendingLogin(w, input.username);
        equal(pending.mustEnrollPattern, true, 'after an abandoned login: enroll again');
        equal(option(pending, 'pattern'), undefined, 'no pattern option');
        await rejects(
          w.a.verifyTypingPattern({
            pendingId: pending.pendingId,
            samples: samples.genuine,
            rememberDevice: true,
          }),
          'PATTERN_UNAVAILABLE',
          'the abandoned pattern does not verify',
        );
        // 2. Enrolled, then a wrong code, then abandoned: still nothing bound.
        const second = await w.a.enrollTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.enroll,
        });
        await w.a.sendVerificationCode({ pendingId: second.pendingId, channel: 'sms' });
        const sms = await codeFor(w, '+13125550101', 'sms');
        await rejects(
          w.a.verifyAccountCode({
            pendingId: second.pendingId,
            code: sms === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH',
            rememberDevice: true,
          }),
          'CODE_INVALID',
          'a wrong code',
        );
        pending = await pendingLogin(w, input.username);
        equal(pending.mustEnrollPattern, true, 'after a failed verification: enroll again');
        // 3. Enrolled and verified by a code: bound.
        const third = await w.a.enrollTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.enroll,
        });
        await w.a.sendVerificationCode({ pendingId: third.pendingId, channel: 'email' });
        await w.a.verifyAccountCode({
          pendingId: third.pendingId,
          code: await codeFor(w, input.email, 'email'),
          rememberDevice: false,
        });
        await w.a.logout();
        pending = await pendingLogin(w, input.username);
        equal(pending.mustEnrollPattern, false, 'bound by the verified login');
        equal(option(pending, 'pattern')?.available, true, 'the pattern is offered');
        const verified = await w.a.verifyTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        });
        equal(verified.session.user.username, input.username, 'signed in by the bound pattern');
      });

      it('a remembered device comes only from a verification that succeeded', async () => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        const samples = typingSamplesFor(pending.sampleText);
        await rejects(
          w.a.verifyTypingPattern({
            pendingId: pending.pendingId,
            samples: samples.impostor,
            rememberDevice: true,
          }),
          'PATTERN_MISMATCH',
          'impostor asking to be remembered',
        );
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const code = await codeFor(w, '+13125550101', 'sms');
        await rejects(
          w.a.verifyAccountCode({
            pendingId: pending.pendingId,
            code: code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH',
            rememberDevice: true,
          }),
          'CODE_INVALID',
          'wrong code asking to be remembered',
        );
        equal(await w.a.getSession(), null, 'no session from a failure');
        const verified = await w.a.verifyAccountCode({
          pendingId: pending.pendingId,
          code,
          rememberDevice: true,
        });
        ok(verified.deviceToken, 'the successful verification remembers the device');
        equal(
          await w.a.checkDevice({
            username: input.username,
            deviceToken: verified.deviceToken.token,
          }),
          { valid: true, expiresAt: verified.deviceToken.expiresAt },
          'checkDevice',
        );
      });

      it('later logins offer email, SMS and the pattern; the enrolled typist gets in', async () => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        equal(pending.mustEnrollPattern, false, 'no enrollment');
        equal(
          pending.options.map((o) => [o.method, o.available]),
          [
            ['email', true],
            ['sms', true],
            ['pattern', true],
          ],
          'three options',
        );
        const samples = typingSamplesFor(pending.sampleText);
        const verified = await w.a.verifyTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        });
        equal(verified.session.user.username, input.username, 'signed in by pattern');
      });

      it('3 pattern failures in a row disable the pattern until a code verification succeeds', async () => {
        // enrolledDelegate just sent an email code: use SMS to stay within the send throttle.
        const { input } = await enrolledDelegate(w);
        let pending = await pendingLogin(w, input.username);
        const samples = typingSamplesFor(pending.sampleText);
        for (const left of [2, 1, 0]) {
          const err = await rejects(
            w.a.verifyTypingPattern({
              pendingId: pending.pendingId,
              samples: samples.impostor,
              rememberDevice: false,
            }),
            'PATTERN_MISMATCH',
            `impostor (${left} left)`,
          );
          equal(dataOf(err), { attemptsLeft: left }, 'attempts left');
        }
        const locked = await rejects(
          w.a.verifyTypingPattern({
            pendingId: pending.pendingId,
            samples: samples.genuine,
            rememberDevice: false,
          }),
          'PATTERN_UNAVAILABLE',
          'genuine after 3 failures',
        );
        equal(dataOf(locked), { reason: 'locked' }, 'locked');
        pending = await pendingLogin(w, input.username);
        equal(option(pending, 'pattern')?.available, false, 'option unavailable on the next login');
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        await w.a.verifyAccountCode({
          pendingId: pending.pendingId,
          code: await codeFor(w, '+13125550101', 'sms'),
          rememberDevice: false,
        });
        await w.a.logout();
        pending = await pendingLogin(w, input.username);
        equal(option(pending, 'pattern')?.available, true, 'available again');
        await w.a.verifyTypingPattern({
          pendingId: pending.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        });
      });

      it('a wrong account code counts down and voids like any code', async () => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const code = await codeFor(w, '+13125550101', 'sms');
        const wrong = code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH';
        const err = await rejects(
          w.a.verifyAccountCode({
            pendingId: pending.pendingId,
            code: wrong,
            rememberDevice: false,
          }),
          'CODE_INVALID',
          'wrong',
        );
        equal(dataOf(err), { attemptsLeft: 4 }, 'attempts');
        await rejects(
          w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' }),
          'RATE_LIMITED',
          'immediate resend',
        );
        await w.a.verifyAccountCode({ pendingId: pending.pendingId, code, rememberDevice: false });
      });

      it('remember this device: the token skips verification until the password changes', async () => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const verified = await w.a.verifyAccountCode({
          pendingId: pending.pendingId,
          code: await codeFor(w, '+13125550101', 'sms'),
          rememberDevice: true,
        });
        const device = verified.deviceToken;
        ok(device && device.token.length >= 22, 'a device token');
        await w.a.logout();
        const check = await w.a.checkDevice({
          username: input.username,
          deviceToken: device.token,
        });
        equal(check, { valid: true, expiresAt: device.expiresAt }, 'checkDevice');
        equal(
          await w.a.checkDevice({ username: input.username, deviceToken: device.token + 'x' }),
          { valid: false },
          'forged token',
        );
        equal(
          await w.a.checkDevice({ username: w.producer.username, deviceToken: device.token }),
          { valid: false },
          'bound to its account',
        );
        const direct = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          deviceToken: device.token,
        });
        ok(direct.status === 'authenticated', 'authenticated directly');
        equal(direct.session.user.username, input.username, 'session');
        await w.a.logout();
        await rejects(
          w.a.login({
            username: input.username,
            password: 'Wrong-1!aA',
            deviceToken: device.token,
          }),
          'INVALID_CREDENTIALS',
          'the device does not replace the password',
        );

        const flow = await w.a.findAccount({ username: input.username, purpose: 'reset' });
        await w.a.sendCode({ flowId: flow.flowId, channel: 'sms' });
        await w.a.verifyCode({
          flowId: flow.flowId,
          code: await codeFor(w, '+13125550101', 'sms'),
        });
        await w.a.setPassword({ flowId: flow.flowId, password: OTHER_PASSWORD });
        equal(
          await w.a.checkDevice({ username: input.username, deviceToken: device.token }),
          { valid: false },
          'revoked by the password change',
        );
        const after = await w.a.login({
          username: input.username,
          password: OTHER_PASSWORD,
          deviceToken: device.token,
        });
        equal(after.status, 'verification-required', 'verification again');
      });

      timed('a remembered device expires after 30 days', async (advance) => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const { deviceToken } = await w.a.verifyAccountCode({
          pendingId: pending.pendingId,
          code: await codeFor(w, '+13125550101', 'sms'),
          rememberDevice: true,
        });
        ok(deviceToken, 'token');
        await w.a.logout();
        await advance(30 * DAY - MINUTE);
        const inTime = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          deviceToken: deviceToken.token,
        });
        equal(inTime.status, 'authenticated', 'day 30 - 1 min');
        await w.a.logout();
        await advance(MINUTE);
        equal(
          await w.a.checkDevice({ username: input.username, deviceToken: deviceToken.token }),
          { valid: false },
          'expired',
        );
        const late = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          deviceToken: deviceToken.token,
        });
        equal(late.status, 'verification-required', 'after 30 days');
      });

      timed('a pending login expires', async (advance) => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        // The backend's "now": a code is valid for exactly 10 minutes from its send.
        const sent = await w.a.sendVerificationCode({
          pendingId: pending.pendingId,
          channel: 'sms',
        });
        const now = sent.expiresAt - 10 * MINUTE;
        const code = await codeFor(w, '+13125550101', 'sms');
        await advance(pending.expiresAt - now);
        await rejects(
          w.a.verifyAccountCode({ pendingId: pending.pendingId, code, rememberDevice: false }),
          'FLOW_EXPIRED',
          'expired pending',
        );
        await rejects(
          w.a.verifyAccountCode({
            pendingId: 'no-such-id',
            code: 'ABCDEFGH',
            rememberDevice: false,
          }),
          'FLOW_EXPIRED',
          'unknown pending',
        );
      });
    });

    describe('forgot username', () => {
      it('answers the same for known and unknown emails, and emails only a known one', async () => {
        const input = await activeDelegate(w);
        const before = (await w.h.outbox()).length;
        const unknown = await w.a.forgotUsername({ email: `nobody.${unique()}@example.com` });
        equal((await w.h.outbox()).length, before, 'nothing sent for an unknown email');
        const known = await w.a.forgotUsername({ email: input.email.toUpperCase() });
        equal(Object.keys(known), Object.keys(unknown), 'same shape');
        const mail = (await messagesTo(w, input.email)).pop()!;
        ok(mail.text.includes(input.username), 'email has the username');
        await rejects(w.a.forgotUsername({ email: input.email }), 'RATE_LIMITED', 'throttled');
        const err = await rejects(w.a.forgotUsername({ email: 'nope' }), 'VALIDATION', 'bad email');
        equal(dataOf(err).fields, { email: 'invalid-email' }, 'fields');
      });

      timed('resend is allowed after the throttle interval', async (advance) => {
        const input = await activeDelegate(w);
        const first = await w.a.forgotUsername({ email: input.email });
        await advance(30 * SECOND);
        const second = await w.a.forgotUsername({ email: input.email });
        ok(second.resendAvailableAt > first.resendAvailableAt, 'later');
        equal(
          (await messagesTo(w, input.email)).filter(
            (m) => m.text.includes(input.username) && !/token=/.test(m.text),
          ).length >= 2,
          true,
          'two username emails',
        );
      });
    });

    describe('sessions', () => {
      it('getSession and logout', async () => {
        const s = await w.a.getSession();
        equal(s?.user.username, w.producer.username, 'producer signed in');
        equal(s?.user.role, 'producer', 'role');
        equal(s?.capabilities.manageDelegates, true, 'producer manages delegates');
        equal(s?.capabilities.helpDesk, false, 'a producer is not help desk');
        ok(s && s.idleExpiresAt > s.issuedAt && s.idleExpiresAt <= s.expiresAt, 'idleExpiresAt');
        await w.a.logout();
        equal(await w.a.getSession(), null, 'signed out');
        await w.a.logout();
      });

      timed(
        'a session ends after 30 minutes without a call; every call moves the end',
        async (advance) => {
          const s = await w.a.getSession();
          ok(s, 'signed in');
          equal(s.idleExpiresAt - s.issuedAt, 30 * MINUTE, 'idle end: 30 minutes after sign-in');
          await advance(30 * MINUTE - SECOND);
          const kept = await w.a.getSession();
          ok(kept, 'used just in time');
          equal(kept.idleExpiresAt, s.issuedAt + 60 * MINUTE - SECOND, 'moved forward by the call');
          await advance(30 * MINUTE - SECOND);
          await w.a.listDelegates();
          await advance(30 * MINUTE);
          await rejects(w.a.listDelegates(), 'NOT_AUTHENTICATED', 'after 30 idle minutes');
          equal(await w.a.getSession(), null, 'signed out');
        },
      );

      it('a delegate may not manage delegates', async () => {
        const { input } = await enrolledDelegate(w);
        const pending = await pendingLogin(w, input.username);
        await w.a.verifyTypingPattern({
          pendingId: pending.pendingId,
          samples: typingSamplesFor(pending.sampleText).genuine,
          rememberDevice: false,
        });
        await rejects(w.a.addDelegate(delegateInput()), 'FORBIDDEN', 'add');
        await rejects(w.a.listDelegates(), 'FORBIDDEN', 'list');
      });
    });

    describe('report an issue', () => {
      it('needs a session and valid fields, and returns a ticket', async () => {
        const err = await rejects(
          w.a.reportIssue(
            report({
              description: ' ',
              screenshot: { name: 'notes.pdf', type: 'application/pdf', size: 1000 },
            }),
          ),
          'VALIDATION',
          'bad report',
        );
        equal(
          dataOf(err).fields,
          { description: 'required', screenshot: 'invalid-file-type' },
          'fields',
        );
        const big = await rejects(
          w.a.reportIssue(
            report({ screenshot: { name: 'big.png', type: 'image/png', size: 50 * 1024 * 1024 } }),
          ),
          'VALIDATION',
          'oversize',
        );
        equal(dataOf(big).fields, { screenshot: 'file-too-large' }, 'oversize field');
        const before = (await w.h.outbox()).length;
        const ticket = await w.a.reportIssue(
          report({ screenshot: { name: 'screen.png', type: 'image/png', size: 2048 } }),
        );
        ok(/^PEP-[A-Z0-9]{4,}$/.test(ticket.ticketId), `ticket id ${ticket.ticketId}`);
        const box = await w.h.outbox();
        equal(box.length, before + 1, 'one message');
        const m = box[box.length - 1]!;
        equal(m.channel, 'email', 'an email');
        ok(`${m.subject} ${m.text}`.includes(ticket.ticketId), 'mentions the ticket');
        ok(m.text.includes('screen.png'), 'notes the attachment');
        ok(m.text.includes('Quote page shows an error'), 'carries the description');
        await w.a.logout();
        await rejects(w.a.reportIssue(report()), 'NOT_AUTHENTICATED', 'signed out');
      });
    });

    describe('help desk', () => {
      it('refuses everyone but a help-desk session, the same for an existing and a missing username', async () => {
        const { input } = await enrolledDelegate(w);
        const missing = `nobody${unique()}`;
        const refused = async (code: AdapterErrorCode, who: string): Promise<void> => {
          for (const username of [input.username, missing]) {
            const which = username === missing ? 'missing' : 'existing';
            await rejects(w.a.unlockAccount({ username }), code, `${who}: unlock (${which})`);
            await rejects(w.a.resetTypingPattern({ username }), code, `${who}: reset (${which})`);
          }
        };
        await signInByPattern(w, input.username);
        // Locked while signed in: the refused unlocks below must leave the lock in place.
        for (let i = 0; i < 5; i++) {
          await w.a
            .login({ username: input.username, password: 'Wrong-1!aA' })
            .catch(() => undefined);
        }
        await refused('FORBIDDEN', 'delegate');
        await w.a.logout();
        await refused('NOT_AUTHENTICATED', 'anonymous');
        await w.h.signInProducer(w.producer.username);
        await refused('FORBIDDEN', 'producer');
        await w.a.logout();
        await rejects(
          w.a.login({ username: input.username, password: DELEGATE_PASSWORD }),
          'ACCOUNT_LOCKED',
          'still locked',
        );

        await signedInHelpDesk(w);
        await rejects(w.a.unlockAccount({ username: missing }), 'NOT_FOUND', 'help desk: missing');
        await rejects(
          w.a.resetTypingPattern({ username: missing }),
          'NOT_FOUND',
          'help desk: missing (reset)',
        );
        await w.a.unlockAccount({ username: input.username.toUpperCase() });
        await w.a.logout();
        const pending = await pendingLogin(w, input.username);
        equal(option(pending, 'pattern')?.available, true, 'the refused resets changed nothing');
      });

      it('resetTypingPattern (help desk) makes the next login enroll again and revokes devices', async () => {
        const { input } = await enrolledDelegate(w);
        let pending = await pendingLogin(w, input.username);
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const { deviceToken } = await w.a.verifyAccountCode({
          pendingId: pending.pendingId,
          code: await codeFor(w, '+13125550101', 'sms'),
          rememberDevice: true,
        });
        ok(deviceToken, 'a remembered device');
        await signedInHelpDesk(w);
        await w.a.resetTypingPattern({ username: input.username });
        await w.a.logout();
        equal(
          await w.a.checkDevice({ username: input.username, deviceToken: deviceToken.token }),
          { valid: false },
          'device revoked',
        );
        const again = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          deviceToken: deviceToken.token,
        });
        ok(again.status === 'verification-required', 'the device no longer skips verification');
        pending = again.pending;
        equal(pending.mustEnrollPattern, true, 'enroll again');
      });
    });

    describe('delegate administration (issue 22)', () => {
      /** The id of the signed-in producer's delegate `username`. */
      async function idOf(username: string): Promise<string> {
        await w.h.signInProducer(w.producer.username);
        const found = (await w.a.listDelegates()).find((d) => d.username === username);
        ok(found, `${username} is listed`);
        return found.id;
      }

      it('a delegate or another producer is refused with a typed error; a missing id looks the same', async () => {
        const { input } = await enrolledDelegate(w);
        const id = await idOf(input.username);
        const other: ConformanceProducer = {
          ...w.producer,
          username: `prod${unique()}`,
          email: `pat.${unique()}@agency.example`,
          producerId: `P-${unique()}`,
        };
        await w.h.createProducer(other);
        await w.h.signInProducer(other.username);
        for (const delegateId of [id, `dlg_${unique()}`]) {
          await rejects(
            w.a.setDelegateActive({ delegateId, active: false }),
            'NOT_FOUND',
            'another producer: set-active',
          );
          await rejects(
            w.a.unlockDelegate({ delegateId }),
            'NOT_FOUND',
            'another producer: unlock',
          );
        }
        await rejects(w.a.searchDelegates({ query: input.username }), 'FORBIDDEN', 'producer');
        await w.a.logout();
        await signInByPattern(w, input.username);
        await rejects(
          w.a.setDelegateActive({ delegateId: id, active: false }),
          'FORBIDDEN',
          'delegate: set-active',
        );
        await rejects(
          w.a.helpDeskAction({ delegateId: id, action: 'deactivate', reason: 'Just because' }),
          'FORBIDDEN',
          'delegate: help-desk action',
        );
        await rejects(w.a.getDelegateDetail({ delegateId: id }), 'FORBIDDEN', 'delegate: detail');
        const own = await w.a.listMyActivity({ limit: 100 });
        ok(
          own.entries.some((e) => e.type === 'sign-in' && e.actor.role === 'self'),
          'the delegate sees their own sign-ins',
        );
        await w.a.logout();
        await rejects(w.a.listMyActivity(), 'NOT_AUTHENTICATED', 'anonymous: activity');
        await w.h.signInProducer(w.producer.username);
        equal(
          (await w.a.listDelegates()).find((d) => d.id === id)?.status,
          'active',
          'nothing changed',
        );
      });

      it('deactivated by the producer: ACCOUNT_DEACTIVATED only after the right password; reactivated', async () => {
        const input = await activeDelegate(w);
        const id = await idOf(input.username);
        const off = await w.a.setDelegateActive({ delegateId: id, active: false });
        equal(off.status, 'deactivated', 'status');
        await w.a.logout();
        await rejects(
          w.a.login({ username: input.username, password: 'Wrong-Guess-1!' }),
          'INVALID_CREDENTIALS',
          'wrong password',
        );
        await rejects(
          w.a.login({ username: input.username, password: DELEGATE_PASSWORD }),
          'ACCOUNT_DEACTIVATED',
          'right password',
        );
        const before = (await messagesTo(w, input.email)).length;
        await w.a.forgotUsername({ email: input.email });
        equal((await messagesTo(w, input.email)).length, before, 'no username reminder');
        await w.h.signInProducer(w.producer.username);
        equal(
          (await w.a.setDelegateActive({ delegateId: id, active: true })).status,
          'active',
          'reactivated',
        );
        const notices = (await messagesTo(w, input.email)).map((m) => m.subject);
        ok(notices.includes('Account Information - Account Deactivated'), 'told: deactivated');
        ok(notices.includes('Account Information - Account Reactivated'), 'told: reactivated');
        await w.a.logout();
        await pendingLogin(w, input.username);
      });

      it('help desk: a reason is required; the action is in the activity with actor and reason', async () => {
        const input = await activeDelegate(w);
        const id = await idOf(input.username);
        await w.a.logout();
        await signedInHelpDesk(w);
        const err = await rejects(
          w.a.helpDeskAction({ delegateId: id, action: 'forget-devices', reason: 'no' }),
          'VALIDATION',
          'short reason',
        );
        equal(dataOf(err).fields, { reason: 'too-short' }, 'reason field');
        await rejects(
          w.a.helpDeskAction({
            delegateId: `dlg_${unique()}`,
            action: 'forget-devices',
            reason: 'Lost laptop',
          }),
          'NOT_FOUND',
          'missing delegate',
        );
        const hits = await w.a.searchDelegates({ query: input.email.toUpperCase() });
        equal(
          hits.map((d) => d.username),
          [input.username],
          'found by email',
        );
        const detail = await w.a.helpDeskAction({
          delegateId: id,
          action: 'forget-devices',
          reason: 'Lost laptop',
        });
        equal(detail.rememberedDevices.count, 0, 'no devices');
        const page = await w.a.listDelegateActivity({ delegateId: id });
        const entry = page.entries.find((e) => e.type === 'devices-forgotten');
        ok(entry, 'recorded');
        equal(entry.actor.role, 'help-desk', 'actor');
        equal(entry.reason, 'Lost laptop', 'reason');
      });
    });

    describe('passkeys', () => {
      /** A test that needs passkeys on; skipped without `passkeys` in the harness. */
      function withPasskeys(
        title: string,
        body: (auth: ConformanceAuthenticator, origin: string) => Promise<void>,
        needsClock = false,
      ) {
        it(title, async function (this: Mocha.Context) {
          const passkeys = w.h.passkeys;
          if (!passkeys || (needsClock && !w.h.advanceTime)) this.skip();
          await body(passkeys.authenticator(), passkeys.origin);
        });
      }

      /** Register a passkey for the signed-in user. */
      async function register(auth: ConformanceAuthenticator, name = 'Work laptop') {
        const { ceremonyId, options } = await w.a.startPasskeyRegistration();
        return w.a.finishPasskeyRegistration({
          ceremonyId,
          response: await auth.create(options),
          name,
        });
      }

      /** Sign in with the authenticator's passkey (tweaked, or not). */
      async function signIn(auth: ConformanceAuthenticator, tweaks?: AuthenticatorTweaks) {
        const { ceremonyId, options } = await w.a.startPasskeySignIn();
        return w.a.finishPasskeySignIn({
          ceremonyId,
          response: await auth.get(options, tweaks),
        });
      }

      /** An enrolled delegate, signed in (password + pattern), with one passkey. */
      async function delegateWithPasskey(auth: ConformanceAuthenticator) {
        const { input } = await enrolledDelegate(w);
        await signInByPattern(w, input.username);
        const passkey = await register(auth);
        return { input, passkey };
      }

      withPasskeys('create a passkey, sign out, sign in with it alone', async (auth) => {
        const { input } = await enrolledDelegate(w);
        await signInByPattern(w, input.username);
        const { ceremonyId, options } = await w.a.startPasskeyRegistration();
        equal(options.authenticatorSelection?.residentKey, 'required', 'discoverable');
        equal(options.authenticatorSelection?.userVerification, 'required', 'user verification');
        equal(options.attestation ?? 'none', 'none', 'attestation none');
        equal(
          options.pubKeyCredParams.map((p) => p.alg).sort((a, b) => a - b),
          [-257, -7],
          'ES256 and RS256',
        );
        ok(
          options.user.id !== input.username && !options.user.id.includes(input.username),
          'the user handle is not the username',
        );
        equal(options.excludeCredentials ?? [], [], 'no passkey to exclude yet');
        const passkey = await w.a.finishPasskeyRegistration({
          ceremonyId,
          response: await auth.create(options),
          name: '  Work laptop  ',
        });
        equal(passkey.name, 'Work laptop', 'the name, trimmed');
        equal(passkey.lastUsedAt, null, 'never used');
        equal(await w.a.listPasskeys(), [passkey], 'listed');
        const again = await w.a.startPasskeyRegistration();
        equal(again.options.user.id, options.user.id, 'one user handle per account');
        equal(
          (again.options.excludeCredentials ?? []).map((c) => c.id),
          [passkey.id],
          'the passkey is excluded from the next registration',
        );

        await w.a.logout();
        const { ceremonyId: signInId, options: request } = await w.a.startPasskeySignIn();
        equal(request.allowCredentials ?? [], [], 'discoverable: no credential list');
        equal(request.userVerification, 'required', 'user verification on sign-in');
        const verified = await w.a.finishPasskeySignIn({
          ceremonyId: signInId,
          response: await auth.get(request),
        });
        equal(verified.session.user.username, input.username, 'signed in as the delegate');
        equal(verified.deviceToken, undefined, 'no device token');
        equal(verified.session.expiresAt - verified.session.issuedAt, 8 * HOUR, 'absolute 8 h');
        equal(
          verified.session.idleExpiresAt - verified.session.issuedAt,
          30 * MINUTE,
          'idle 30 min',
        );
        equal((await w.a.getSession())?.user.username, input.username, 'a live session');
        const [listed] = await w.a.listPasskeys();
        ok(listed && listed.lastUsedAt !== null, 'last used is recorded');
      });

      withPasskeys('a challenge is answered once', async (auth) => {
        await delegateWithPasskey(auth);
        await w.a.logout();
        const { ceremonyId, options } = await w.a.startPasskeySignIn();
        const response = await auth.get(options);
        await w.a.finishPasskeySignIn({ ceremonyId, response });
        await w.a.logout();
        const replay = await rejects(
          w.a.finishPasskeySignIn({ ceremonyId, response }),
          'PASSKEY_REJECTED',
          'the same response again',
        );
        equal(dataOf(replay), { reason: 'expired' }, 'a used ceremony is expired');
        equal(await w.a.getSession(), null, 'the replay signed nobody in');
        const unknown = await rejects(
          w.a.finishPasskeySignIn({ ceremonyId: `x${unique()}`, response }),
          'PASSKEY_REJECTED',
          'an unknown ceremony',
        );
        equal(dataOf(unknown), { reason: 'expired' }, 'an unknown ceremony is expired');
        // A wrong response uses the ceremony up too.
        const next = await w.a.startPasskeySignIn();
        await rejects(
          w.a.finishPasskeySignIn({
            ceremonyId: next.ceremonyId,
            response: await auth.get(next.options, { badSignature: true }),
          }),
          'PASSKEY_REJECTED',
          'bad signature',
        );
        const spent = await rejects(
          w.a.finishPasskeySignIn({
            ceremonyId: next.ceremonyId,
            response: await auth.get(next.options),
          }),
          'PASSKEY_REJECTED',
          'after a wrong answer',
        );
        equal(dataOf(spent), { reason: 'expired' }, 'one answer per challenge, right or wrong');
      });

      withPasskeys(
        'a ceremony expires after 5 minutes',
        async (auth) => {
          const { input } = await enrolledDelegate(w);
          await signInByPattern(w, input.username);
          const registration = await w.a.startPasskeyRegistration();
          await w.h.advanceTime!(5 * MINUTE);
          const late = await rejects(
            w.a.finishPasskeyRegistration({
              ceremonyId: registration.ceremonyId,
              response: await auth.create(registration.options),
              name: 'Late',
            }),
            'PASSKEY_REJECTED',
            'registration after 5 minutes',
          );
          equal(dataOf(late), { reason: 'expired' }, 'expired');
          await register(auth);
          await w.a.logout();
          const challenge = await w.a.startPasskeySignIn();
          await w.h.advanceTime!(5 * MINUTE - SECOND);
          const verified = await w.a.finishPasskeySignIn({
            ceremonyId: challenge.ceremonyId,
            response: await auth.get(challenge.options),
          });
          equal(verified.session.user.username, input.username, 'just in time');
        },
        true,
      );

      withPasskeys('refuses responses that do not verify', async (auth, origin) => {
        await delegateWithPasskey(auth);
        await w.a.logout();
        const host = new URL(origin).hostname;
        const wrong: [string, AuthenticatorTweaks][] = [
          ['another origin', { origin: 'https://evil.example' }],
          ['another RP ID', { rpId: `evil-${host}` }],
          ['no user verification', { userVerified: false }],
          ['a broken signature', { badSignature: true }],
          ['another user handle', { userHandle: `u${unique()}` }],
        ];
        for (const [what, tweaks] of wrong) {
          const err = await rejects(signIn(auth, tweaks), 'PASSKEY_REJECTED', what);
          equal(dataOf(err), { reason: 'invalid' }, what);
          equal(await w.a.getSession(), null, `${what}: nobody signed in`);
        }
        ok((await signIn(auth)).session, 'the genuine response still signs in');
      });

      withPasskeys('refuses a registration that does not verify', async (auth) => {
        const { input } = await enrolledDelegate(w);
        await signInByPattern(w, input.username);
        const cases: [string, AuthenticatorTweaks][] = [
          ['another origin', { origin: 'https://evil.example' }],
          ['no user verification', { userVerified: false }],
        ];
        for (const [what, tweaks] of cases) {
          const { ceremonyId, options } = await w.a.startPasskeyRegistration();
          const err = await rejects(
            w.a.finishPasskeyRegistration({
              ceremonyId,
              response: await auth.create(options, tweaks),
              name: 'Refused',
            }),
            'PASSKEY_REJECTED',
            what,
          );
          equal(dataOf(err), { reason: 'invalid' }, what);
        }
        equal(await w.a.listPasskeys(), [], 'nothing registered');
        // A bad name is refused before the ceremony is used: the same ceremony still works.
        const { ceremonyId, options } = await w.a.startPasskeyRegistration();
        const response = await auth.create(options);
        for (const [name, reason] of [
          ['   ', 'required'],
          ['x'.repeat(65), 'too-long'],
        ] as const) {
          const err = await rejects(
            w.a.finishPasskeyRegistration({ ceremonyId, response, name }),
            'VALIDATION',
            `name ${JSON.stringify(name.slice(0, 5))}`,
          );
          equal(dataOf(err).fields, { name: reason }, 'the name field');
        }
        const passkey = await w.a.finishPasskeyRegistration({
          ceremonyId,
          response,
          name: 'é'.repeat(64),
        });
        equal([...passkey.name].length, 64, '64 characters are allowed');
      });

      withPasskeys('refuses a signature counter that does not go up (a clone)', async (auth) => {
        await delegateWithPasskey(auth);
        await w.a.logout();
        await signIn(auth, { counter: 5 });
        await w.a.logout();
        for (const counter of [5, 3, 0]) {
          const err = await rejects(
            signIn(auth, { counter }),
            'PASSKEY_REJECTED',
            `counter ${counter} after 5`,
          );
          equal(dataOf(err), { reason: 'invalid' }, `counter ${counter}`);
        }
        ok((await signIn(auth, { counter: 6 })).session, 'a higher counter signs in');
      });

      withPasskeys('manage only your own passkeys', async (auth) => {
        const { input, passkey } = await delegateWithPasskey(auth);
        for (const [name, reason] of [
          ['', 'required'],
          ['x'.repeat(65), 'too-long'],
        ] as const) {
          const err = await rejects(
            w.a.renamePasskey({ passkeyId: passkey.id, name }),
            'VALIDATION',
            'rename: bad name',
          );
          equal(dataOf(err).fields, { name: reason }, 'rename: the name field');
        }
        const renamed = await w.a.renamePasskey({ passkeyId: passkey.id, name: ' Phone ' });
        equal(renamed, { ...passkey, name: 'Phone' }, 'renamed');

        // The producer sees none of the delegate's passkeys and cannot touch them.
        await w.h.signInProducer(w.producer.username);
        equal(await w.a.listPasskeys(), [], "the producer's own list");
        await rejects(
          w.a.renamePasskey({ passkeyId: passkey.id, name: 'Mine' }),
          'NOT_FOUND',
          "rename another's",
        );
        await rejects(
          w.a.deletePasskey({ passkeyId: passkey.id }),
          'NOT_FOUND',
          "delete another's",
        );
        await rejects(
          w.a.deletePasskey({ passkeyId: `missing${unique()}` }),
          'NOT_FOUND',
          'delete a missing one',
        );

        await signIn(auth);
        equal((await w.a.getSession())?.user.username, input.username, 'still works');
        equal(
          (await w.a.listPasskeys()).map((p) => p.name),
          ['Phone'],
          'unchanged by others',
        );
        await w.a.deletePasskey({ passkeyId: passkey.id });
        equal(await w.a.listPasskeys(), [], 'deleted');
        await w.a.logout();
        await rejects(signIn(auth), 'PASSKEY_UNKNOWN', 'a deleted passkey');
      });

      withPasskeys('who may manage passkeys: a signed-in delegate or producer', async (auth) => {
        await w.a.logout();
        const anonymous: [string, () => Promise<unknown>][] = [
          ['startPasskeyRegistration', () => w.a.startPasskeyRegistration()],
          ['listPasskeys', () => w.a.listPasskeys()],
          ['renamePasskey', () => w.a.renamePasskey({ passkeyId: 'x', name: 'y' })],
          ['deletePasskey', () => w.a.deletePasskey({ passkeyId: 'x' })],
        ];
        for (const [what, call] of anonymous) await rejects(call(), 'NOT_AUTHENTICATED', what);
        await signedInHelpDesk(w);
        for (const [what, call] of anonymous)
          await rejects(call(), 'FORBIDDEN', `help desk ${what}`);
        // A producer may have passkeys too; anyone may start a sign-in.
        await w.h.signInProducer(w.producer.username);
        const passkey = await register(auth, 'Producer key');
        await w.a.logout();
        const verified = await signIn(auth);
        equal(verified.session.user.username, w.producer.username, 'the producer signs in');
        equal(
          (await w.a.listPasskeys()).map((p) => [p.id, p.name]),
          [[passkey.id, 'Producer key']],
          "the producer's passkey",
        );
      });

      withPasskeys('a locked account stays locked; a passkey resets nothing else', async (auth) => {
        const { input } = await delegateWithPasskey(auth);
        await w.a.logout();
        // Four wrong passwords, then a passkey sign-in: the counter is not reset by it.
        for (let i = 0; i < 4; i++) {
          await rejects(
            w.a.login({ username: input.username, password: OTHER_PASSWORD }),
            'INVALID_CREDENTIALS',
            `wrong password ${i + 1}`,
          );
        }
        await signIn(auth);
        await w.a.logout();
        const locked = await rejects(
          w.a.login({ username: input.username, password: OTHER_PASSWORD }),
          'ACCOUNT_LOCKED',
          'the fifth wrong password locks',
        );
        const err = await rejects(signIn(auth), 'ACCOUNT_LOCKED', 'passkey while locked');
        equal(dataOf(err).unlocksAt, dataOf(locked).unlocksAt, 'the same unlock time');
        equal(await w.a.getSession(), null, 'nobody signed in');
      });
    });

    describe('languages (issue 23)', () => {
      /** The first message of `channel` to `to` whose subject (email) or text (SMS) matches. */
      async function lastTo(to: string, channel: Channel = 'email'): Promise<OutboxMessage> {
        const mine = (await messagesTo(w, to)).filter((m) => m.channel === channel);
        const last = mine.at(-1);
        ok(last, `a ${channel} to ${to}`);
        return last;
      }

      it('Add Delegate stores the preferred language (English when none) and refuses another', async () => {
        const plain = delegateInput();
        equal((await w.a.addDelegate(plain)).language, 'en', 'no language: English');
        const spanish = delegateInput({ language: 'es' });
        equal((await w.a.addDelegate(spanish)).language, 'es', 'Spanish kept');
        const listed = (await w.a.listDelegates()).filter((d) =>
          [plain.username, spanish.username].includes(d.username),
        );
        equal(
          listed.map((d) => [d.username, d.language]),
          [
            [plain.username, 'en'],
            [spanish.username, 'es'],
          ],
          'the list shows each language',
        );
        const err = await rejects(
          w.a.addDelegate(delegateInput({ language: 'fr' as 'es' })),
          'VALIDATION',
          'an unknown language',
        );
        equal(err.data.fields, { language: 'not-allowed' }, 'the field and its reason');
      });

      it("a Spanish delegate's emails and text messages are in Spanish; an English one's in English", async () => {
        const es = await activeDelegate(w, { language: 'es' });
        const en = await activeDelegate(w);
        const esMail = await messagesTo(w, es.email);
        equal(
          esMail.map((m) => m.subject),
          [
            'Confirme su dirección de correo electrónico',
            'Su código de verificación',
            'Información de la cuenta - Actualizar contraseña',
          ],
          'Spanish: invitation, code, password created',
        );
        ok(
          esMail[0]!.text.includes(`Nombre de usuario: ${es.username}`),
          'the invitation names the username in Spanish',
        );
        equal(
          (await messagesTo(w, en.email)).map((m) => m.subject),
          [
            'Confirm Your Email Address',
            'Your Verification Code',
            'Account Information - Update Password',
          ],
          'English: invitation, code, password created',
        );
        const pending = await pendingLogin(w, es.username);
        await w.a.enrollTypingPattern({
          pendingId: pending.pendingId,
          samples: typingSamplesFor(pending.sampleText).enroll,
        });
        await w.a.sendVerificationCode({ pendingId: pending.pendingId, channel: 'sms' });
        const sms = await lastTo('+13125550101', 'sms');
        ok(sms.text.includes('su código de acceso único es'), `SMS in Spanish: ${sms.text}`);
        await w.a.forgotUsername({ email: es.email });
        equal(
          (await lastTo(es.email)).subject,
          'Información de la cuenta - Nombre de usuario',
          'username reminder in Spanish',
        );
        await w.a.forgotUsername({ email: en.email });
        equal(
          (await lastTo(en.email)).subject,
          'Account Information - Username',
          'username reminder in English',
        );
        await w.h.signInProducer(w.producer.username);
        const id = (await w.a.listDelegates()).find((d) => d.username === es.username)!.id;
        await w.a.setDelegateActive({ delegateId: id, active: false });
        const notice = await lastTo(es.email);
        equal(notice.subject, 'Información de la cuenta - Cuenta desactivada', 'notice subject');
        ok(
          notice.text.includes(`fue desactivada por su productor Pat Morgan`),
          `notice names the producer in Spanish: ${notice.text}`,
        );
      });

      it('enrollment types the sentence of the login language (else the preference); verification asks for the enrolled one', async () => {
        const input = await activeDelegate(w);
        const english = await pendingLogin(w, input.username);
        equal([english.mustEnrollPattern, english.sampleLang], [true, 'en'], 'default: English');
        const first = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          language: 'es',
        });
        ok(first.status === 'verification-required', 'verification required');
        const spanish = first.pending;
        equal(spanish.sampleLang, 'es', 'the login language wins');
        ok(spanish.sampleText !== english.sampleText, 'a Spanish sentence of its own');
        const samples = typingSamplesFor(spanish.sampleText);
        const enrolled = await w.a.enrollTypingPattern({
          pendingId: spanish.pendingId,
          samples: samples.enroll,
        });
        equal(
          [enrolled.sampleText, enrolled.sampleLang],
          [spanish.sampleText, 'es'],
          'after enrollment',
        );
        await w.a.sendVerificationCode({ pendingId: spanish.pendingId, channel: 'email' });
        await w.a.verifyAccountCode({
          pendingId: spanish.pendingId,
          code: await codeFor(w, input.email, 'email'),
          rememberDevice: false,
        });
        await w.a.logout();
        // Later, from an English page: still the enrolled (Spanish) sentence, marked Spanish.
        const later = await w.a.login({
          username: input.username,
          password: DELEGATE_PASSWORD,
          language: 'en',
        });
        ok(later.status === 'verification-required', 'verification required');
        equal(
          [later.pending.sampleText, later.pending.sampleLang],
          [spanish.sampleText, 'es'],
          'verification asks for the enrolled sentence',
        );
        const { session } = await w.a.verifyTypingPattern({
          pendingId: later.pending.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        });
        equal(session.user.username, input.username, 'the Spanish pattern verifies');
        await w.a.logout();

        const es = await activeDelegate(w, { language: 'es' });
        const preferred = await pendingLogin(w, es.username);
        equal(
          [preferred.sampleText, preferred.sampleLang],
          [spanish.sampleText, 'es'],
          'no login language: the delegate preference',
        );
      });
    });

    describe('cancellation', () => {
      it('an aborted signal rejects ABORTED', async () => {
        const controller = new AbortController();
        controller.abort();
        const signal = controller.signal;
        await rejects(w.a.getSession({ signal }), 'ABORTED', 'getSession');
        await rejects(w.a.listDelegates({ signal }), 'ABORTED', 'listDelegates');
        await rejects(
          w.a.login({ username: 'someone1', password: 'x' }, { signal }),
          'ABORTED',
          'login',
        );
        await rejects(
          w.a.forgotUsername({ email: 'a@example.com' }, { signal }),
          'ABORTED',
          'forgotUsername',
        );
        const input = delegateInput();
        await rejects(w.a.addDelegate(input, { signal }), 'ABORTED', 'addDelegate');
        equal(await messagesTo(w, input.email), [], 'an aborted-before call does nothing');
      });

      it('aborting during the call rejects ABORTED', async () => {
        const controller = new AbortController();
        const call = w.a.login(
          { username: `ghost${unique()}`, password: 'Some-Pass-1!' },
          { signal: controller.signal },
        );
        controller.abort();
        await rejects(call, 'ABORTED', 'aborted mid-call');
      });
    });
  });
}
