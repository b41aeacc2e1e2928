/**
 * The signed-in page's styles (`portal-home.page.styles.ts`) come with the page's chunk: when
 * they cannot be fetched, the landing page is the ordinary retryable failure (never an unstyled
 * page), and Try again shows it styled once the network is back. (A file of its own: a fresh
 * page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../../src/elements/portal-home/pep-portal-home.js';
import { until } from '../elements/add-delegate/fixtures.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { delegateSession, testConfig } from '../elements/portal-home/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('lost chunk of the landing page: its styles', () => {
  afterEach(() => failRequests(null));

  it('<pep-portal-home>: the page styles cannot be fetched → Try again, then a styled page', async () => {
    await failRequests('*portal-home.page.styles.ts*');
    const { adapter, calls } = fakeAdapter({
      getSession: () => Promise.resolve(delegateSession),
      logout: () => Promise.resolve(),
    });
    const el = await fixture<PepPortalHome>(
      html`<pep-portal-home .adapter=${adapter} .portalConfig=${testConfig}></pep-portal-home>`,
    );
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await expectNetworkFailure(el);
    expect($('[part="header"]')).to.equal(null);

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await until(() => !!$('[part="header"]'), 4000, 'the signed-in page');
    expect(getComputedStyle($('[part="header"]')!).display).to.equal('flex');
    expect($('[part~="retry-button"]')).to.equal(null);
    expect(calls.map((c) => c.method)).to.deep.equal(['getSession']);
  });
});
