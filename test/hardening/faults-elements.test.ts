/**
 * Journeys under faults: each widget runs on the reference adapter wrapped in the chaos adapter
 * (30 % of calls fail with NETWORK / TIMEOUT / UNAVAILABLE before reaching the backend, random
 * latency up to 3 s, responses out of order). Time is compressed 100× through the chaos
 * adapter's injectable `sleep`, so 3 s of latency costs 30 ms.
 *
 * For every step: each click (or Retry) reaches the adapter exactly once; a failure shows a
 * retryable error in the widget's own role=alert region with a Retry button; Retry completes the
 * step; what was typed is still there; no spinner is left once the call has settled. Apart from
 * that: hammering Submit and Enter sends one call; a late answer to an abandoned step changes
 * nothing; removing a widget mid-call throws nothing and aborts the call.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  createChaosAdapter,
  realSleep,
  type ChaosAdapter,
  type ChaosMethod,
  type ChaosOptions,
} from '../../src/adapter/chaos.js';
import type { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import '../../src/elements/portal-home/pep-portal-home.js';
import '../../src/elements/report-issue/pep-report-issue.js';
import '../../src/elements/verify-email/pep-verify-email.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/login/pep-login.js';
import type { LitElement } from 'lit';
import {
  $,
  $maybe,
  alertText,
  recordUncaught,
  spinners,
  typeInto,
  until,
} from '../support/element-helpers.js';
import {
  delegateInput,
  holding,
  makeAdapter,
  PASSWORD,
  producer,
  VirtualTime,
} from '../support/hardening.js';

/** 3 s of nominal latency cost 30 ms of real time. */
const compressed: ChaosOptions['sleep'] = (ms, signal) => realSleep(ms / 100, signal);

function chaos(memory: MemoryAdapter, seed: number, extra: Partial<ChaosOptions> = {}) {
  return createChaosAdapter(memory, {
    seed,
    failureRate: 0.3,
    latency: { min: 0, max: 3000 },
    outOfOrder: true,
    sleep: compressed,
    ...extra,
  });
}

/** Let the held network move on until `done()` (at most 50 rounds of 3 virtual seconds). */
async function letThrough(network: VirtualTime, done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await network.advance(3000);
  expect(done(), 'the step completed once the network let the call through').to.equal(true);
}

/** The element whose shadow root holds the current step (may vanish once the step is done). */
type Host = () => LitElement | null;

/** Settle Lit updates of `host`. */
async function settled(host: Host): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await host()?.updateComplete;
  }
}

function the(host: Host): LitElement {
  const h = host();
  if (!h) throw new Error('the step element is gone');
  return h;
}

interface StepOptions {
  /** The adapter method this step calls. */
  method: ChaosMethod;
  /** True once the step has succeeded (the widget moved on). */
  advanced: () => boolean;
  /** Inputs whose values must survive a failure, by selector. */
  keep?: string[];
  /** How the step starts: default a click on Submit; `null` when the widget calls by itself. */
  start?: (() => void) | null;
  /** Calls of `method` already made before this step (for steps that start by themselves). */
  since?: number;
}

/**
 * Submit the current step of `host()` and retry through failures until it advances. Asserts, on
 * every attempt: exactly one call of `method`; after it settles no spinner; on failure a
 * retryable error with Retry in the widget's alert region, and the typed values intact.
 * Returns the number of failures met.
 */
