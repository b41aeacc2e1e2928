import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { ManualClock, MINUTE, SECOND } from '../../../src/core/clock.js';
import '../../../src/elements/create-password/pep-create-password.js';
import type { PepCreatePassword } from '../../../src/elements/create-password/pep-create-password.js';
import {
  $,
  addDelegateWithLink,
  alertText,
  deepActive,
  failing,
  latestCode,
  producerAdapter,
  typeInto,
  until,
} from '../../support/registration.js';

const PASSWORD = 'Sunny-Day-42x';

async function mount(adapter: unknown, purpose: 'create' | 'reset' = 'create') {
  const el = await fixture<PepCreatePassword>(
    html`<pep-create-password
      purpose=${purpose}
      login-href="#/delegate/login"
    ></pep-create-password>`,
  );
  el.adapter = adapter as PepCreatePassword['adapter'];
  await el.updateComplete;
  return el;
}

const heading = (el: PepCreatePassword) => $(el, 'h2').textContent!.replace(/\s+/g, ' ').trim();
const submit = (el: PepCreatePassword) => $<HTMLButtonElement>(el, '[part~=submit-button]').click();

async function stepTo(el: PepCreatePassword, step: string) {
  await until(() => el.step === step, 4000, `step ${step}`);
  await el.updateComplete;
  await until(() => deepActive()?.tagName === 'H2', 2000, 'focus on the heading');
}

async function toCode(
  el: PepCreatePassword,
  username = 'janedoe01',
  channel: 'email' | 'sms' = 'email',
) {
  typeInto(el, '#username', username);
  submit(el);
  await stepTo(el, 'choose');
  $<HTMLInputElement>(el, `#channel-${channel}`).click();
  await el.updateComplete;
  submit(el);
  await stepTo(el, 'code');
}

