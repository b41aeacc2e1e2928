import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import '../../../src/elements/add-delegate/pep-add-delegate.js';
import type { PepAddDelegate } from '../../../src/elements/add-delegate/pep-add-delegate.js';
import {
  $,
  alertText,
  deepActive,
  failing,
  JANE,
  producerAdapter,
  typeInto,
  until,
} from '../../support/registration.js';

async function mount(adapter: unknown, attrs = '') {
  const el = await fixture<PepAddDelegate>(html`<pep-add-delegate></pep-add-delegate>`);
  if (attrs) el.setAttribute('allowed-states', attrs);
  el.adapter = adapter as PepAddDelegate['adapter'];
  await el.updateComplete;
  return el;
}

async function fill(el: PepAddDelegate, input = JANE) {
  typeInto(el, '#username', input.username);
  typeInto(el, '#email', input.email);
  typeInto(el, '#firstName', input.firstName);
  typeInto(el, '#lastName', input.lastName);
  typeInto(el, '#mobile', input.mobile);
  for (const s of input.states) $<HTMLInputElement>(el, `#state-${s}`).click();
  await el.updateComplete;
}

describe('<pep-add-delegate>', () => {
  let adapter: MemoryAdapter;
  beforeEach(async () => {
    adapter = await producerAdapter();
  });

  it('is accessible', async () => {
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
  });

  it('renders the spec fields with labels, hints and autocomplete off for another person', async () => {
    const el = await mount(adapter);
    const labels = [...el.shadowRoot!.querySelectorAll('label[for]')].map((l) =>
      l.textContent!.trim(),
    );
    expect(labels.slice(0, 5)).to.deep.equal([
      'Username',
      'Email',
      'First Name',
      'Last Name',
      'Mobile Number',
    ]);
    expect($(el, 'legend').textContent).to.equal('State(s)');
    expect(
      [...el.shadowRoot!.querySelectorAll('input[name=states]')].map(
        (i) => (i as HTMLInputElement).value,
      ),
    ).to.deep.equal(['IL', 'MT', 'NM', 'OK', 'TX']);
    expect($(el, '#username').getAttribute('aria-describedby')).to.equal('username-hint');
    expect($(el, '#username-hint').textContent).to.contain('7 letters or digits');
    expect($(el, '[part~=submit-button]').textContent!.trim()).to.equal('Create Delegate');
    expect($(el, '[part~=secondary-button]').textContent!.trim()).to.equal('Cancel');
  });

  it('limits the states to allowed-states (attribute and property)', async () => {
    const el = await mount(adapter, 'IL tx');
    expect(
      [...el.shadowRoot!.querySelectorAll('input[name=states]')].map(
        (i) => (i as HTMLInputElement).value,
      ),
    ).to.deep.equal(['IL', 'TX']);
    el.allowedStates = ['MT'];
    await el.updateComplete;
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=states]')];
    expect(boxes.map((b) => [b.value, b.checked])).to.deep.equal([['MT', true]]);
  });

  it('shows a field error after leaving the field, not before', async () => {
    const el = await mount(adapter);
    typeInto(el, '#username', 'abc');
    await el.updateComplete;
    expect($(el, '#username').getAttribute('aria-invalid')).to.equal('false');
    $(el, '#username').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect($(el, '#username').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#username').getAttribute('aria-describedby')).to.equal(
      'username-hint username-error',
    );
    expect($(el, '#username-error').textContent).to.equal(
      'Username must be at least 7 characters.',
    );
    await expect(el).to.be.accessible();
  });

  it('submit with errors shows them all, focuses the first invalid field and calls nothing', async () => {
    const fake = failing(adapter, {});
    const el = await mount(fake);
    typeInto(el, '#username', 'janedoe01');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => deepActive()?.id === 'email', 2000, 'focus on email');
    expect($(el, '#email-error').textContent).to.equal('Enter an email address.');
    expect($(el, '#mobile-error').textContent).to.equal('Enter a mobile number.');
    expect($(el, '#states-error').textContent).to.equal('Choose at least one state.');
    expect(fake.calls['addDelegate'] ?? 0).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('accepts the usual US mobile formats and shows them formatted', async () => {
    const el = await mount(adapter);
    for (const typed of ['312.555.0101', '+1 312 555 0101', '(312) 555-0101']) {
      typeInto(el, '#mobile', typed, true);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#mobile').value).to.equal('(312) 555-0101');
      expect($(el, '#mobile-error').textContent).to.equal('');
    }
  });

  it('creates the delegate: "Delegate was added", event, Finish, focus on the heading', async () => {
    const el = await mount(adapter);
    await fill(el);
    const added = oneEvent(el, 'pep-delegate-added');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    const { detail } = await added;
    expect(detail.delegate).to.include({ username: 'janedoe01', status: 'invited' });
    await el.updateComplete;
    expect($(el, 'h2').textContent!.trim()).to.equal('Delegate was added');
    await until(() => deepActive()?.tagName === 'H2', 2000, 'heading focus');
    expect($(el, '[part=success]').textContent).to.contain('jane.doe@example.com');
    await expect(el).to.be.accessible();
    const finish = oneEvent(el, 'pep-delegate-finish');
    $<HTMLButtonElement>(el, '[part~=finish-button]').click();
    expect((await finish).detail.delegate.id).to.equal(detail.delegate.id);
    expect(adapter.outbox.at(-1)!.to).to.equal('jane.doe@example.com');
  });

  it('USERNAME_TAKEN shows under Username with the producer explanation and focuses it', async () => {
    const el = await mount(adapter);
    await fill(el, { ...JANE, username: 'DemoProducer' });
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $(el, '#username-error').textContent !== '', 3000, 'username error');
    expect($(el, '#username-error').textContent).to.contain('already registered as a Producer');
    expect(alertText(el)).to.equal('Please correct the highlighted fields.');
    await until(() => deepActive()?.id === 'username', 2000, 'focus on username');
    expect($<HTMLInputElement>(el, '#email').value).to.equal(JANE.email);
    await expect(el).to.be.accessible();
    typeInto(el, '#username', 'DemoProducer2');
    await el.updateComplete;
    expect($(el, '#username-error').textContent).to.equal('');
  });

  it('maps adapter VALIDATION fields under each field', async () => {
    const fake = failing(adapter, {
      addDelegate: [
        adapterError('VALIDATION', { fields: { email: 'invalid-email', states: 'not-allowed' } }),
      ],
    });
    const el = await mount(fake);
    await fill(el);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $(el, '#email-error').textContent !== '', 3000, 'email error');
    expect($(el, '#email-error').textContent).to.equal(
      'Enter a valid email address, like name@example.com.',
    );
    expect($(el, '#states-error').textContent).to.equal('You cannot assign this state.');
    expect($(el, '#state-IL').getAttribute('aria-invalid')).to.equal('true');
  });

  it('a network failure keeps the input, offers Try again, and retry succeeds', async () => {
    const fake = failing(adapter, { addDelegate: [adapterError('NETWORK')] });
    const el = await mount(fake);
    await fill(el);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => alertText(el).includes('could not reach'), 3000, 'network error');
    expect($<HTMLInputElement>(el, '#username').value).to.equal('janedoe01');
    expect($<HTMLInputElement>(el, '#state-TX').checked).to.equal(true);
    await expect(el).to.be.accessible();
    const added = oneEvent(el, 'pep-delegate-added');
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    expect(deepActive()?.getAttribute('part')).to.equal('submit-button');
    await added;
    expect(fake.calls['addDelegate']).to.equal(2);
  });

  it('one adapter call per click while pending (aria-disabled, no double submit)', async () => {
    const fake = failing(adapter, {});
    const el = await mount(fake);
    await fill(el);
    const button = $<HTMLButtonElement>(el, '[part~=submit-button]');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    button.click();
    await oneEvent(el, 'pep-delegate-added');
    expect(fake.calls['addDelegate']).to.equal(1);
  });

  it('reset() at any moment: a pending call is abandoned, the form empty and enabled, no old error', async () => {
    // An error already shown goes.
    const fake = failing(adapter, { addDelegate: [adapterError('NETWORK')] });
    const el = await mount(fake);
    await fill(el);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => alertText(el).includes('could not reach'), 3000, 'network error');
    el.reset();
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.equal(null);
    expect($<HTMLInputElement>(el, '#username').value).to.equal('');

    // A pending Create Delegate is abandoned: its late answer changes nothing.
    let answer!: () => void;
    const slow = new Proxy(adapter, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'addDelegate') return value;
        return (...args: Parameters<MemoryAdapter['addDelegate']>) =>
          new Promise((resolve, reject) => {
            answer = () => void target.addDelegate(...args).then(resolve, reject);
          });
      },
    });
    el.adapter = slow;
    await el.updateComplete;
    await fill(el);
    const button = $<HTMLButtonElement>(el, '[part~=submit-button]');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    let added = 0;
    el.addEventListener('pep-delegate-added', () => added++);
    el.reset();
    await el.updateComplete;
    const submit = $<HTMLButtonElement>(el, '[part~=submit-button]');
    expect(submit.getAttribute('aria-disabled')).to.equal('false');
    expect(submit.textContent!.trim()).to.equal('Create Delegate');
    for (const id of ['username', 'email', 'firstName', 'lastName', 'mobile'])
      expect($<HTMLInputElement>(el, `#${id}`).value, id).to.equal('');
    expect($<HTMLInputElement>(el, '#state-TX').checked).to.equal(false);
    expect(alertText(el)).to.equal('');
    answer();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.step).to.equal('form');
    expect(added).to.equal(0);
    expect($(el, '#username-error').textContent).to.equal('');
  });

  it('Cancel fires pep-cancel', async () => {
    const el = await mount(adapter);
    const cancel = oneEvent(el, 'pep-cancel');
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click();
    await cancel;
  });

  it('keyboard only: type, space on a state, Enter submits', async () => {
    const el = await mount(adapter);
    $<HTMLInputElement>(el, '#username').focus();
    await sendKeys({ type: 'kbduser01' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'kb@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kay' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Bee' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '312 555 0199' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('state-IL');
    await sendKeys({ press: 'Space' });
    const added = oneEvent(el, 'pep-delegate-added');
    $<HTMLInputElement>(el, '#mobile').focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await added;
    expect(detail.delegate).to.include({ username: 'kbduser01', mobile: '+13125550199' });
    expect(detail.delegate.states).to.deep.equal(['IL']);
  });

  describe('Preferred Language (issue 23, item 11)', () => {
    const select = (el: PepAddDelegate) => $<HTMLSelectElement>(el, 'select#language');

    async function create(el: PepAddDelegate) {
      await fill(el);
      const added = oneEvent(el, 'pep-delegate-added');
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      return (await added).detail.delegate;
    }

    it('is a labelled select, named in each language, defaulting to the widget language (English)', async () => {
      const el = await mount(adapter);
      expect($(el, 'label[for=language]').textContent!.trim()).to.equal('Preferred Language');
      expect(select(el).getAttribute('aria-describedby')).to.equal('language-hint');
      expect($(el, '#language-hint').textContent).to.contain('emails and text messages');
      expect(
        [...select(el).options].map((o) => [o.value, o.lang, o.textContent!.trim()]),
      ).to.deep.equal([
        ['en', 'en', 'English'],
        ['es', 'es', 'Español'],
      ]);
      expect(select(el).value).to.equal('en');
      await expect(el).to.be.accessible();
      const delegate = await create(el);
      expect(delegate.language).to.equal('en');
      const invitation = [...adapter.outbox].reverse().find((m) => m.to === JANE.email)!;
      expect(invitation.subject).to.equal('Confirm Your Email Address');
    });

    it('in a Spanish widget it says so in Spanish and defaults to Spanish: the invitation is Spanish', async () => {
      const el = await mount(adapter);
      el.lang = 'es';
      await el.updateComplete;
      expect($(el, 'label[for=language]').textContent!.trim()).to.equal('Idioma preferido');
      expect($(el, '#language-hint').textContent).to.contain('mensajes de texto');
      expect(select(el).value).to.equal('es');
      await expect(el).to.be.accessible();
      expect((await create(el)).language).to.equal('es');
      const invitation = [...adapter.outbox].reverse().find((m) => m.to === JANE.email)!;
      expect(invitation.subject).to.equal('Confirme su dirección de correo electrónico');
    });

    it("the producer's pick wins over the widget language, also after a language switch", async () => {
      const el = await mount(adapter);
      select(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      if (select(el).value !== 'es') {
        // Some engines open the list on ArrowDown: pick as a mouse does.
        select(el).value = 'es';
        select(el).dispatchEvent(new Event('change', { bubbles: true }));
      }
      await el.updateComplete;
      el.lang = 'en-US';
      await el.updateComplete;
      expect(select(el).value).to.equal('es');
      expect((await create(el)).language).to.equal('es');
    });

    it('a language error from the adapter shows under the select', async () => {
      const fake = failing(adapter, {
        addDelegate: [adapterError('VALIDATION', { fields: { language: 'not-allowed' } })],
      });
      const el = await mount(fake);
      await fill(el);
      $<HTMLButtonElement>(el, '[part~=submit-button]').click();
      await until(() => select(el).getAttribute('aria-invalid') === 'true', 3000, 'the error');
      expect($(el, '#language-error').textContent!.trim()).to.equal('Choose English or Spanish.');
      expect(select(el).getAttribute('aria-describedby')).to.equal('language-hint language-error');
    });
  });
});
