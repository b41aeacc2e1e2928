import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter, Channel, CodeSent } from '../../../src/adapter/types.js';
import '../../../src/elements/forgot-password/pep-forgot-password.js';
import type { PepForgotPassword } from '../../../src/elements/forgot-password/pep-forgot-password.js';
import { until } from '../../support/element-helpers.js';
import { fakeAdapter } from '../../support/fake-adapter.js';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);
const GOOD = 'K7M2Q9PX';
const OLD = 'Old-Passw0rd!';
const NEW = 'Fresh-Start9';

/** A tiny backend: one account, codes, a password history, optional failures. */
function backend(
  opts: {
    failNext?: Partial<Record<keyof AuthAdapter, ReturnType<typeof adapterError>>>;
    /** How long a code lives (ms of the element's clock); default 10 minutes. */
    codeTtl?: number;
  } = {},
) {
  const fail = { ...opts.failNext };
  const sends: Channel[] = [];
  let now = T0;
  const check = (name: keyof AuthAdapter) => {
    const e = fail[name];
    if (e) {
      delete fail[name];
      throw e;
    }
  };
  const fake = fakeAdapter({
    findAccount: async () => {
      check('findAccount');
      return {
        flowId: 'flow-1',
        destinations: [
          { channel: 'email', masked: 'xxxxdoe@example.com' },
          { channel: 'sms', masked: 'xxxxxx0101' },
        ],
      };
    },
    sendCode: async ({ channel }): Promise<CodeSent> => {
      check('sendCode');
      sends.push(channel);
      return {
        channel,
        masked: channel === 'sms' ? 'xxxxxx0101' : 'xxxxdoe@example.com',
        expiresAt: now + (opts.codeTtl ?? 600_000),
        resendAvailableAt: now + 30_000,
      };
    },
    verifyCode: async ({ code }) => {
      check('verifyCode');
      if (code !== GOOD) throw adapterError('CODE_INVALID', { attemptsLeft: 4 });
    },
    setPassword: async ({ password }) => {
      check('setPassword');
      if (password === OLD) throw adapterError('PASSWORD_REUSED', { historySize: 10 });
    },
  });
  return {
    ...fake,
    sends,
    setNow: (ms: number) => (now = ms),
    getNow: () => now,
    failNext: (name: keyof AuthAdapter, error: ReturnType<typeof adapterError>) => {
      fail[name] = error;
    },
  };
}