describe('<pep-create-password>', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    adapter = await producerAdapter(clock);
    const { token } = await addDelegateWithLink(adapter);
    await adapter.confirmEmail({ token });
  });

  it('is accessible', async () => {
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
  });

  it('completes the four steps and fires pep-password-created', async () => {
    const el = await mount(adapter);
    expect(heading(el)).to.equal('Step 1 of 4 Find Account');
    expect($(el, '#username').getAttribute('autocomplete')).to.equal('username');
    typeInto(el, '#username', 'janedoe01');
    submit(el);
    await stepTo(el, 'choose');
    expect(heading(el)).to.equal('Step 2 of 4 Get Verification Code');
    // As seen (the mask), and as heard (its spoken form; the mask is aria-hidden).
    const labels = [...el.shadowRoot!.querySelectorAll('label.choice')].map((l) => {
      const seen = l.cloneNode(true) as Element;
      seen.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
      return seen.textContent!.trim();
    });
    expect(labels).to.deep.equal([
      'Send an email to j•••@e•••.com',
      'Send me a text message to •••-•••-0101',
    ]);
    const sms = $(el, 'label[for="channel-sms"] .mask');
    expect(sms.querySelector('[aria-hidden="true"]')!.textContent).to.equal('•••-•••-0101');
    expect(sms.querySelector('.visually-hidden')!.textContent).to.equal(
      'the mobile number ending in 0 1 0 1',
    );
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#channel-sms').click();
    await el.updateComplete;
    submit(el);
    await stepTo(el, 'code');
    expect(heading(el)).to.equal('Step 3 of 4 Enter Verification Code');
    expect($(el, 'form').closest('.card')!.textContent).to.contain('•••-•••-0101');
    await expect(el).to.be.accessible();
    const code = latestCode(adapter, 'sms');
    typeInto(el, '#code', `${code.slice(0, 4).toLowerCase()} - ${code.slice(4)}`);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#code').value).to.equal(code);
    submit(el);
    await stepTo(el, 'password');
    expect(heading(el)).to.equal('Step 4 of 4 Create New Password');
    expect($(el, '[part=checklist]').textContent).to.contain('Password Must Have');
    await expect(el).to.be.accessible();
    typeInto(el, '[name="password"]', PASSWORD);
    typeInto(el, '[name="confirm"]', PASSWORD);
    await el.updateComplete;
    expect(el.querySelectorAll('[part=checklist] li[data-met=false]').length).to.equal(0);
    const created = oneEvent(el, 'pep-password-created');
    expect($(el, '[part~=submit-button]').textContent!.trim()).to.equal('Create Password');
    submit(el);
    expect((await created).detail).to.deep.equal({ username: 'janedoe01', purpose: 'create' });
    await stepTo(el, 'done');
    expect(heading(el)).to.equal('Your password was created');
    expect($(el, '[part~=login-link]').getAttribute('href')).to.equal('#/delegate/login');
    expect(adapter.outbox.at(-1)!.subject).to.equal('Account Information - Update Password');
    await expect(el).to.be.accessible();
    const login = await adapter.login({ username: 'janedoe01', password: PASSWORD });
    expect(login.status).to.equal('verification-required');
  });

  it('after the save, straight to done-href (the guide: on to Log In), link as fallback', async () => {
    history.replaceState(null, '', '#/create');
    const el = await fixture<PepCreatePassword>(
      html`<pep-create-password
        login-href="#/login"
        done-href="#/login?created"
      ></pep-create-password>`,
    );
    el.adapter = adapter as PepCreatePassword['adapter'];
    await toCode(el);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await stepTo(el, 'password');
    typeInto(el, '[name="password"]', PASSWORD);
    typeInto(el, '[name="confirm"]', PASSWORD);
    const created = oneEvent(el, 'pep-password-created');
    submit(el);
    expect((await created).cancelable).to.equal(true);
    await stepTo(el, 'done');
    expect(location.hash).to.equal('#/login?created');
    expect($(el, '[part~=login-link]').getAttribute('href')).to.equal('#/login?created');
    history.replaceState(null, '', '#/create');
  });

  it('purpose reset: Update Password labels and findAccount purpose reset', async () => {
    const fake = failing(adapter, {});
    const spy: string[] = [];
    const real = fake.findAccount.bind(fake);
    fake.findAccount = (input, o) => {
      spy.push(input.purpose);
      return real(input, o);
    };
    const el = await mount(fake, 'reset');
    expect($(el, 'p').textContent).to.contain('reset your password');
    await toCode(el);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await stepTo(el, 'password');
    expect($(el, '[part~=submit-button]').textContent!.trim()).to.equal('Update Password');
    expect(spy).to.deep.equal(['reset']);
  });

  it('username errors: after blur, and on submit with focus on the field', async () => {
    const el = await mount(adapter);
    typeInto(el, '#username', 'abc', true);
    await el.updateComplete;
    expect($(el, '#username-error').textContent).to.equal(
      'Username must be at least 7 characters.',
    );
    typeInto(el, '#username', '');
    $<HTMLInputElement>(el, '#username').blur();
    submit(el);
    await until(() => deepActive()?.id === 'username', 2000, 'focus username');
    expect($(el, '#username-error').textContent).to.equal('Enter a username.');
  });

  it('a wrong code shows the attempts left; resend sends a new code and it works', async () => {
    const el = await mount(adapter);
    await toCode(el);
    typeInto(el, '#code', 'ZZZZZZZZ');
    submit(el);
    await until(() => alertText(el).includes('incorrect'), 3000, 'code error');
    expect(alertText(el)).to.equal('That code is incorrect. You have 4 attempts left.');
    expect($<HTMLInputElement>(el, '#code').value).to.equal('ZZZZZZZZ');
    await expect(el).to.be.accessible();
    clock.advance(31 * SECOND);
    const first = latestCode(adapter);
    $<HTMLButtonElement>(el, '[part=link]').click();
    await until(() => $(el, '[part=status]').textContent!.includes('new code'), 3000, 'resent');
    expect(alertText(el)).to.equal('');
    const second = latestCode(adapter);
    expect(second).to.not.equal(first);
    typeInto(el, '#code', second);
    submit(el);
    await stepTo(el, 'password');
  });

  it('resend it waits with a countdown, like Forgot Password: no red error meanwhile', async () => {
    const el = await mount(adapter);
    el.now = () => clock.now();
    await toCode(el);
    const resend = $<HTMLButtonElement>(el, '[part=link]');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '#resend-countdown').textContent!.trim()).to.equal(
      'You can resend the code in 0:30.',
    );
    const first = latestCode(adapter);
    resend.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(latestCode(adapter)).to.equal(first);
    expect(el.step).to.equal('code');
  });

  it('an expired code says so and offers resend', async () => {
    const el = await mount(adapter);
    await toCode(el);
    clock.advance(11 * MINUTE);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await until(() => alertText(el).includes('expired'), 3000, 'expired');
    expect(alertText(el)).to.equal('This code has expired or was replaced. Request a new code.');
    expect($(el, '[part=link]').textContent!.trim()).to.equal('resend it');
  });

  it('an invalid code shape is caught before any call', async () => {
    const fake = failing(adapter, {});
    const el = await mount(fake);
    await toCode(el);
    typeInto(el, '#code', 'ABC');
    submit(el);
    await until(() => $(el, '#code-error').textContent !== '', 2000, 'code field error');
    expect($(el, '#code-error').textContent).to.equal(
      'Enter the 8-character code from your message.',
    );
    expect(deepActive()?.id).to.equal('code');
    expect(fake.calls['verifyCode'] ?? 0).to.equal(0);
  });

  it('network failures are retryable and keep what was typed', async () => {
    const fake = failing(adapter, {
      findAccount: [adapterError('NETWORK')],
      verifyCode: [adapterError('TIMEOUT')],
      setPassword: [adapterError('UNAVAILABLE')],
    });
    const el = await mount(fake);
    typeInto(el, '#username', 'janedoe01');
    submit(el);
    await until(() => alertText(el).includes('could not reach'), 3000, 'network');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('janedoe01');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await stepTo(el, 'choose');
    submit(el);
    await stepTo(el, 'code');
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await until(() => alertText(el).includes('took too long'), 3000, 'timeout');
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await stepTo(el, 'password');
    typeInto(el, '[name="password"]', PASSWORD);
    typeInto(el, '[name="confirm"]', PASSWORD);
    submit(el);
    await until(() => alertText(el).includes('temporarily unavailable'), 3000, 'unavailable');
    expect($<HTMLInputElement>(el, '[name="password"]').value).to.equal(PASSWORD);
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await stepTo(el, 'done');
    expect(fake.calls['setPassword']).to.equal(2);
  });

  it('password step: checklist, mismatch, toggle, and PASSWORD_REUSED under the field', async () => {
    const el = await mount(adapter);
    await toCode(el);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await stepTo(el, 'password');
    typeInto(el, '[name="password"]', 'janedoe01X!');
    await el.updateComplete;
    expect($(el, 'li[data-rule=no-username]').getAttribute('data-met')).to.equal('false');
    typeInto(el, '[name="password"]', PASSWORD);
    typeInto(el, '[name="confirm"]', 'Other-Day-42x');
    submit(el);
    await until(() => deepActive()?.getAttribute('name') === 'confirm', 2000, 'focus confirm');
    expect($(el, '[id$="-confirm-error"]').textContent).to.equal('The passwords do not match.');
    const toggle = $<HTMLButtonElement>(el, '[name="password"] ~ [part=toggle-button]');
    toggle.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[name="password"]').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();

    const fake = failing(adapter, {
      setPassword: [adapterError('PASSWORD_REUSED', { historySize: 10 })],
    });
    el.adapter = fake;
    typeInto(el, '[name="confirm"]', PASSWORD);
    submit(el);
    await until(() => $(el, '[id$="-password-error"]').textContent !== '', 3000, 'reused');
    expect($(el, '[id$="-password-error"]').textContent).to.contain('last 10 passwords');
    expect(alertText(el)).to.equal('Please correct the highlighted fields.');
    await until(() => deepActive()?.getAttribute('name') === 'password', 2000, 'focus password');
    typeInto(el, '[name="password"]', 'Brand-New-77q');
    await el.updateComplete;
    expect($(el, '[id$="-password-error"]').textContent).to.equal('');
  });

  it('a failed submit marks each broken rule ✗; an empty password has no ✓', async () => {
    const el = await mount(adapter);
    await toCode(el);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await stepTo(el, 'password');
    const marks = () =>
      [...el.querySelectorAll('[part=checklist] .mark')].map((m) => m.textContent);
    expect(marks()).to.not.include('✓');
    expect(marks()).to.not.include('✗');
    expect($(el, 'li[data-rule=no-username]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Your username: not checked yet',
    );
    submit(el);
    await until(() => deepActive()?.getAttribute('name') === 'password', 2000, 'focus password');
    await el.updateComplete;
    expect($(el, 'li[data-rule=length] .mark').textContent).to.equal('✗');
    expect($(el, 'li[data-rule=no-username] .mark').textContent).to.equal('•');
    typeInto(el, '[name="password"]', 'abcdefgh');
    await el.updateComplete;
    expect($(el, 'li[data-rule=uppercase] .mark').textContent).to.equal('✗');
    expect($(el, 'li[data-rule=length] .mark').textContent).to.equal('✓');
  });

  it('FLOW_EXPIRED starts over at Find Account with the message', async () => {
    const fake = failing(adapter, { verifyCode: [adapterError('FLOW_EXPIRED')] });
    const el = await mount(fake);
    await toCode(el);
    typeInto(el, '#code', latestCode(adapter));
    submit(el);
    await stepTo(el, 'find');
    expect(alertText(el)).to.equal('This step has expired. Please start again.');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('janedoe01');
  });

  it('Back goes from code to choose to find', async () => {
    const el = await mount(adapter);
    await toCode(el);
    $<HTMLButtonElement>(el, '[part=secondary-button]').click();
    await stepTo(el, 'choose');
    $<HTMLButtonElement>(el, '[part=secondary-button]').click();
    await stepTo(el, 'find');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('janedoe01');
  });

  it('keyboard only', async () => {
    const el = await mount(adapter);
    $<HTMLInputElement>(el, '#username').focus();
    await sendKeys({ type: 'janedoe01' });
    await sendKeys({ press: 'Enter' });
    await stepTo(el, 'choose');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('channel-email');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.id).to.equal('channel-sms');
    await sendKeys({ press: 'Enter' });
    await stepTo(el, 'code');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('code');
    await sendKeys({ type: latestCode(adapter, 'sms') });
    await sendKeys({ press: 'Enter' });
    await stepTo(el, 'password');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('name')).to.equal('password');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('name')).to.equal('confirm');
    await sendKeys({ type: PASSWORD });
    const created = oneEvent(el, 'pep-password-created');
    await sendKeys({ press: 'Enter' });
    await created;
    await stepTo(el, 'done');
  });
});