async function completeStep(host: Host, adapter: ChaosAdapter, o: StepOptions): Promise<number> {
  const kept = new Map(
    (o.keep ?? []).map((sel) => [sel, $<HTMLInputElement>(the(host), sel).value]),
  );
  let press: () => void =
    o.start === undefined
      ? () => $<HTMLButtonElement>(the(host), '[part~=submit-button]').click()
      : (o.start ?? (() => undefined));
  for (let failures = 0; failures < 25; failures++) {
    const before = failures === 0 && o.since !== undefined ? o.since : adapter.log.length;
    press();
    const mine = () => adapter.log.slice(before).filter((r) => r.method === o.method);
    await until(() => mine().length > 0, `a ${o.method} call`);
    await until(() => mine().every((r) => r.outcome !== 'pending'), `${o.method} to settle`);
    await settled(host);
    expect(mine(), `${o.method}: calls per click`).to.have.length(1);
    const call = mine()[0]!;
    const h = host();
    if (h) expect(spinners(h), `spinner after ${o.method} settled`).to.equal(0);
    if (call.outcome === 'ok') {
      await until(o.advanced, `step after ${o.method}`, 2000);
      return failures;
    }
    expect(call.outcome, `${o.method} failed for real: ${call.code}`).to.equal('injected');
    expect(o.advanced(), 'moved on after a failure').to.equal(false);
    expect(alertText(the(host)), `alert after ${call.code}`).to.not.equal('');
    const retry = $maybe<HTMLButtonElement>(the(host), '[role=alert] [part~=retry-button]');
    expect(retry, `Retry after ${call.code}`).to.not.equal(null);
    for (const [sel, value] of kept) {
      const now = $<HTMLInputElement>(the(host), sel).value;
      expect(now, `${sel} after ${call.code}`).to.equal(value);
    }
    press = () => $<HTMLButtonElement>(the(host), '[role=alert] [part~=retry-button]').click();
  }
  throw new Error(`${o.method}: 25 failures in a row`);
}

/** A delegate who was invited and confirmed the email link, but has no password yet. */
async function invitedDelegate(memory: MemoryAdapter) {
  await seedDemo(memory);
  await memory.admin.signIn(DEMO_PRODUCER.username);
  const input = delegateInput();
  await memory.addDelegate(input);
  await memory.confirmEmail({ token: latestLinkToken(memory, input.email) });
  await memory.logout();
  return input;
}

/** A delegate with a password and an enrolled typing pattern (logs in with email/SMS/pattern). */
async function enrolledDelegate(memory: MemoryAdapter) {
  await seedDemo(memory);
  const input = delegateInput();
  await memory.admin.createDelegate({
    ...input,
    producer: DEMO_PRODUCER.username,
    password: PASSWORD,
    typingSamples: typingSamplesFor(memory.sampleText).enroll,
  });
  return input;
}

/**
 * Seeds chosen for the fate of each call in order (F = injected failure, . = through):
 * 47 → F.F.F.F. (every step fails once, then its Retry works), 13312 → FF.FF.FF.FF. (every
 * Retry fails once more), 28 → ........ (no failure: the fast path).
 */
const SEEDS = [47, 13312, 28];

/** Per journey, the steps (adapter methods) that met at least one failure, over all seeds. */
const failedSteps = new Map<string, Set<string>>();
/** Per journey, every step it went through. */
const allSteps = new Map<string, Set<string>>();

/** Record what a finished journey went through (see the last test). */
function record(journey: string, adapter: ChaosAdapter): void {
  const failed = failedSteps.get(journey) ?? new Set<string>();
  const all = allSteps.get(journey) ?? new Set<string>();
  for (const r of adapter.log) {
    all.add(r.method);
    if (r.outcome === 'injected') failed.add(r.method);
  }
  failedSteps.set(journey, failed);
  allSteps.set(journey, all);
}

