import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { Session } from '../../../src/adapter/types.js';
import { MINUTE, SECOND } from '../../../src/core/clock.js';
import '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../../../src/elements/portal-home/pep-portal-home.js';
import { ManualTimers } from '../../../stories/manual-timers.js';
import { fakeAdapter } from '../../support/fake-adapter.js';
import { delegateSession, testConfig } from '../../support/portal.js';

/** A session read at `now`: idle end in 30 minutes, absolute end in 8 hours. */
const sessionAt = (now: number, idle = 30 * MINUTE): Session => ({
  ...delegateSession,
  issuedAt: now,
  expiresAt: now + 8 * 60 * MINUTE,
  idleExpiresAt: now + idle,
});

/** `getSession` is given the clock's time (epoch ms) when called. */
async function setup(
  opts: {
    getSession?: (now: number) => Promise<Session | null>;
    logout?: () => Promise<void>;
  } = {},
) {
  const timers = new ManualTimers();
  const clock = timers.clock;
  const first = sessionAt(clock.now());
  const { adapter, calls } = fakeAdapter({
    getSession: opts.getSession
      ? () => opts.getSession!(clock.now())
      : () => Promise.resolve(first),
    logout: opts.logout ?? (() => Promise.resolve()),
  });
  const el = await fixture<PepPortalHome>(
    html`<pep-portal-home
      login-href="#/login"
      .adapter=${adapter}
      .portalConfig=${testConfig}
      .now=${() => clock.now()}
      .timers=${timers}
    ></pep-portal-home>`,
  );
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
    }
  };
  await settle();
  const $ = <E extends Element = HTMLElement>(sel: string) => el.shadowRoot!.querySelector<E>(sel);
  const dialog = () => $<HTMLDialogElement>('dialog[part="idle-dialog"]');
  const advance = async (ms: number) => {
    timers.advance(ms);
    await settle();
  };
  return { el, calls, clock, timers, settle, $, dialog, advance };
}