async function setup(b = backend(), doneHref = '') {
  const el = await fixture<PepForgotPassword>(
    html`<pep-forgot-password
      login-href="#/login"
      done-href=${doneHref}
      forgot-username-href="#/forgot-username"
      .adapter=${b.adapter}
      .now=${() => b.getNow()}
    ></pep-forgot-password>`,
  );
  // (The new-password step's fields are in the element's light-DOM credential form.)
  const $ = <E extends Element = HTMLElement>(sel: string) =>
    (el.shadowRoot!.querySelector<E>(sel) ?? el.querySelector<E>(`[data-pep-credentials] ${sel}`))!;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
    }
  };
  const type = async (id: string, value: string) => {
    const input = $<HTMLInputElement>(`[name="${id}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  const submit = async () => {
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
  };
  const toCode = async (channel: Channel = 'sms') => {
    await type('username', 'janedoe1');
    await submit();
    $<HTMLInputElement>(`input[value="${channel}"]`).click();
    await el.updateComplete;
    await submit();
  };
  const toPassword = async () => {
    await toCode();
    await type('code', GOOD);
    await submit();
  };
  return { el, b, $, settle, type, submit, toCode, toPassword };
}

describe('<pep-forgot-password>', () => {
  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  it('Find Account: Step 1 of 4, username autocomplete, links', async () => {
    const { $ } = await setup();
    expect($('[part="step-heading"]').textContent!.replace(/\s+/g, ' ')).to.contain('Step 1 of 4');
    expect($('[part="step-heading"]').textContent).to.contain('Forgot Password');
    expect($<HTMLInputElement>('#username').autocomplete).to.equal('username');
    expect($('[part="submit-button"]').textContent!.trim()).to.equal('Find Account');
    expect($('a[href="#/login"]')).to.not.equal(null);
    expect($('a[href="#/forgot-username"]')).to.not.equal(null);
  });

  it('an invalid username gets a field error and no adapter call', async () => {
    const { el, b, $, type, submit } = await setup();
    await type('username', 'ab');
    await submit();
    expect($('#username-error').textContent).to.contain('at least 7');
    expect(el.shadowRoot!.activeElement).to.equal($('#username'));
    expect(b.calls).to.have.length(0);
  });

  it('choose: "Send an email" / "Send me a text message" with masked destinations', async () => {
    const { el, $, type, submit } = await setup();
    await type('username', 'janedoe1');
    await submit();
    expect(el.step).to.equal('choose');
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
    const labels = [...el.shadowRoot!.querySelectorAll('[part="choice"]')].map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).to.deep.equal([
      'Send an email to xxxxdoe@example.com',
      'Send me a text message to xxxxxx0101',
    ]);
    expect($('[part="submit-button"]').textContent!.trim()).to.equal('Send Code');
    await expect(el).to.be.accessible();
  });

  it('SMS code: wrong code shows an error and keeps it; the right one leads to Step 4 of 4', async () => {
    const { el, b, $, type, submit, toCode } = await setup();
    await toCode('sms');
    expect(b.sends).to.deep.equal(['sms']);
    expect(el.step).to.equal('code');
    expect(el.shadowRoot!.textContent).to.contain('text message');
    expect($<HTMLInputElement>('#code').autocomplete).to.equal('one-time-code');
    await expect(el).to.be.accessible();
    await type('code', 'k7m2-q9pa');
    expect($<HTMLInputElement>('#code').value).to.equal('K7M2Q9PA');
    await submit();
    expect($('[role="alert"]').textContent).to.contain('That code is incorrect');
    expect($<HTMLInputElement>('#code').value).to.equal('K7M2Q9PA');
    expect(el.shadowRoot!.activeElement).to.equal($('#code'));
    await expect(el).to.be.accessible();
    await type('code', GOOD);
    await submit();
    // The verify call first awaits the lazily loaded new-password step (issue 20).
    await until(() => el.step === 'password', 'the new-password step');
    expect(el.step).to.equal('password');
    expect($('[part="step-heading"]').textContent!.replace(/\s+/g, ' ')).to.contain('Step 4 of 4');
    expect($('[part="step-heading"]').textContent).to.contain('Create New Password');
  });

  it('an incomplete code is refused locally', async () => {
    const { b, $, type, submit, toCode } = await setup();
    await toCode();
    await type('code', 'ABC');
    await submit();
    expect($('#code-error').textContent).to.contain('8-character');
    expect(b.calls.filter((c) => c.method === 'verifyCode')).to.have.length(0);
  });

  it('resend it: waits for the throttle, then sends by the same method', async () => {
    const { el, b, $, settle, toCode } = await setup();
    await toCode('sms');
    const resend = $<HTMLButtonElement>('[part="resend-button"]');
    expect(resend.textContent!.trim()).to.equal('resend it');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect($('[part="countdown"]').textContent).to.contain('0:30');
    resend.click();
    await settle();
    expect(b.sends).to.deep.equal(['sms']);
    b.setNow(T0 + 30_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    resend.click();
    await settle();
    expect(b.sends).to.deep.equal(['sms', 'sms']);
    expect($('[role="status"]').textContent).to.contain('We sent a new code to xxxxxx0101');
  });

  it('a rate-limited resend says when it can be used again', async () => {
    const b = backend();
    const { el, $, settle, toCode } = await setup(b);
    await toCode('email');
    b.setNow(T0 + 30_000);
    el.requestUpdate();
    await el.updateComplete;
    b.failNext('sendCode', adapterError('RATE_LIMITED', { retryAfter: T0 + 90_000 }));
    $<HTMLButtonElement>('[part="resend-button"]').click();
    await settle();
    expect($('[role="alert"]').textContent!.trim()).to.equal(
      'Too many attempts. Please try again in 1 minute.',
    );
    expect($('[part="countdown"]').textContent).to.contain('1:00');
  });

  it('an expired code asks to resend it', async () => {
    // Long enough that reaching the code step never outlasts it, even on a loaded machine.
    const b = backend({ codeTtl: 1000 });
    const { el, toCode } = await setup(b);
    await toCode();
    expect(el.shadowRoot!.textContent).to.not.contain('This code no longer works');
    await new Promise((r) => setTimeout(r, 1300));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('This code no longer works');
    await expect(el).to.be.accessible();
  });

  it('PASSWORD_REUSED shows a clear message and keeps what was typed; a new password succeeds', async () => {
    const { el, b, $, type, submit, toPassword } = await setup();
    await toPassword();
    await expect(el).to.be.accessible();
    expect($('[part="checklist"]')).to.not.equal(null);
    await type('password', OLD);
    await type('confirm', OLD);
    await submit();
    expect($('[role="alert"]').textContent).to.contain('not one of your last 10 passwords');
    expect($('[id$="-password-error"]').textContent).to.contain('not used before');
    expect($<HTMLInputElement>('[name="password"]').value).to.equal(OLD);
    expect(document.activeElement === $('[name="password"]'), 'focus on New Password').to.equal(
      true,
    );
    await expect(el).to.be.accessible();
    await type('password', NEW);
    expect($('[id$="-password-error"]').textContent).to.equal('');
    await type('confirm', NEW);
    const ev = oneEvent(el, 'pep-password-reset');
    await submit();
    expect((await ev).detail).to.deep.equal({ username: 'janedoe1' });
    expect(el.step).to.equal('done');
    expect(el.shadowRoot!.textContent).to.contain('Account Information - Update Password');
    expect($('a[part="link"]').getAttribute('href')).to.equal('#/login');
    expect(b.calls.filter((c) => c.method === 'setPassword')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('Back to Log In does not claim an update; after the update, straight to done-href', async () => {
    history.replaceState(null, '', '#/forgot');
    const { el, $, type, submit, toPassword } = await setup(backend(), '#/login?updated');
    const back = () => [...el.shadowRoot!.querySelectorAll('a')].find((a) => /Back/.test(a.text));
    expect(back()!.getAttribute('href')).to.equal('#/login');
    await toPassword();
    expect(back()!.getAttribute('href')).to.equal('#/login');
    await type('password', NEW);
    await type('confirm', NEW);
    await submit();
    expect(el.step).to.equal('done');
    expect(location.hash).to.equal('#/login?updated');
    expect($('a[part="link"]').getAttribute('href')).to.equal('#/login?updated');
    expect($('a[part="link"]').textContent!.trim()).to.equal('Go to Log In');
    expect(back()).to.equal(undefined);
    history.replaceState(null, '', '#/forgot');
  });

  it('a host that cancels pep-password-reset stays on the confirmation and its link', async () => {
    history.replaceState(null, '', '#/forgot');
    const { el, $, type, submit, toPassword } = await setup();
    el.addEventListener('pep-password-reset', (e) => e.preventDefault());
    await toPassword();
    await type('password', NEW);
    await type('confirm', NEW);
    await submit();
    expect(el.step).to.equal('done');
    expect(location.hash).to.equal('#/forgot');
    expect($('a[part="link"]').getAttribute('href')).to.equal('#/login');
  });

  it('refuses a password that breaks the policy, or a mismatched confirmation, locally', async () => {
    const { b, $, type, submit, toPassword } = await setup();
    await toPassword();
    await type('password', 'short');
    await type('confirm', 'other');
    await submit();
    expect($('[id$="-password-error"]').textContent).to.contain('requirement');
    expect($('[data-rule="length"]').getAttribute('data-met')).to.equal('false');
    await type('password', NEW);
    await submit();
    expect($('[id$="-confirm-error"]').textContent).to.contain('do not match');
    expect(b.calls.filter((c) => c.method === 'setPassword')).to.have.length(0);
  });

  it('a network failure keeps the username and Try again retries', async () => {
    const b = backend({ failNext: { findAccount: adapterError('NETWORK') } });
    const { el, $, type, submit, settle } = await setup(b);
    await type('username', 'janedoe1');
    await submit();
    expect($('[role="alert"]').textContent).to.contain('could not reach the server');
    expect($<HTMLInputElement>('#username').value).to.equal('janedoe1');
    $<HTMLButtonElement>('[part="retry-button"]').click();
    await settle();
    expect(el.step).to.equal('choose');
  });

  it('FLOW_EXPIRED goes back to Find Account with the reason and the username', async () => {
    const b = backend({ failNext: { verifyCode: adapterError('FLOW_EXPIRED') } });
    const { el, $, type, submit, toCode } = await setup(b);
    await toCode();
    await type('code', GOOD);
    await submit();
    expect(el.step).to.equal('find');
    expect($('[role="alert"]').textContent).to.contain('expired');
    expect($<HTMLInputElement>('#username').value).to.equal('janedoe1');
  });

  it('Back and "Choose another method" move back one step', async () => {
    const { el, $, settle, toCode } = await setup();
    await toCode();
    $<HTMLButtonElement>('[part="secondary-button"]').click();
    await settle();
    expect(el.step).to.equal('choose');
    $<HTMLButtonElement>('[part="secondary-button"]').click();
    await settle();
    expect(el.step).to.equal('find');
  });

  it('can be completed with the keyboard only', async () => {
    const { el, $, settle } = await setup();
    $('#username').focus();
    await sendKeys({ type: 'janedoe1' });
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(el.step).to.equal('choose');
    $<HTMLInputElement>('input[value="email"]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>('input[value="sms"]').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(el.step).to.equal('code');
    $('#code').focus();
    await sendKeys({ type: GOOD });
    await sendKeys({ press: 'Enter' });
    await settle();
    await until(() => el.step === 'password', 'the new-password step');
    expect(el.step).to.equal('password');
    $('[name="password"]').focus();
    await sendKeys({ type: NEW });
    $('[name="confirm"]').focus();
    await sendKeys({ type: NEW });
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(el.step).to.equal('done');
  });
});
