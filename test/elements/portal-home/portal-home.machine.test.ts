import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import {
  initialPortalHomeState,
  portalHomeTransition as transition,
  type PortalHomeState,
} from '../../../src/elements/portal-home/portal-home.machine.js';
import { delegateSession } from '../../support/portal.js';

const ready = transition(initialPortalHomeState, { type: 'SESSION', session: delegateSession });

describe('portal-home machine', () => {
  it('loading → ready on a session, home view, menu closed', () => {
    expect(ready).to.deep.equal({
      status: 'ready',
      session: delegateSession,
      view: 'home',
      menuOpen: false,
      loggingOut: false,
    });
  });

  it('loading → signed-out when there is no session', () => {
    expect(transition(initialPortalHomeState, { type: 'SESSION', session: null })).to.deep.equal({
      status: 'signed-out',
      loggedOut: false,
    });
  });

  it('loading → failed on an error, and LOAD retries', () => {
    const failed = transition(initialPortalHomeState, {
      type: 'LOAD_FAILED',
      error: adapterError('NETWORK'),
    });
    expect(failed.status).to.equal('failed');
    expect(transition(failed, { type: 'LOAD' })).to.deep.equal({ status: 'loading' });
    expect(transition(ready, { type: 'LOAD_FAILED', error: adapterError('NETWORK') })).to.equal(
      ready,
    );
  });

  it('NAVIGATE switches the view and closes the menu', () => {
    const open = transition(ready, { type: 'TOGGLE_MENU' });
    expect(open).to.include({ menuOpen: true });
    const info = transition(open, { type: 'NAVIGATE', view: 'information' });
    expect(info).to.include({ view: 'information', menuOpen: false });
  });

  it('TOGGLE_MENU / CLOSE_MENU', () => {
    const open = transition(ready, { type: 'TOGGLE_MENU' });
    expect(transition(open, { type: 'TOGGLE_MENU' })).to.include({ menuOpen: false });
    expect(transition(open, { type: 'CLOSE_MENU' })).to.include({ menuOpen: false });
    expect(transition(ready, { type: 'CLOSE_MENU' })).to.equal(ready);
    // Menu and Logout events concern only the signed-in page.
    const out: PortalHomeState = { status: 'signed-out', loggedOut: false };
    expect(transition(out, { type: 'TOGGLE_MENU' })).to.equal(out);
    expect(transition(out, { type: 'LOGOUT' })).to.equal(out);
  });

  it('LOGOUT once; LOGGED_OUT → signed-out (logged out); navigation is ignored meanwhile', () => {
    const out = transition(ready, { type: 'LOGOUT' });
    expect(out).to.include({ loggingOut: true });
    expect(transition(out, { type: 'LOGOUT' })).to.equal(out);
    expect(transition(out, { type: 'NAVIGATE', view: 'quote' })).to.equal(out);
    expect(transition(out, { type: 'SESSION', session: delegateSession })).to.equal(out);
    expect(transition(out, { type: 'LOGGED_OUT' })).to.deep.equal({
      status: 'signed-out',
      loggedOut: true,
    });
    expect(transition(ready, { type: 'LOGGED_OUT' })).to.equal(ready);
  });

  it('LOGOUT_FAILED keeps the page with the error, and logout can be retried', () => {
    const out = transition(ready, { type: 'LOGOUT' });
    const failed = transition(out, {
      type: 'LOGOUT_FAILED',
      error: adapterError('TIMEOUT'),
    }) as Extract<PortalHomeState, { status: 'ready' }>;
    expect(failed.loggingOut).to.equal(false);
    expect(failed.error?.code).to.equal('TIMEOUT');
    expect(transition(failed, { type: 'LOGOUT' })).to.include({
      loggingOut: true,
      error: undefined,
    });
    expect(transition(ready, { type: 'LOGOUT_FAILED', error: adapterError('TIMEOUT') })).to.equal(
      ready,
    );
  });

  it('a new session replaces the old one and keeps the view; null signs out', () => {
    const info = transition(ready, { type: 'NAVIGATE', view: 'hierarchy' });
    const other = { ...delegateSession, issuedAt: 5 };
    expect(transition(info, { type: 'SESSION', session: other })).to.include({
      view: 'hierarchy',
      session: other,
    });
    expect(transition(info, { type: 'SESSION', session: null })).to.deep.equal({
      status: 'signed-out',
      loggedOut: false,
    });
  });

  it('signed-out → loading on LOAD; other events ignored', () => {
    const out = transition(initialPortalHomeState, { type: 'SESSION', session: null });
    expect(transition(out, { type: 'NAVIGATE', view: 'home' })).to.equal(out);
    expect(transition(out, { type: 'LOAD' })).to.deep.equal({ status: 'loading' });
  });
});
