/**
 * The Spanish catalogue is complete (every key of every English catalogue, no stale keys), keeps
 * every `{placeholder}`, is actually translated, and is not downloaded by English pages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { englishCatalogue as english } from '../support/catalogues.js';
import { hasLocale, langOf, loadLocale, primaryLanguage } from '../../src/base/localize.js';
import '../../src/elements/login/pep-login.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Proper names and codes that are the same in both languages. */
const SAME_IN_SPANISH = new Set(['state.IL', 'state.MT', 'state.OK', 'state.TX']);

describe('Spanish catalogue', () => {
  // Must run first: nothing so far has asked for Spanish.
  it('is not downloaded while the page is in English', async () => {
    document.documentElement.lang = 'en';
    await fixture(html`<pep-login></pep-login>`);
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => u.includes('/src/locales/'))).to.be.false;
  });

  it('has every English key and no other', async () => {
    const es = (await loadLocale('es'))!;
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(english).sort());
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => u.includes('/src/locales/es'))).to.be.true;
  });

  it('keeps every {placeholder} of the English message', async () => {
    const es = (await loadLocale('es'))!;
    for (const [key, en] of Object.entries(english)) {
      expect(placeholders(es[key]!), key).to.deep.equal(placeholders(en));
    }
  });

  it('is translated (no message left in English)', async () => {
    const es = (await loadLocale('es'))!;
    for (const [key, en] of Object.entries(english)) {
      if (SAME_IN_SPANISH.has(key)) continue;
      expect(es[key], key).to.not.equal(en);
      expect(es[key]!.trim(), key).to.not.equal('');
    }
  });
});

describe('language resolution', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('maps region tags to their language and knows which are available', () => {
    expect(primaryLanguage('es-MX')).to.equal('es');
    expect(primaryLanguage('EN_us')).to.equal('en');
    expect(hasLocale('es-US')).to.be.true;
    expect(hasLocale('en')).to.be.true;
    expect(hasLocale('fr')).to.be.false;
  });

  it('takes the element’s own lang, then the nearest ancestor’s across shadow roots, then <html>', async () => {
    document.documentElement.lang = 'fr';
    // (Plain DOM, no fixture(): fixture() waits for an animation frame, which a background
    // test page may never get.)
    const outer = document.createElement('div');
    outer.lang = 'es-MX';
    outer.append(document.createElement('span'));
    document.body.append(outer);
    const host = outer.querySelector('span')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><b></b></p><i lang="en-GB"></i>';
    expect(langOf(root.querySelector('b')!)).to.equal('es-MX');
    expect(langOf(root.querySelector('i')!)).to.equal('en-GB');
    outer.removeAttribute('lang');
    expect(langOf(root.querySelector('b')!)).to.equal('fr');
    outer.setAttribute('lang', '');
    expect(langOf(root.querySelector('b')!), 'an empty lang is skipped').to.equal('fr');
    outer.remove();
  });
});
