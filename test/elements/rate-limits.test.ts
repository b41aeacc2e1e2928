/**
 * RATE_LIMITED and BUSY in every widget that can get them (issue 19): the backend's answer to too
 * many attempts (HTTP 429 + Retry-After) or to a full hashing queue (HTTP 503 + Retry-After), from
 * a fake adapter. One behaviour, implemented once (`PepElement.errorMessage`, the shared error
 * region): RATE_LIMITED says how long to wait, by the element's clock, next to the action, with
 * no Try again (the action itself stays available and the backend checks again); BUSY says the
 * service is busy and offers Try again, which repeats the call. Nothing typed is lost.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { adapterError, type AdapterError } from '../../src/adapter/errors.js';
import type {
  AuthAdapter,
  Channel,
  CodeSent,
  DelegateInput,
  PendingLogin,
  Session,
  VerifiedLogin,
} from '../../src/adapter/types.js';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/report-issue/pep-report-issue.js';
import '../../src/elements/typing-pattern/pep-typing-pattern.js';
import '../../src/elements/verify-account/pep-verify-account.js';
import { fakeAdapter, type CallLog } from '../support/fake-adapter.js';
import { noStore, SAMPLE, TYPIST_A, typeInto as typeKeys } from '../support/login.js';
import { delegateSession } from '../support/portal.js';

/** The element's clock: every widget gets `now = () => T0`. */
const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

type El = LitElement & { step: string; now: () => number };

const root = (el: El) => el.shadowRoot!;
/** In the shadow root, else in the light-DOM credential form. */
const $ = <E extends Element = HTMLElement>(el: El, sel: string) =>
  (root(el).querySelector<E>(sel) ?? el.querySelector<E>(`[data-pep-credentials] ${sel}`))!;
const alertText = (el: El) =>
  [...root(el).querySelectorAll('[role="alert"]')].map((a) => a.textContent!.trim()).join(' ');
const retryButton = (el: El) =>
  root(el).querySelector<HTMLButtonElement>('[role="alert"] [part~="retry-button"]');

async function settle(el: El): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

/** Settle until `check()` holds (a later chunk may still be on its way), at most 3 s. */
async function until(el: El, check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  await settle(el);
}

/** Do the action and wait for its outcome: a message, or the next step. */
async function act(w: Widget, el: El): Promise<void> {
  const before = alertText(el);
  (w.act ?? submit)(el);
  await until(el, () => w.advanced(el) || (alertText(el) !== '' && alertText(el) !== before));
}

