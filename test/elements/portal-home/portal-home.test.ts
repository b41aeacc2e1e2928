import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { Session } from '../../../src/adapter/types.js';
import '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../../../src/elements/portal-home/pep-portal-home.js';
import { fakeAdapter } from '../../support/fake-adapter.js';
import { delegateSession, testConfig } from '../../support/portal.js';
import type { PortalConfig } from '../../../src/elements/portal-home/portal-config.js';

async function setup(
  opts: { getSession?: () => Promise<Session | null>; logout?: () => Promise<void> } = {},
) {
  const { adapter, calls } = fakeAdapter({
    getSession: opts.getSession ?? (() => Promise.resolve(delegateSession)),
    logout: opts.logout ?? (() => Promise.resolve()),
  });
  const el = await fixture<PepPortalHome>(
    html`<pep-portal-home
      login-href="#/login"
      .adapter=${adapter}
      .portalConfig=${testConfig}
    ></pep-portal-home>`,
  );
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  };
  await settle();
  const $ = <E extends Element = HTMLElement>(sel: string) => el.shadowRoot!.querySelector<E>(sel)!;
  const $$ = (sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
  const text = () => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
  return { el, calls, settle, $, $$, text };
}

describe('<pep-portal-home>', () => {
  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  it('shows the configured portal name, banner, contacts, links and the session name', async () => {
    const { el, $, $$, text, calls } = await setup();
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession']);
    expect(el.view).to.equal('home');
    expect($('[part="portal-name"]').textContent).to.equal('Test Portal Name');
    expect($('[part="view-heading"]').textContent!.trim()).to.equal('Welcome to Test Portal');
    expect(text()).to.contain('Test welcome line.');
    expect($('[part="menu-button"]').textContent).to.contain('Jane Doe');
    expect($('[part="banner"]').textContent).to.contain('Jane Doe');
    const hrefs = $$('a[part="link"]').map((a) => a.getAttribute('href'));
    expect(hrefs).to.include.members([
      'mailto:help@example.test',
      'tel:18005550199',
      '#/report',
      '/quote',
    ]);
    const external = $<HTMLAnchorElement>('a[href="https://quick.example.test/"]');
    expect(external.target).to.equal('_blank');
    expect(external.rel).to.equal('noopener noreferrer');
    const titles = $$('h2').map((h) => h.textContent!.trim());
    expect(titles).to.deep.equal([
      'Need help?',
      'Quick Links',
      'Individual & Family ACA Resources',
      'Medicare Resources',
    ]);
  });

  it('the signed-in page is styled: its styles come with it, after the element styles', async () => {
    const { el, $ } = await setup();
    const style = (sel: string) => getComputedStyle($(sel));
    expect(style('[part="header"]').display).to.equal('flex');
    expect(style('[part="menu"]').position).to.equal('absolute');
    expect(style('[part="content"]').display).to.equal('grid');
    expect(style('[part="base"]').overflow).to.equal('hidden');
    // Once only: a later render does not add them again.
    const sheets = el.shadowRoot!.adoptedStyleSheets.length;
    el.show('information');
    await el.updateComplete;
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets);
  });

  it('never renders a javascript: link', async () => {
    const { $, text } = await setup();
    expect(text()).to.contain('Bad scheme');
    expect($('a[href^="javascript"]')).to.equal(null);
  });

  it('shows the SSOs as not available to delegates with the spec explanation, never as links', async () => {
    const { $, $$ } = await setup();
    expect($('a[href="/on-exchange"]')).to.equal(null);
    expect($('a[href="/medicare"]')).to.equal(null);
    const items = $$('[part="unavailable"]');
    expect(items.map((i) => i.dataset['capability'])).to.deep.equal([
      'onExchangeEnrollmentSso',
      'medicareQuotingSso',
    ]);
    expect(items[0]!.textContent).to.contain('Not available to delegates');
    expect(items[0]!.textContent).to.contain('Agent Assisted On Exchange Enrollment');
    expect(items[0]!.textContent).to.contain('using the Quote feature in the Test Portal Name');
    expect(items[1]!.textContent).to.contain('this will be future capability');
  });

  it('offers a link once the session has the capability', async () => {
    const producer: Session = {
      ...delegateSession,
      user: { ...delegateSession.user, role: 'producer', producer: undefined, producerId: 'P-1' },
      capabilities: { ...delegateSession.capabilities, onExchangeEnrollmentSso: true },
    };
    const { $ } = await setup({ getSession: () => Promise.resolve(producer) });
    expect($('a[href="/on-exchange"]')).to.not.equal(null);
    expect($('[part="unavailable"]').textContent).to.contain('Not available for your account');
  });

  it('navigates to My Hierarchy: the producer who added them and their states', async () => {
    const { el, $, $$ } = await setup();
    const nav = $$('[part="nav-item"]');
    expect(nav.map((b) => b.textContent!.trim())).to.deep.equal([
      'Home',
      'My Hierarchy',
      'Quote & Enroll',
    ]);
    expect(nav[0]!.getAttribute('aria-current')).to.equal('page');
    const ev = oneEvent(el, 'pep-view-change');
    nav[1]!.click();
    expect((await ev).detail).to.deep.equal({ view: 'hierarchy' });
    await el.updateComplete;
    await el.updateComplete;
    expect($$('[part="nav-item"]')[1]!.getAttribute('aria-current')).to.equal('page');
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
    expect($('[part="producer"]').textContent).to.contain('Pat Producer');
    expect($('[part="producer"]').textContent).to.contain('P-000123');
    expect($$('[part="states"] li').map((li) => li.dataset['state'])).to.deep.equal(['IL', 'TX']);
    expect($('[part="states"]').textContent).to.contain('Illinois');
    await expect(el).to.be.accessible();
  });

  it('Quote & Enroll offers quoting and explains the unavailable SSOs', async () => {
    const { el, $, $$ } = await setup();
    el.show('quote');
    await el.updateComplete;
    expect($('a[href="/quote/new"]').textContent).to.contain('Create a Quote');
    expect($$('[part="unavailable"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('the user menu is a disclosure: opens, My Information shows the profile, Escape closes', async () => {
    const { el, $ } = await setup();
    const button = $<HTMLButtonElement>('[part="menu-button"]');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($('#user-menu').hidden).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect($('#user-menu').hidden).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('My Information');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.view).to.equal('information');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const profile = $('[part="profile"]').textContent!.replace(/\s+/g, ' ');
    expect(profile).to.contain('Jane Doe');
    expect(profile).to.contain('janedelegate');
    expect(profile).to.contain('jane@example.com');
    expect(profile).to.contain('(312) 555-0101');
    expect(profile).to.contain('Illinois, Texas');
    expect(profile).to.contain('Delegate');
    await expect(el).to.be.accessible();
  });

  it('closes the menu on a click outside', async () => {
    const { el, $ } = await setup();
    $<HTMLButtonElement>('[part="menu-button"]').click();
    await el.updateComplete;
    expect($('#user-menu').hidden).to.equal(false);
    document.body.click();
    await el.updateComplete;
    expect($('#user-menu').hidden).to.equal(true);
  });

  it('Log Out ends the session through the adapter and fires pep-logged-out', async () => {
    const { el, $, calls, settle } = await setup();
    $<HTMLButtonElement>('[part="menu-button"]').click();
    await el.updateComplete;
    const ev = oneEvent(el, 'pep-logged-out');
    $<HTMLButtonElement>('[data-action="logout"]').click();
    expect((await ev).detail).to.deep.equal({ username: 'janedelegate', reason: 'logout' });
    await settle();
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession', 'logout']);
    expect($('[part="view-heading"]').textContent).to.contain('You are logged out');
    expect(el.shadowRoot!.textContent).to.contain('You have logged out.');
    expect($('a[part="link"]').getAttribute('href')).to.equal('#/login');
    await expect(el).to.be.accessible();
  });

  it('a failed logout keeps the page, shows a retryable error, and retry works', async () => {
    let fail = true;
    const { el, $, calls, settle } = await setup({
      logout: () => (fail ? Promise.reject(adapterError('NETWORK')) : Promise.resolve()),
    });
    $<HTMLButtonElement>('[part="menu-button"]').click();
    await el.updateComplete;
    $<HTMLButtonElement>('[data-action="logout"]').click();
    await settle();
    expect($('[role="alert"]').textContent).to.contain('could not reach the server');
    expect(el.view).to.equal('home');
    await expect(el).to.be.accessible();
    fail = false;
    const ev = oneEvent(el, 'pep-logged-out');
    $<HTMLButtonElement>('[part="retry-button"]').click();
    await ev;
    expect(calls.filter((c) => c.method === 'logout')).to.have.length(2);
  });

  it('without a session fires pep-session-missing and offers the login link', async () => {
    const missing = new Promise<Event>((resolve) =>
      document.addEventListener('pep-session-missing', resolve, { once: true }),
    );
    const { el, $ } = await setup({ getSession: () => Promise.resolve(null) });
    await missing;
    expect(el.view).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('Your session has ended');
    expect($('a[part="link"]').getAttribute('href')).to.equal('#/login');
    await expect(el).to.be.accessible();
  });

  it('a failed session read shows a retryable error; retry loads it', async () => {
    let fail = true;
    const { el, $, settle } = await setup({
      getSession: () =>
        fail ? Promise.reject(adapterError('UNAVAILABLE')) : Promise.resolve(delegateSession),
    });
    expect($('[role="alert"]').textContent).to.contain('temporarily unavailable');
    fail = false;
    $<HTMLButtonElement>('[part="retry-button"]').click();
    await settle();
    await settle();
    expect(el.view).to.equal('home');
  });

  it('uses the session property without asking the adapter', async () => {
    const { adapter, calls } = fakeAdapter({});
    const el = await fixture<PepPortalHome>(
      html`<pep-portal-home
        .adapter=${adapter}
        .session=${delegateSession}
        .portalConfig=${testConfig}
      ></pep-portal-home>`,
    );
    expect(el.view).to.equal('home');
    expect(calls).to.have.length(0);
  });
  describe('views in history (issue 23, item 14)', () => {
    it('opens at the view of the `view` attribute, set before the session loaded', async () => {
      const { adapter } = fakeAdapter({ getSession: () => Promise.resolve(delegateSession) });
      const el = await fixture<PepPortalHome>(
        html`<pep-portal-home
          view="hierarchy"
          .adapter=${adapter}
          .portalConfig=${testConfig}
        ></pep-portal-home>`,
      );
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(el.view).to.equal('hierarchy');
      expect(el.shadowRoot!.querySelector('[part="producer"]')).to.not.equal(null);
      expect(el.getAttribute('view')).to.equal('hierarchy');
    });

    it('reflects the current view; the user picking one fires a cancelable pep-view-change', async () => {
      const { el, $, $$ } = await setup();
      expect(el.getAttribute('view')).to.equal('home');
      const ev = oneEvent(el, 'pep-view-change');
      $$('[part="nav-item"]')[2]!.click();
      const e = await ev;
      expect(e.detail).to.deep.equal({ view: 'quote' });
      expect(e.cancelable).to.equal(true);
      await el.updateComplete;
      expect(el.view).to.equal('quote');
      expect(el.getAttribute('view')).to.equal('quote');
      // A host that routes cancels it: the view stays (until the host sets it).
      el.addEventListener('pep-view-change', (x) => x.preventDefault(), { once: true });
      $$('[part="nav-item"]')[1]!.click();
      await el.updateComplete;
      expect(el.view).to.equal('quote');
      expect($$('[part="nav-item"]')[2]!.getAttribute('aria-current')).to.equal('page');
      expect($('[part="view-heading"]').textContent!.trim()).to.equal('Quote & Enroll');
    });

    it('setting `view` (the host following its URL) shows it, focuses its heading, fires no event', async () => {
      const { el, $ } = await setup();
      let fired = 0;
      el.addEventListener('pep-view-change', () => fired++);
      el.setAttribute('view', 'hierarchy');
      await el.updateComplete;
      await el.updateComplete;
      expect(el.view).to.equal('hierarchy');
      expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
      el.view = 'home';
      await el.updateComplete;
      expect($('[part="view-heading"]').textContent!.trim()).to.equal('Welcome to Test Portal');
      expect(el.getAttribute('view')).to.equal('home');
      // An unknown view is ignored.
      el.setAttribute('view', 'nowhere');
      await el.updateComplete;
      expect(el.view).to.equal('home');
      expect(fired).to.equal(0);
    });
  });

  describe('configured texts per language (issue 23, item 11)', () => {
    const bilingual: PortalConfig = {
      ...testConfig,
      portalName: { en: 'Test Portal Name', es: 'Portal de prueba' },
      welcomeTitle: { en: 'Welcome to Test Portal', es: 'Bienvenido al portal de prueba' },
      helpTitle: { en: 'Need help?', es: '¿Necesita ayuda?' },
      contacts: [
        { kind: 'email', label: { en: 'Email:', es: 'Correo:' }, value: 'h@example.test' },
      ],
      quickLinks: {
        id: 'quick',
        title: { en: 'Quick Links', es: 'Enlaces rápidos' },
        links: [{ label: { en: 'English only' }, href: '/x', description: 'Plain text' }],
      },
      footerText: { en: 'Footer', es: 'Pie' },
    };

    it('shows each text in the active language, English where it has no Spanish', async () => {
      const { adapter } = fakeAdapter({ getSession: () => Promise.resolve(delegateSession) });
      const el = await fixture<PepPortalHome>(
        html`<pep-portal-home
          lang="es"
          .adapter=${adapter}
          .portalConfig=${bilingual}
        ></pep-portal-home>`,
      );
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      const $ = (sel: string) => el.shadowRoot!.querySelector(sel)!.textContent!.trim();
      expect($('[part="portal-name"]')).to.equal('Portal de prueba');
      expect($('[part="view-heading"]')).to.equal('Bienvenido al portal de prueba');
      expect($('#help-title')).to.equal('¿Necesita ayuda?');
      expect($('#group-quick')).to.equal('Enlaces rápidos');
      expect($('[part="help"] li')).to.match(/^Correo:/);
      expect($('a[href="/x"]')).to.equal('English only');
      expect($('[part="footer"]')).to.equal('Pie');
      // Switching the language switches the texts in place.
      el.lang = 'en';
      await el.updateComplete;
      expect($('[part="portal-name"]')).to.equal('Test Portal Name');
      expect($('#help-title')).to.equal('Need help?');
      await expect(el).to.be.accessible();
    });
  });
});