describe('<pep-portal-home> idle timeout', () => {
  it('no warning until two minutes before the idle end', async () => {
    const { dialog, advance, el } = await setup();
    expect(el.view).to.equal('home');
    await advance(28 * MINUTE - SECOND);
    expect(dialog()).to.equal(null);
    await advance(SECOND);
    expect(dialog()!.open).to.equal(true);
  });

  it('warns in a labelled modal alertdialog, focus on Stay logged in; axe clean', async () => {
    const { el, dialog, advance, $ } = await setup();
    $<HTMLButtonElement>('[part="nav-item"]')!.focus();
    await advance(28 * MINUTE);
    const d = dialog()!;
    expect(d.open).to.equal(true);
    expect(d.matches(':modal')).to.equal(true);
    expect(d.getAttribute('role')).to.equal('alertdialog');
    expect(el.shadowRoot!.getElementById(d.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'You will be logged out soon',
    );
    expect(
      el.shadowRoot!.getElementById(d.getAttribute('aria-describedby')!)!.textContent!.trim(),
    ).to.equal(
      'For your security, you will be logged out in 2 minutes because you have been inactive.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($('[part~="stay-button"]'));
    expect($('[part~="stay-button"]')!.textContent!.trim()).to.equal('Stay logged in');
    expect($('[part~="idle-logout-button"]')!.textContent!.trim()).to.equal('Log Out');
    await expect(el).to.be.accessible();
  });

  it('Stay logged in asks getSession; the new idle end restarts the count; focus goes back', async () => {
    const { el, dialog, advance, $, calls } = await setup({
      getSession: (now) => Promise.resolve(sessionAt(now)),
    });
    const nav = $<HTMLButtonElement>('[part="nav-item"]')!;
    nav.focus();
    await advance(29 * MINUTE);
    $<HTMLButtonElement>('[part~="stay-button"]')!.click();
    await advance(0);
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession', 'getSession']);
    expect(dialog()).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(nav);
    // The old end passes without effect; the warning comes 28 minutes after the renewal.
    await advance(27 * MINUTE);
    expect(dialog()).to.equal(null);
    expect(el.view).to.equal('home');
    await advance(MINUTE);
    expect(dialog()!.open).to.equal(true);
  });

  it('Escape is Stay logged in', async () => {
    const { dialog, advance, calls } = await setup();
    await advance(28 * MINUTE);
    expect(dialog()!.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await advance(0);
    expect(calls.filter((c) => c.method === 'getSession')).to.have.length(2);
  });

  it('closed by the browser (a second Escape) is Stay logged in too', async () => {
    const { dialog, advance, calls } = await setup({
      getSession: (now) => Promise.resolve(sessionAt(now)),
    });
    await advance(28 * MINUTE);
    // What the browser does: closed, then (a task later, if at all in a test) a "close" event.
    dialog()!.close();
    dialog()!.dispatchEvent(new Event('close'));
    await advance(0);
    expect(calls.filter((c) => c.method === 'getSession')).to.have.length(2);
    expect(dialog()).to.equal(null);
  });

  it('a failed Stay logged in shows a retryable error in the dialog; Try again works', async () => {
    let fail = false;
    const { el, dialog, advance, $ } = await setup({
      getSession: (now) =>
        fail ? Promise.reject(adapterError('NETWORK')) : Promise.resolve(sessionAt(now)),
    });
    fail = true;
    await advance(28 * MINUTE);
    $<HTMLButtonElement>('[part~="stay-button"]')!.click();
    await advance(0);
    const alert = dialog()!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('could not reach the server');
    expect(dialog()!.open).to.equal(true);
    await expect(el).to.be.accessible();
    fail = false;
    dialog()!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await advance(0);
    expect(dialog()).to.equal(null);
  });

  it('a BUSY answer to Stay logged in offers Try again', async () => {
    const calls: number[] = [];
    const { dialog, advance, $ } = await setup({
      getSession: (now) => {
        calls.push(now);
        return calls.length === 2
          ? Promise.reject(adapterError('BUSY', { retryAfter: now + 5 * SECOND }))
          : Promise.resolve(sessionAt(now));
      },
    });
    await advance(28 * MINUTE);
    $<HTMLButtonElement>('[part~="stay-button"]')!.click();
    await advance(0);
    expect(dialog()!.textContent).to.contain(
      'The service is busy right now. Please try again in a few seconds.',
    );
    dialog()!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await advance(0);
    expect(dialog()).to.equal(null);
    expect(calls).to.have.length(3);
  });

  it('Log Out in the dialog logs out like the menu', async () => {
    const { el, dialog, advance, $, calls } = await setup();
    await advance(28 * MINUTE);
    const ev = oneEvent(el, 'pep-logged-out');
    $<HTMLButtonElement>('[part~="idle-logout-button"]')!.click();
    expect((await ev).detail).to.deep.equal({ username: 'janedelegate', reason: 'logout' });
    await advance(0);
    expect(dialog()).to.equal(null);
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession', 'logout']);
    expect(el.shadowRoot!.textContent).to.contain('You have logged out.');
  });

  it('at the idle end: logout, pep-logged-out (idle), the reason with the minutes; focus on the heading', async () => {
    const { el, advance, $, calls, timers } = await setup();
    const ev = oneEvent(el, 'pep-logged-out');
    await advance(30 * MINUTE);
    expect((await ev).detail).to.deep.equal({ username: 'janedelegate', reason: 'idle' });
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession', 'logout']);
    expect(el.view).to.equal(null);
    expect($('[role="status"]')!.textContent!.trim()).to.equal(
      'You were logged out because you were inactive for 30 minutes.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
    expect(timers.pending).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('the minutes come from the session (a 15-minute idle timeout)', async () => {
    const { el, advance, $ } = await setup({
      getSession: (now) => Promise.resolve(sessionAt(now, 15 * MINUTE)),
    });
    await advance(13 * MINUTE);
    expect($('dialog')).to.not.equal(null);
    await advance(2 * MINUTE);
    expect($('[role="status"]')!.textContent).to.contain('inactive for 15 minutes');
    expect(el.view).to.equal(null);
  });

  it('signs out even when the logout call fails (the backend ends the idle session anyway)', async () => {
    const { el, advance, $ } = await setup({
      logout: () => Promise.reject(adapterError('NETWORK')),
    });
    await advance(30 * MINUTE);
    expect(el.view).to.equal(null);
    expect($('[role="status"]')!.textContent).to.contain('inactive for 30 minutes');
  });

  it('Stay logged in after the session ended elsewhere: signed out for inactivity', async () => {
    let ended = false;
    const { el, advance, $ } = await setup({
      getSession: (now) =>
        ended ? Promise.reject(adapterError('NOT_AUTHENTICATED')) : Promise.resolve(sessionAt(now)),
    });
    await advance(29 * MINUTE);
    ended = true;
    const ev = oneEvent(el, 'pep-logged-out');
    $<HTMLButtonElement>('[part~="stay-button"]')!.click();
    expect((await ev).detail.reason).to.equal('idle');
    await advance(0);
    expect($('[role="status"]')!.textContent).to.contain('inactive for 30 minutes');
  });

  it('the absolute end (no idle time left before it) signs out without the idle warning', async () => {
    const { el, advance, $ } = await setup({
      getSession: (now) =>
        Promise.resolve({
          ...sessionAt(now),
          expiresAt: now + 10 * MINUTE,
          idleExpiresAt: now + 10 * MINUTE,
        }),
    });
    const missing = oneEvent(el, 'pep-session-missing');
    await advance(9 * MINUTE);
    expect($('dialog')).to.equal(null);
    await advance(MINUTE);
    await missing;
    expect($('[role="status"]')!.textContent).to.contain('Your session has ended');
  });

  it('a newer session set by the host closes the warning', async () => {
    const { el, advance, dialog, clock } = await setup();
    await advance(28 * MINUTE);
    expect(dialog()!.open).to.equal(true);
    el.session = sessionAt(clock.now());
    await advance(0);
    expect(dialog()).to.equal(null);
  });

  it('removed, its timer stops; re-inserted, it schedules again', async () => {
    const { el, timers, advance } = await setup();
    expect(timers.pending).to.equal(1);
    const parent = el.parentNode!;
    el.remove();
    await advance(0);
    expect(timers.pending).to.equal(0);
    parent.appendChild(el);
    await advance(0);
    expect(timers.pending).to.equal(1);
  });

  it('in Spanish', async () => {
    const { el, advance, dialog, $ } = await setup();
    el.lang = 'es';
    await advance(0);
    await advance(28 * MINUTE);
    expect(dialog()!.textContent).to.contain('Pronto se cerrará su sesión');
    expect(dialog()!.textContent).to.contain('su sesión se cerrará en 2 minutos');
    expect($('[part~="stay-button"]')!.textContent!.trim()).to.equal('Seguir conectado');
    await advance(2 * MINUTE);
    expect($('[role="status"]')!.textContent!.trim()).to.equal(
      'Se cerró su sesión porque estuvo inactivo durante 30 minutos.',
    );
  });
});
