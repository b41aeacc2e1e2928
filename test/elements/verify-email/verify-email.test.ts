import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { DAY, ManualClock } from '../../../src/core/clock.js';
import '../../../src/elements/verify-email/pep-verify-email.js';
import {
  tokenFromUrl,
  type PepVerifyEmail,
} from '../../../src/elements/verify-email/verify-email.component.js';
import {
  $,
  addDelegateWithLink,
  alertText,
  deepActive,
  failing,
  producerAdapter,
  until,
} from '../../support/registration.js';

async function mount(adapter: unknown, token: string | null, href?: string) {
  const el = await fixture<PepVerifyEmail>(
    html`<pep-verify-email
      .token=${token ?? undefined}
      create-password-href=${href ?? ''}
    ></pep-verify-email>`,
  );
  if (!href) el.removeAttribute('create-password-href');
  el.adapter = adapter as PepVerifyEmail['adapter'];
  return el;
}

const heading = (el: PepVerifyEmail) => $(el, 'h2').textContent!.trim();

describe('<pep-verify-email>', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;
  let token: string;
  beforeEach(async () => {
    clock = new ManualClock();
    adapter = await producerAdapter(clock);
    ({ token } = await addDelegateWithLink(adapter));
  });

  it('is accessible', async () => {
    const el = await mount(adapter, token);
    await expect(el).to.be.accessible();
  });

  it('confirms the link: Email Verification Complete! + Create a Password (event)', async () => {
    const verified = new Promise<string>((ok) =>
      document.addEventListener(
        'pep-email-verified',
        (e) => ok((e as CustomEvent<{ username: string }>).detail.username),
        { once: true },
      ),
    );
    const el = await mount(adapter, token);
    expect(await verified).to.equal('janedoe01');
    await until(() => el.step === 'verified', 2000, 'verified');
    await el.updateComplete;
    expect(heading(el)).to.equal('Email Verification Complete!');
    expect($(el, '.success').textContent).to.contain('janedoe01');
    expect(alertText(el)).to.equal('');
    await until(() => deepActive()?.tagName === 'H2', 2000, 'heading focus');
    await expect(el).to.be.accessible();
    const button = $<HTMLButtonElement>(el, '[part=submit-button]');
    expect(button.textContent!.trim()).to.equal('Create a Password');
    const create = oneEvent(el, 'pep-create-password');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect((await create).detail.username).to.equal('janedoe01');
  });

  it('renders a link when create-password-href is set; cancelling the event stops it', async () => {
    const el = await mount(adapter, token, '#/delegate/create-password');
    await until(() => el.step === 'verified', 2000, 'verified');
    await el.updateComplete;
    const a = $<HTMLAnchorElement>(el, 'a[part=submit-button]');
    expect(a.getAttribute('href')).to.equal('#/delegate/create-password');
    el.addEventListener('pep-create-password', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    a.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
  });

  it('LINK_USED on a second visit, with what to do and the help desk number', async () => {
    await adapter.confirmEmail({ token });
    const el = await mount(adapter, token);
    await until(() => el.step === 'failed', 2000, 'failed');
    await el.updateComplete;
    expect(heading(el)).to.equal('This link was already used');
    expect(alertText(el)).to.contain('already been used');
    expect($(el, '[part=help]').textContent).to.contain('1-888-706-0583');
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('a failed link is not a dead end (issue 23 item 12)', () => {
    async function failedPage(prepare: () => Promise<void> | void, tok: string | null = token) {
      await prepare();
      const el = await fixture<PepVerifyEmail>(
        html`<pep-verify-email
          .token=${tok ?? undefined}
          login-href="#/login"
          forgot-password-href="#/forgot-password"
        ></pep-verify-email>`,
      );
      el.adapter = adapter as PepVerifyEmail['adapter'];
      await until(() => el.step === 'failed', 2000, 'failed');
      await el.updateComplete;
      const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => [
        a.textContent!.trim(),
        a.getAttribute('href'),
      ]);
      return { el, links };
    }

    it('used: Create a Password (to Find Account), Go to Log In, Forgot Password', async () => {
      const { el, links } = await failedPage(() => adapter.confirmEmail({ token }).then(() => {}));
      expect(links).to.deep.equal([
        ['Go to Log In', '#/login'],
        ['Forgot Password', '#/forgot-password'],
      ]);
      expect(alertText(el)).to.not.contain('producer');
      expect(alertText(el)).to.contain('Create a Password');
      const button = $<HTMLButtonElement>(el, 'button[part=submit-button]');
      expect(button.textContent!.trim()).to.equal('Create a Password');
      const create = oneEvent(el, 'pep-create-password');
      button.click();
      expect((await create).detail).to.deep.equal({ username: '' });
      await expect(el).to.be.accessible();
    });

    it('expired and invalid: Go to Log In', async () => {
      for (const [prepare, tok] of [
        [() => clock.advance(7 * DAY + 1), token],
        [() => {}, 'not-a-token'],
      ] as const) {
        const { el, links } = await failedPage(prepare, tok);
        expect(links).to.deep.equal([['Go to Log In', '#/login']]);
        await expect(el).to.be.accessible();
      }
    });

    it('Spanish: the links in Spanish', async () => {
      const { el } = await failedPage(() => adapter.confirmEmail({ token }).then(() => {}));
      el.lang = 'es';
      await until(
        () => el.shadowRoot!.textContent!.includes('Ir a Iniciar sesión'),
        2000,
        'Spanish',
      );
      expect(el.shadowRoot!.textContent).to.contain('¿Olvidó su contraseña?');
      expect(alertText(el)).to.contain('Crear una contraseña');
    });
  });

  it('LINK_EXPIRED after 7 days', async () => {
    clock.advance(7 * DAY + 1);
    const el = await mount(adapter, token);
    await until(() => el.step === 'failed', 2000, 'failed');
    await el.updateComplete;
    expect(heading(el)).to.equal('This link has expired');
    expect(alertText(el)).to.contain('resend the invitation');
    await expect(el).to.be.accessible();
  });

  it('LINK_INVALID for a wrong or missing token', async () => {
    for (const t of ['not-a-token', null]) {
      const el = await mount(adapter, t);
      await until(() => el.step === 'failed', 2000, 'failed');
      await el.updateComplete;
      expect(heading(el)).to.equal('This link is not valid');
      expect(alertText(el)).to.contain('not valid');
      await expect(el).to.be.accessible();
    }
  });

  it('a network failure offers Try again, which confirms the link', async () => {
    const fake = failing(adapter, { confirmEmail: [adapterError('NETWORK')] });
    const el = await mount(fake, token);
    await until(() => el.step === 'failed', 2000, 'failed');
    await el.updateComplete;
    expect(alertText(el)).to.contain('could not reach the server');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=retry-button]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.step === 'verified', 2000, 'verified');
    expect(fake.calls['confirmEmail']).to.equal(2);
  });

  it('a new token after a failed one is confirmed', async () => {
    const el = await mount(adapter, 'not-a-token');
    await until(() => el.step === 'failed', 2000, 'failed');
    el.token = token;
    await until(() => el.step === 'verified', 2000, 'verified');
  });

  it('reads the token from the URL query or a hash route', () => {
    expect(tokenFromUrl('https://x.example/verify?token=abc')).to.equal('abc');
    expect(tokenFromUrl('https://x.example/#/delegate/verify-email?token=a%2Bb')).to.equal('a+b');
    expect(tokenFromUrl('https://x.example/#/delegate/verify-email')).to.equal(null);
  });

  it('uses the page URL when no token attribute is given', async () => {
    const before = location.href;
    history.replaceState(null, '', `#/delegate/verify-email?token=${encodeURIComponent(token)}`);
    try {
      const el = await mount(adapter, null);
      await until(() => el.step === 'verified', 2000, 'verified');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