function type(el: El, sel: string, value: string): void {
  const input = $<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const pending: PendingLogin = {
  pendingId: 'pending-1',
  username: 'dana0001',
  mustEnrollPattern: false,
  sampleText: SAMPLE,
  sampleLang: 'en',
  options: [
    { method: 'email', masked: 'd•••@e•••.com', available: true },
    { method: 'sms', masked: '•••-•••-0101', available: true },
    { method: 'pattern', available: true },
  ],
  expiresAt: T0 + 600_000,
} as PendingLogin;

const sent = (channel: 'email' | 'sms'): CodeSent => ({
  channel,
  masked: channel === 'email' ? 'd•••@e•••.com' : '•••-•••-0101',
  expiresAt: T0 + 600_000,
  resendAvailableAt: T0 + 30_000,
});

const session: Session = { ...delegateSession, expiresAt: T0 + 8 * 3_600_000 };
const verified: VerifiedLogin = { session };

/** The adapter methods a widget's journey uses (answers of a backend that accepts everything). */
const backend: Partial<AuthAdapter> = {
  login: async () => ({ status: 'authenticated', session }),
  forgotUsername: async () => ({ resendAvailableAt: T0 + 60_000 }),
  findAccount: async () => ({
    flowId: 'flow-1',
    destinations: [
      { channel: 'email', masked: 'd•••@e•••.com' },
      { channel: 'sms', masked: '•••-•••-0101' },
    ],
  }),
  sendCode: async ({ channel }: { channel: Channel }) => sent(channel),
  verifyCode: async () => undefined,
  sendVerificationCode: async ({ channel }: { channel: Channel }) => sent(channel),
  verifyAccountCode: async () => verified,
  verifyTypingPattern: async () => verified,
  addDelegate: async (d: DelegateInput) => ({
    id: 'd-1',
    username: d.username,
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    mobile: d.mobile,
    states: d.states,
    language: d.language ?? 'en',
    status: 'invited',
    createdAt: T0,
  }),
  reportIssue: async () => ({ ticketId: 'PEP-ABCD2345' }),
  getSession: async () => session,
  checkDevice: async () => ({ valid: false }),
};

/** `backend` whose `method` rejects with each of `failures` in turn, then answers. */
function adapterFailing(method: keyof AuthAdapter, failures: AdapterError[]) {
  const queue = [...failures];
  const real = backend[method] as (...a: unknown[]) => Promise<unknown>;
  return fakeAdapter({
    ...backend,
    [method]: (...args: unknown[]) => {
      const e = queue.shift();
      return e ? Promise.reject(e) : real(...args);
    },
  });
}

interface Widget {
  name: string;
  method: keyof AuthAdapter;
  render: (adapter: AuthAdapter) => TemplateResult;
  /** Reach the step and type what the action sends (the call under test not made yet). */
  prepare?: (el: El) => Promise<void>;
  /** Inputs whose values must survive the failure. */
  kept: string[];
  /** The action (default: the submit button). */
  act?: (el: El) => void;
  /** True once the call succeeded. */
  advanced: (el: El) => boolean;
}

const submit = (el: El) => $<HTMLButtonElement>(el, '[part~="submit-button"]').click();

async function findAccount(el: El): Promise<void> {
  type(el, '#username', 'dana0001');
  submit(el);
  await settle(el);
  expect(el.step).to.equal('choose');
}

async function chooseEmail(el: El): Promise<void> {
  await findAccount(el);
  $<HTMLInputElement>(el, 'input[value="email"]').click();
  await el.updateComplete;
  submit(el);
  await settle(el);
  expect(el.step).to.equal('code');
  type(el, '#code', 'K7M2Q9PX');
  await el.updateComplete;
}

const widgets: Widget[] = [
  {
    name: 'Log In',
    method: 'login',
    render: (a) => html`<pep-login .adapter=${a} .deviceStore=${noStore}></pep-login>`,
    prepare: async (el) => {
      type(el, '[name="username"]', 'dana0001');
      type(el, '[name="password"]', 'Blue-Sky-Walk-42');
    },
    kept: ['[name="username"]', '[name="password"]'],
    advanced: (el) => el.step !== 'credentials',
  },
  {
    name: 'Forgot Username',
    method: 'forgotUsername',
    render: (a) => html`<pep-forgot-username .adapter=${a}></pep-forgot-username>`,
    prepare: async (el) => type(el, '#email', 'dana.lee@example.com'),
    kept: ['#email'],
    advanced: (el) => el.step === 'sent',
  },
  {
    name: 'Create Password: Find Account',
    method: 'findAccount',
    render: (a) => html`<pep-create-password .adapter=${a}></pep-create-password>`,
    prepare: async (el) => type(el, '#username', 'dana0001'),
    kept: ['#username'],
    advanced: (el) => el.step === 'choose',
  },
  {
    name: 'Forgot Password: Find Account',
    method: 'findAccount',
    render: (a) => html`<pep-forgot-password .adapter=${a}></pep-forgot-password>`,
    prepare: async (el) => type(el, '#username', 'dana0001'),
    kept: ['#username'],
    advanced: (el) => el.step === 'choose',
  },
  {
    name: 'Forgot Password: Send Code',
    method: 'sendCode',
    render: (a) => html`<pep-forgot-password .adapter=${a}></pep-forgot-password>`,
    prepare: async (el) => {
      await findAccount(el);
      $<HTMLInputElement>(el, 'input[value="sms"]').click();
      await el.updateComplete;
    },
    kept: ['input[value="sms"]:checked'],
    advanced: (el) => el.step === 'code',
  },
  {
    name: 'Create Password: Continue',
    method: 'verifyCode',
    render: (a) => html`<pep-create-password .adapter=${a}></pep-create-password>`,
    prepare: chooseEmail,
    kept: ['#code'],
    advanced: (el) => el.step === 'password',
  },
  {
    name: 'Forgot Password: Continue',
    method: 'verifyCode',
    render: (a) => html`<pep-forgot-password .adapter=${a}></pep-forgot-password>`,
    prepare: chooseEmail,
    kept: ['#code'],
    advanced: (el) => el.step === 'password',
  },
  {
    name: 'Verify Account: Send Code',
    method: 'sendVerificationCode',
    render: (a) =>
      html`<pep-verify-account
        .adapter=${a}
        .pending=${pending}
        .deviceStore=${noStore}
      ></pep-verify-account>`,
    kept: [],
    advanced: (el) => el.step === 'code',
  },
  {
    name: 'Verify Account: Submit the code',
    method: 'verifyAccountCode',
    render: (a) =>
      html`<pep-verify-account
        .adapter=${a}
        .pending=${pending}
        .deviceStore=${noStore}
      ></pep-verify-account>`,
    prepare: async (el) => {
      submit(el);
      await until(el, () => el.step === 'code');
      expect(el.step).to.equal('code');
      type(el, '#code', 'K7M2Q9PX');
      await el.updateComplete;
    },
    kept: ['#code'],
    advanced: (el) => el.step === 'done',
  },
  {
    name: 'Typing pattern: Submit',
    method: 'verifyTypingPattern',
    render: (a) =>
      html`<pep-typing-pattern
        .adapter=${a}
        .pending=${pending}
        .deviceStore=${noStore}
        mode="verify"
      ></pep-typing-pattern>`,
    prepare: async (el) => {
      for (let i = 0; i < 3; i++) {
        typeKeys($<HTMLInputElement>(el, '#typing'), SAMPLE, TYPIST_A, i);
        await el.updateComplete;
      }
      await settle(el);
      expect(el.step).to.equal('ready');
    },
    kept: [],
    advanced: (el) => el.step === 'done',
  },
  {
    name: 'Add Delegate',
    method: 'addDelegate',
    render: (a) => html`<pep-add-delegate .adapter=${a}></pep-add-delegate>`,
    prepare: async (el) => {
      type(el, '#username', 'janedoe01');
      type(el, '#email', 'jane.doe@example.com');
      type(el, '#firstName', 'Jane');
      type(el, '#lastName', 'Doe');
      type(el, '#mobile', '(312) 555-0101');
      $<HTMLInputElement>(el, '#state-IL').click();
      await settle(el);
    },
    kept: ['#username', '#email', '#firstName', '#lastName', '#mobile', '#state-IL:checked'],
    advanced: (el) => el.step === 'done',
  },
  {
    name: 'Report an Issue',
    method: 'reportIssue',
    render: (a) => html`<pep-report-issue .adapter=${a} .now=${() => T0}></pep-report-issue>`,
    prepare: async (el) => {
      await settle(el);
      const fill = (id: string, value: string) => {
        const c = $<HTMLInputElement>(el, `#${id}`);
        c.value = value;
        c.dispatchEvent(new Event(c.tagName === 'SELECT' ? 'change' : 'input'));
      };
      fill('description', 'Quote page shows error 500');
      fill('stepsTaken', 'Opened Quote, chose ACA Medical, selected Continue');
      fill('clientName', 'Chris Client');
      fill('productType', 'ACA Medical');
      fill('state', 'TX');
      await settle(el);
    },
    kept: ['#description', '#stepsTaken', '#clientName', '#productType', '#state'],
    advanced: (el) => el.step === 'done',
  },
];

async function mount(w: Widget, failures: AdapterError[]): Promise<{ el: El; calls: CallLog }> {
  const { adapter, calls } = adapterFailing(w.method, failures);
  const el = await fixture<El>(w.render(adapter));
  el.now = () => T0;
  await settle(el);
  await w.prepare?.(el);
  return { el, calls };
}

const valuesOf = (el: El, sels: string[]) =>
  sels.map((sel) => {
    const input = $<HTMLInputElement>(el, sel);
    expect(input, sel).to.not.equal(null);
    return input!.value;
  });

const callsOf = (calls: CallLog, method: string) => calls.filter((c) => c.method === method);

describe('RATE_LIMITED and BUSY in every widget', () => {
  for (const w of widgets) {
    describe(w.name, () => {
      it('RATE_LIMITED: "Too many attempts. Please try again in 4 minutes.", no Try again; typed input kept; the action asks again', async () => {
        const limited = adapterError('RATE_LIMITED', { retryAfter: T0 + 4 * 60_000 });
        const { el, calls } = await mount(w, [limited]);
        const typed = valuesOf(el, w.kept);
        await act(w, el);
        expect(callsOf(calls, w.method)).to.have.length(1);
        expect(alertText(el)).to.equal('Too many attempts. Please try again in 4 minutes.');
        expect(retryButton(el)).to.equal(null);
        expect(w.advanced(el)).to.equal(false);
        expect(valuesOf(el, w.kept)).to.deep.equal(typed);
        await expect(el).to.be.accessible();
        // The action stays available; the backend decides again.
        await act(w, el);
        expect(callsOf(calls, w.method)).to.have.length(2);
        expect(w.advanced(el)).to.equal(true);
      });

      it('BUSY: "The service is busy right now…" with Try again, which repeats the call; typed input kept', async () => {
        const busy = adapterError('BUSY', { retryAfter: T0 + 5_000 });
        const { el, calls } = await mount(w, [busy]);
        const typed = valuesOf(el, w.kept);
        await act(w, el);
        expect(alertText(el)).to.contain(
          'The service is busy right now. Please try again in a few seconds.',
        );
        expect(valuesOf(el, w.kept)).to.deep.equal(typed);
        await expect(el).to.be.accessible();
        retryButton(el)!.click();
        await until(el, () => w.advanced(el));
        expect(callsOf(calls, w.method)).to.have.length(2);
        expect(w.advanced(el)).to.equal(true);
      });
    });
  }

  it('the wait is in seconds under a minute, rounded up to whole minutes above', async () => {
    const w = widgets[0]!;
    const { el } = await mount(w, [
      adapterError('RATE_LIMITED', { retryAfter: T0 + 30_000 }),
      adapterError('RATE_LIMITED', { retryAfter: T0 + 61_000 }),
    ]);
    submit(el);
    await settle(el);
    expect(alertText(el)).to.equal('Too many attempts. Please try again in 30 seconds.');
    submit(el);
    await settle(el);
    expect(alertText(el)).to.equal('Too many attempts. Please try again in 2 minutes.');
    // Later renders tell what is left, by the element's clock.
    el.now = () => T0 + 50_000;
    el.requestUpdate();
    await settle(el);
    expect(alertText(el)).to.equal('Too many attempts. Please try again in 11 seconds.');
  });

  it('in Spanish', async () => {
    const w = widgets[0]!;
    const { el } = await mount(w, [
      adapterError('RATE_LIMITED', { retryAfter: T0 + 4 * 60_000 }),
      adapterError('BUSY', { retryAfter: T0 + 5_000 }),
    ]);
    el.lang = 'es';
    await settle(el);
    submit(el);
    await settle(el);
    expect(alertText(el)).to.equal('Demasiados intentos. Vuelva a intentarlo en 4 minutos.');
    submit(el);
    await settle(el);
    expect(alertText(el)).to.contain(
      'El servicio está ocupado en este momento. Vuelva a intentarlo en unos segundos.',
    );
  });
});
