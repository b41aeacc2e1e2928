/**
 * Issue 23, item 15: the user menu sits beside the portal name, above the navigation, at the
 * width of a desktop host's main column and on a phone (never wrapped under the navigation).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../../../src/elements/portal-home/pep-portal-home.js';
import { fakeAdapter } from '../../support/fake-adapter.js';
import { delegateSession, testConfig } from '../../support/portal.js';

const cases = [
  // The demo's main column on a 1280 px desktop; a phone.
  { viewport: 1280, column: '824px', lang: 'en' },
  { viewport: 1280, column: '824px', lang: 'es' },
  { viewport: 375, column: 'auto', lang: 'en' },
  { viewport: 375, column: 'auto', lang: 'es' },
];

describe('<pep-portal-home> header layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const c of cases) {
    it(`menu beside the portal name, navigation below (${c.viewport} px, ${c.lang})`, async () => {
      await setViewport({ width: c.viewport, height: 800 });
      const { adapter } = fakeAdapter({ getSession: () => Promise.resolve(delegateSession) });
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: ${c.column}">
          <pep-portal-home
            lang=${c.lang}
            .adapter=${adapter}
            .portalConfig=${{ ...testConfig, portalName: 'Producer Experience Portal' }}
          ></pep-portal-home>
        </div>`,
      );
      const el = wrap.querySelector<PepPortalHome>('pep-portal-home')!;
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      const box = (sel: string) => el.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
      const header = box('[part="header"]');
      const name = box('[part="portal-name"]');
      const menu = box('[part="menu-button"]');
      const nav = box('[part="nav"]');
      // The menu is on the portal name's row (their boxes overlap vertically)…
      expect(menu.top).to.be.below(name.bottom);
      expect(menu.bottom).to.be.above(name.top);
      // …at the end of the header, and the navigation is below both, never above the menu.
      expect(header.right - menu.right).to.be.below(40);
      expect(nav.top).to.be.at.least(Math.max(menu.bottom, name.bottom) - 1);
      const h = el.shadowRoot!.querySelector<HTMLElement>('[part="header"]')!;
      expect(h.scrollWidth).to.be.at.most(h.clientWidth);
    });
  }
});