describe('hardening / faults at the element level', () => {
  let uncaught: ReturnType<typeof recordUncaught>;
  beforeEach(() => (uncaught = recordUncaught()));
  afterEach(() => {
    uncaught.stop();
    expect(uncaught.errors).to.deep.equal([]);
  });

  for (const tag of ['pep-forgot-password', 'pep-create-password'] as const) {
    for (const seed of SEEDS) {
      it(`<${tag}> completes under chaos (seed ${seed})`, async () => {
        const memory = makeAdapter().adapter;
        const username =
          tag === 'pep-forgot-password'
            ? (await enrolledDelegate(memory)).username
            : (await invitedDelegate(memory)).username;
        const adapter = chaos(memory, seed);
        const el = await fixture<LitElement>(
          tag === 'pep-forgot-password'
            ? html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`
            : html`<pep-create-password .adapter=${adapter}></pep-create-password>`,
        );
        const host = () => el;
        const has = (sel: string) => () => $maybe(el, sel) !== null;
        typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
        let failures = await completeStep(host, adapter, {
          method: 'findAccount',
          advanced: has('input[type=radio][value=sms]'),
          keep: ['[name="username"]'],
        });
        $<HTMLInputElement>(el, 'input[type=radio][value=sms]').click();
        await el.updateComplete;
        failures += await completeStep(host, adapter, {
          method: 'sendCode',
          advanced: has('#code'),
        });
        typeInto($<HTMLInputElement>(el, '#code'), latestCode(memory, 'sms'));
        failures += await completeStep(host, adapter, {
          method: 'verifyCode',
          advanced: has('[name="password"]'),
          keep: ['#code'],
        });
        const next = 'Fresh-Start-Plan-81!';
        typeInto($<HTMLInputElement>(el, '[name="password"]'), next);
        typeInto($<HTMLInputElement>(el, '[name="confirm"]'), next);
        failures += await completeStep(host, adapter, {
          method: 'setPassword',
          advanced: () => $maybe(el, '[name="password"]') === null,
          keep: ['[name="password"]', '[name="confirm"]'],
        });
        // The new password works: the journey really completed.
        const r = await memory.login({ username, password: next });
        expect(r.status).to.equal('verification-required');
        expect(adapter.log.filter((x) => x.outcome === 'injected').length).to.equal(failures);
        record(tag, adapter);
      });
    }
  }

  for (const seed of SEEDS) {
    it(`<pep-verify-email> completes under chaos (seed ${seed})`, async () => {
      const memory = await producer();
      const input = delegateInput();
      await memory.addDelegate(input);
      const token = latestLinkToken(memory, input.email);
      await memory.logout();
      const adapter = chaos(memory, seed);
      let verified = '';
      const el = await fixture<LitElement>(
        html`<pep-verify-email
          .adapter=${adapter}
          .token=${token}
          @pep-email-verified=${(e: CustomEvent<{ username: string }>) =>
            (verified = e.detail.username)}
        ></pep-verify-email>`,
      );
      await completeStep(() => el, adapter, {
        method: 'confirmEmail',
        start: null,
        since: 0,
        advanced: () => verified !== '',
      });
      expect(verified).to.equal(input.username);
      expect(adapter.innerCalls('confirmEmail')).to.equal(1);
      record('pep-verify-email', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-my-delegates> loads and resends an invitation under chaos (seed ${seed})`, async () => {
      const memory = await producer();
      const input = delegateInput();
      await memory.addDelegate(input);
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(
        html`<pep-my-delegates .adapter=${adapter}></pep-my-delegates>`,
      );
      const resendButton = () => $maybe<HTMLButtonElement>(el, '[part~=resend-button]');
      await completeStep(() => el, adapter, {
        method: 'listDelegates',
        start: null,
        since: 0,
        advanced: () => resendButton() !== null,
      });
      const sent = memory.outbox.length;
      await completeStep(() => el, adapter, {
        method: 'resendInvitation',
        start: () => resendButton()!.click(),
        advanced: () => memory.outbox.length === sent + 1,
      });
      await until(() => $(el, '[part~=status]').textContent!.trim() !== '', 'resent notice');
      record('pep-my-delegates', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-forgot-username> completes under chaos (seed ${seed})`, async () => {
      const memory = makeAdapter().adapter;
      const { email } = await enrolledDelegate(memory);
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(
        html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
      );
      typeInto($<HTMLInputElement>(el, '#email'), email);
      await completeStep(() => el, adapter, {
        method: 'forgotUsername',
        advanced: () => $maybe(el, '#email') === null,
        keep: ['#email'],
      });
      expect(memory.outbox.at(-1)!.to).to.equal(email);
      record('pep-forgot-username', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-add-delegate> completes under chaos (seed ${seed})`, async () => {
      const memory = await producer();
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(
        html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
      );
      const input = delegateInput();
      for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
        typeInto($<HTMLInputElement>(el, `#${id}`), input[id]);
      }
      const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
      if (!box.checked) box.click();
      await el.updateComplete;
      await completeStep(() => el, adapter, {
        method: 'addDelegate',
        advanced: () => $maybe(el, '[name="username"]') === null,
        keep: ['[name="username"]', '#email', '#firstName', '#lastName'],
      });
      const list = await memory.listDelegates();
      expect(list.map((d) => d.username)).to.deep.equal([input.username]);
      record('pep-add-delegate', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-login> with <pep-verify-account> completes under chaos (seed ${seed})`, async () => {
      const memory = makeAdapter().adapter;
      const { username } = await enrolledDelegate(memory);
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(html`<pep-login .adapter=${adapter}></pep-login>`);
      typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
      typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
      const verify = () => el.shadowRoot!.querySelector<LitElement>('pep-verify-account');
      await completeStep(() => el, adapter, {
        method: 'login',
        advanced: () => verify() !== null,
        keep: ['[name="username"]', '[name="password"]'],
      });
      const v = () => verify();
      const vv = () => verify()!;
      await vv().updateComplete;
      $<HTMLInputElement>(vv(), 'input[type=radio][value=email]').click();
      await vv().updateComplete;
      await completeStep(v, adapter, {
        method: 'sendVerificationCode',
        advanced: () => $maybe(vv(), '#code') !== null,
      });
      typeInto($<HTMLInputElement>(vv(), '#code'), latestCode(memory, 'email'));
      let authenticated = false;
      el.addEventListener('pep-authenticated', () => (authenticated = true));
      await completeStep(v, adapter, {
        method: 'verifyAccountCode',
        advanced: () => authenticated,
        keep: ['#code'],
      });
      expect((await memory.getSession())?.user.username).to.equal(username);
      record('pep-login', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-report-issue> sends a report under chaos (seed ${seed})`, async () => {
      const { adapter: memory, clock } = makeAdapter();
      const { username } = await enrolledDelegate(memory);
      await memory.admin.signIn(username);
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(
        html`<pep-report-issue .adapter=${adapter} .now=${() => clock.now()}></pep-report-issue>`,
      );
      // The prefill from the session is a convenience: wait for it to settle either way.
      await until(
        () => adapter.log.length === 1 && adapter.log[0]!.outcome !== 'pending',
        'prefill',
      );
      await settled(() => el);
      const fill = (id: string, value: string) => {
        const c = $<HTMLInputElement>(el, `#${id}`);
        c.value = value;
        c.dispatchEvent(new Event(c.tagName === 'SELECT' ? 'change' : 'input'));
      };
      fill('description', 'Quote page shows error 500');
      fill('stepsTaken', 'Opened Quote, chose ACA Medical, selected Continue');
      fill('agentName', 'Pat Morgan');
      fill('producerId', 'P-100200');
      fill('productType', 'ACA Medical');
      fill('state', 'IL');
      await el.updateComplete;
      const sent = memory.outbox.length;
      await completeStep(() => el, adapter, {
        method: 'reportIssue',
        advanced: () => $maybe(el, '[part~=ticket]') !== null,
        keep: ['#description', '#stepsTaken', '#agentName', '#producerId'],
      });
      expect(memory.outbox.length).to.equal(sent + 1);
      expect($(el, '[part~=ticket]').textContent).to.contain(
        /PEP-[2-9A-HJKMNP-Z]{8}/.exec(memory.outbox.at(-1)!.subject ?? '')![0],
      );
      record('pep-report-issue', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`<pep-portal-home> loads the session and logs out under chaos (seed ${seed})`, async () => {
      const memory = makeAdapter().adapter;
      const { username } = await enrolledDelegate(memory);
      await memory.admin.signIn(username);
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(
        html`<pep-portal-home .adapter=${adapter}></pep-portal-home>`,
      );
      const logoutItem = () => $maybe<HTMLButtonElement>(el, '[data-action=logout]');
      await completeStep(() => el, adapter, {
        method: 'getSession',
        start: null,
        since: 0,
        advanced: () => logoutItem() !== null,
      });
      await completeStep(() => el, adapter, {
        method: 'logout',
        start: () => logoutItem()!.click(),
        advanced: () => logoutItem() === null,
      });
      expect(await memory.getSession()).to.equal(null);
      record('pep-portal-home', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`first login: <pep-login> → <pep-typing-pattern> enrollment → email code, under chaos (seed ${seed})`, async () => {
      const memory = makeAdapter().adapter;
      const { username } = await invitedDelegate(memory);
      // Give the invited delegate a password (through the create-password flow, no chaos).
      const flow = await memory.findAccount({ username, purpose: 'create' });
      await memory.sendCode({ flowId: flow.flowId, channel: 'email' });
      await memory.verifyCode({ flowId: flow.flowId, code: latestCode(memory, 'email') });
      await memory.setPassword({ flowId: flow.flowId, password: PASSWORD });
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(html`<pep-login .adapter=${adapter}></pep-login>`);
      typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
      typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
      const typing = () => el.shadowRoot!.querySelector<LitElement>('pep-typing-pattern');
      await completeStep(() => el, adapter, {
        method: 'login',
        advanced: () => typing() !== null,
        keep: ['[name="username"]', '[name="password"]'],
      });
      await typing()!.updateComplete;
      // Three real typed attempts of the sentence.
      for (let i = 0; i < 3; i++) {
        await until(() => $maybe(typing()!, '#typing') !== null, `attempt ${i + 1}`);
        $<HTMLInputElement>(typing()!, '#typing').focus();
        await sendKeys({ type: memory.sampleText });
        await typing()!.updateComplete;
      }
      await until(() => $maybe(typing()!, '[part~=submit-button]') !== null, 'ready to send');
      const verify = () => el.shadowRoot!.querySelector<LitElement>('pep-verify-account');
      // The three attempts survive every failure: Retry sends them again, nothing is retyped.
      await completeStep(typing, adapter, {
        method: 'enrollTypingPattern',
        advanced: () => verify() !== null,
      });
      await verify()!.updateComplete;
      $<HTMLInputElement>(verify()!, 'input[type=radio][value=email]').click();
      await verify()!.updateComplete;
      await completeStep(verify, adapter, {
        method: 'sendVerificationCode',
        advanced: () => $maybe(verify()!, '#code') !== null,
      });
      typeInto($<HTMLInputElement>(verify()!, '#code'), latestCode(memory, 'email'));
      let authenticated = false;
      el.addEventListener('pep-authenticated', () => (authenticated = true));
      await completeStep(verify, adapter, {
        method: 'verifyAccountCode',
        advanced: () => authenticated,
        keep: ['#code'],
      });
      expect((await memory.getSession())?.user.username).to.equal(username);
      record('pep-login (first login)', adapter);
    });
  }

  for (const seed of SEEDS) {
    it(`returning login with the keyboard pattern: <pep-login> → <pep-typing-pattern> verify, under chaos (seed ${seed})`, async () => {
      const memory = makeAdapter().adapter;
      const { username } = await invitedDelegate(memory);
      const flow = await memory.findAccount({ username, purpose: 'create' });
      await memory.sendCode({ flowId: flow.flowId, channel: 'email' });
      await memory.verifyCode({ flowId: flow.flowId, code: latestCode(memory, 'email') });
      await memory.setPassword({ flowId: flow.flowId, password: PASSWORD });
      const typeThree = async (host: () => LitElement) => {
        for (let i = 0; i < 3; i++) {
          await until(() => $maybe(host(), '#typing') !== null, `attempt ${i + 1}`);
          $<HTMLInputElement>(host(), '#typing').focus();
          await sendKeys({ type: memory.sampleText });
          await host().updateComplete;
        }
        await until(() => $maybe(host(), '[part~=submit-button]') !== null, 'ready to send');
      };
      // Enroll once (no faults), the way this same keyboard types.
      const first = await fixture<LitElement>(html`<pep-login .adapter=${memory}></pep-login>`);
      typeInto($<HTMLInputElement>(first, '[name="username"]'), username);
      typeInto($<HTMLInputElement>(first, '[name="password"]'), PASSWORD);
      $<HTMLButtonElement>(first, '[part~=submit-button]').click();
      const enrolling = () => first.shadowRoot!.querySelector<LitElement>('pep-typing-pattern')!;
      await until(() => first.shadowRoot!.querySelector('pep-typing-pattern') !== null, 'enroll');
      await enrolling().updateComplete;
      await typeThree(enrolling);
      $<HTMLButtonElement>(enrolling(), '[part~=submit-button]').click();
      await until(() => first.shadowRoot!.querySelector('pep-verify-account') !== null, 'enrolled');
      // The pattern is bound to the account only once that first login's code verification
      // succeeds (issue 19): verify by text message (the email just had the create-flow code).
      const verifying = () => first.shadowRoot!.querySelector<LitElement>('pep-verify-account')!;
      await verifying().updateComplete;
      $<HTMLInputElement>(verifying(), 'input[type=radio][value=sms]').click();
      await verifying().updateComplete;
      $<HTMLButtonElement>(verifying(), '[part~=submit-button]').click();
      await until(() => $maybe(verifying(), '#code') !== null, 'code step');
      typeInto($<HTMLInputElement>(verifying(), '#code'), latestCode(memory, 'sms'));
      await verifying().updateComplete;
      let signedIn = false;
      first.addEventListener('pep-authenticated', () => (signedIn = true));
      $<HTMLButtonElement>(verifying(), '[part~=submit-button]').click();
      await until(() => signedIn, 'first login verified');
      first.remove();
      await memory.logout();
      // Log in again under chaos and verify by pattern.
      const adapter = chaos(memory, seed);
      const el = await fixture<LitElement>(html`<pep-login .adapter=${adapter}></pep-login>`);
      typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
      typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
      const verify = () => el.shadowRoot!.querySelector<LitElement>('pep-verify-account');
      await completeStep(() => el, adapter, {
        method: 'login',
        advanced: () => verify() !== null,
        keep: ['[name="username"]', '[name="password"]'],
      });
      await verify()!.updateComplete;
      $<HTMLInputElement>(verify()!, 'input[type=radio][value=pattern]').click();
      await verify()!.updateComplete;
      $<HTMLButtonElement>(verify()!, '[part~=submit-button]').click();
      const typing = () =>
        verify()?.shadowRoot!.querySelector<LitElement>('pep-typing-pattern') ?? null;
      await until(() => typing() !== null, 'pattern step');
      await typing()!.updateComplete;
      await typeThree(() => typing()!);
      let authenticated = false;
      el.addEventListener('pep-authenticated', () => (authenticated = true));
      await completeStep(typing, adapter, {
        method: 'verifyTypingPattern',
        advanced: () => authenticated,
      });
      expect((await memory.getSession())?.user.username).to.equal(username);
      record('pep-login (pattern)', adapter);
    });
  }

  it('over its seeds, every journey met a failure at every one of its steps', () => {
    expect([...allSteps.keys()].sort()).to.deep.equal(
      [
        'pep-add-delegate',
        'pep-create-password',
        'pep-forgot-password',
        'pep-forgot-username',
        'pep-login',
        'pep-login (first login)',
        'pep-login (pattern)',
        'pep-my-delegates',
        'pep-portal-home',
        'pep-report-issue',
        'pep-verify-email',
      ].sort(),
    );
    for (const [journey, steps] of allSteps) {
      expect([...failedSteps.get(journey)!].sort(), journey).to.deep.equal([...steps].sort());
    }
  });

  it('hammering Submit and Enter while a call is pending sends one call (login)', async () => {
    const memory = makeAdapter().adapter;
    const { username } = await enrolledDelegate(memory);
    // The network holds every call until the test lets it through.
    const network = new VirtualTime();
    const adapter = chaos(memory, 7, {
      failureRate: 0,
      latency: { min: 3000, max: 3000 },
      sleep: network.sleep,
    });
    const el = await fixture<LitElement>(html`<pep-login .adapter=${adapter}></pep-login>`);
    typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
    typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD, false);
    $<HTMLInputElement>(el, '[name="password"]').focus();
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 5; i++) {
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await sendKeys({ press: 'Enter' });
    }
    // All of that happened while the first call was still on its way.
    expect(adapter.log[0]!.outcome).to.equal('pending');
    await letThrough(network, () => el.shadowRoot!.querySelector('pep-verify-account') !== null);
    expect(adapter.log.filter((r) => r.method === 'login')).to.have.length(1);
  });

  it('hammering Submit while a call is pending sends one call (add delegate, forgot username)', async () => {
    const memory = await producer();
    const network = new VirtualTime();
    const adapter = chaos(memory, 7, {
      failureRate: 0,
      latency: { min: 3000, max: 3000 },
      sleep: network.sleep,
    });
    const add = await fixture<LitElement>(
      html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
    );
    const input = delegateInput();
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
      typeInto($<HTMLInputElement>(add, `#${id}`), input[id]);
    }
    const box = $<HTMLInputElement>(add, 'input[type=checkbox][value=IL]');
    if (!box.checked) box.click();
    await add.updateComplete;
    for (let i = 0; i < 6; i++) {
      $<HTMLButtonElement>(add, '[part~=submit-button]').click();
      await add.updateComplete;
    }
    expect(adapter.log.at(-1)!.outcome).to.equal('pending');
    await letThrough(network, () => $maybe(add, '[name="username"]') === null);
    expect(adapter.log.filter((r) => r.method === 'addDelegate')).to.have.length(1);

    const forgot = await fixture<LitElement>(
      html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
    );
    typeInto($<HTMLInputElement>(forgot, '#email'), input.email);
    for (let i = 0; i < 6; i++) {
      $<HTMLButtonElement>(forgot, '[part~=submit-button]').click();
      await forgot.updateComplete;
    }
    expect(adapter.log.at(-1)!.outcome).to.equal('pending');
    await letThrough(network, () => $maybe(forgot, '#email') === null);
    expect(adapter.log.filter((r) => r.method === 'forgotUsername')).to.have.length(1);
  });

  it('hammering the action of every other journey step while its call is pending sends one call', async () => {
    const { adapter: memory, clock } = makeAdapter();
    const { username } = await enrolledDelegate(memory);
    await memory.admin.signIn(DEMO_PRODUCER.username);
    await memory.addDelegate(delegateInput()); // an invited delegate for Resend
    const network = new VirtualTime();
    const adapter = chaos(memory, 3, { failureRate: 0, sleep: network.sleep });
    const submit = (el: LitElement) => () =>
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    const cases: Array<{
      method: ChaosMethod;
      mount: () => Promise<{ el: LitElement; act: () => void; done: () => boolean }>;
    }> = [
      {
        method: 'findAccount',
        mount: async () => {
          const el = await fixture<LitElement>(
            html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
          );
          typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
          return { el, act: submit(el), done: () => $maybe(el, 'input[type=radio]') !== null };
        },
      },
      {
        method: 'findAccount',
        mount: async () => {
          const el = await fixture<LitElement>(
            html`<pep-create-password .adapter=${adapter}></pep-create-password>`,
          );
          typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
          return { el, act: submit(el), done: () => $maybe(el, 'input[type=radio]') !== null };
        },
      },
      {
        method: 'resendInvitation',
        mount: async () => {
          const el = await fixture<LitElement>(
            html`<pep-my-delegates .adapter=${adapter}></pep-my-delegates>`,
          );
          await letThrough(network, () => $maybe(el, '[part~=resend-button]') !== null);
          return {
            el,
            act: () => $<HTMLButtonElement>(el, '[part~=resend-button]').click(),
            done: () => $(el, '[part~=status]').textContent!.trim() !== '',
          };
        },
      },
      {
        method: 'reportIssue',
        mount: async () => {
          const el = await fixture<LitElement>(
            html`<pep-report-issue
              .adapter=${adapter}
              .now=${() => clock.now()}
            ></pep-report-issue>`,
          );
          await letThrough(network, () => adapter.log.at(-1)!.outcome !== 'pending');
          await el.updateComplete;
          for (const [id, v] of Object.entries({
            description: 'Quote page shows error 500',
            stepsTaken: 'Opened Quote',
            agentName: 'Pat Morgan',
            producerId: 'P-100200',
            productType: 'MAPD',
            state: 'IL',
          })) {
            const c = $<HTMLInputElement>(el, `#${id}`);
            c.value = v;
            c.dispatchEvent(new Event(c.tagName === 'SELECT' ? 'change' : 'input'));
          }
          await el.updateComplete;
          return { el, act: submit(el), done: () => $maybe(el, '[part~=ticket]') !== null };
        },
      },
    ];
    for (const { method, mount } of cases) {
      const { el, act, done } = await mount();
      const before = adapter.log.length;
      for (let i = 0; i < 6; i++) {
        act();
        await el.updateComplete;
      }
      const mine = () => adapter.log.slice(before).filter((r) => r.method === method);
      expect(mine(), `${method}: one call for 6 clicks`).to.have.length(1);
      expect(mine()[0]!.outcome, `${method} still pending while hammered`).to.equal('pending');
      await letThrough(network, done);
      expect(mine(), method).to.have.length(1);
      el.remove();
    }
  });

  it('a late answer to an abandoned step never changes the current step (verify account: resend, then Back)', async () => {
    const { adapter: memory, clock } = makeAdapter();
    const { username } = await enrolledDelegate(memory);
    const held = holding(memory, 'sendVerificationCode');
    const el = await fixture<LitElement>(html`<pep-login .adapter=${held.adapter}></pep-login>`);
    typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
    typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    const verify = () =>
      el.shadowRoot!.querySelector<LitElement & { now: () => number }>('pep-verify-account')!;
    await until(() => el.shadowRoot!.querySelector('pep-verify-account') !== null, 'verify step');
    await verify().updateComplete;
    $<HTMLInputElement>(verify(), 'input[type=radio][value=email]').click();
    await verify().updateComplete;
    held.pass = true; // the first send goes straight through
    $<HTMLButtonElement>(verify(), '[part~=submit-button]').click();
    await until(() => $maybe(verify(), '#code') !== null, 'code step');
    held.pass = false;
    // the resend is allowed: on the backend's clock and on the element's (its countdown)
    verify().now = () => clock.now();
    clock.advance(30_000);
    verify().requestUpdate();
    await verify().updateComplete;
    const resend = [...verify().shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=link]')];
    resend[0]!.click(); // "resend it": held by the backend
    await until(() => held.calls === 1, 'resend reached the backend');
    await until(() => held.done, 'the backend did the work');
    resend.at(-1)!.click(); // "choose another method" while the resend is pending
    await verify().updateComplete;
    expect($maybe(verify(), 'input[type=radio]'), 'back on the choose step').to.not.equal(null);
    held.release(); // the late answer arrives
    await new Promise((r) => setTimeout(r, 50));
    await verify().updateComplete;
    expect($maybe(verify(), 'input[type=radio]'), 'still on the choose step').to.not.equal(null);
    expect($maybe(verify(), '#code'), 'not sent back to the code step').to.equal(null);
    expect(spinners(verify())).to.equal(0);
  });

  it('a late answer after Cancel never completes Add Delegate, and the form is usable again', async () => {
    const memory = await producer();
    const held = holding(memory, 'addDelegate');
    const el = await fixture<LitElement>(
      html`<pep-add-delegate .adapter=${held.adapter}></pep-add-delegate>`,
    );
    let added = 0;
    el.addEventListener('pep-delegate-added', () => (added += 1));
    const input = delegateInput();
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
      typeInto($<HTMLInputElement>(el, `#${id}`), input[id]);
    }
    const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
    if (!box.checked) box.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => held.done, 'the backend did the work');
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click(); // Cancel
    held.release();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(added).to.equal(0);
    expect($maybe(el, '[name="username"]'), 'still the form').to.not.equal(null);
    expect(memory.outbox.at(-1)!.to, 'the backend did the work').to.equal(input.email);
    // The form is usable again: no spinner left from the abandoned call, Submit enabled.
    expect(spinners(el), 'spinner left after Cancel').to.equal(0);
    expect($(el, '[part~=submit-button]').getAttribute('aria-disabled')).to.not.equal('true');
  });

  it('removing a widget mid-call throws nothing and aborts its call (every journey widget)', async () => {
    const memory = await producer();
    const { username, email } = await enrolledDelegate(memory);
    await memory.admin.signIn(DEMO_PRODUCER.username);
    const adapter = chaos(memory, 5, { failureRate: 0, latency: { min: 3000, max: 3000 } });
    const cases: Array<[string, (el: LitElement) => void]> = [
      [
        'pep-login',
        (el) => {
          typeInto($<HTMLInputElement>(el, '[name="username"]'), username);
          typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
        },
      ],
      ['pep-forgot-username', (el) => typeInto($<HTMLInputElement>(el, '#email'), email)],
      [
        'pep-forgot-password',
        (el) => typeInto($<HTMLInputElement>(el, '[name="username"]'), username),
      ],
      [
        'pep-add-delegate',
        (el) => {
          const input = delegateInput();
          for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'] as const) {
            typeInto($<HTMLInputElement>(el, `#${id}`), input[id]);
          }
          const box = $<HTMLInputElement>(el, 'input[type=checkbox][value=IL]');
          if (!box.checked) box.click();
        },
      ],
    ];
    for (const [tag, fill] of cases) {
      const el = document.createElement(tag) as LitElement & { adapter: unknown };
      el.adapter = adapter;
      document.body.append(el);
      await el.updateComplete;
      fill(el);
      await el.updateComplete;
      const before = adapter.log.length;
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await until(() => adapter.log.length > before, `${tag} call`);
      el.remove();
      await until(() => adapter.log[before]!.outcome !== 'pending', `${tag} call settled`);
      expect(adapter.log[before]!.outcome, tag).to.equal('aborted');
      expect(adapter.log[before]!.reachedInner, tag).to.equal(false);
    }
    await new Promise((r) => setTimeout(r, 60));
    // (afterEach asserts that no error or unhandled rejection reached the window.)
  });
});
