/**
 * One entry per `pep-*` widget: how to render its first reachable step with a seeded
 * MemoryAdapter, which part is its primary action, and a short keyboard-only interaction.
 * Shared by the accessibility, theming and language suites, which run in Chromium, Firefox
 * and WebKit (`npm run test:engines`).
 */
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { seedDemo, DEMO_HELP_DESK, DEMO_PRODUCER } from '../../src/adapter/memory/seed.js';
import { latestLinkToken } from '../../src/adapter/memory/outbox.js';
import type { PendingLogin } from '../../src/adapter/types.js';
import type { PepElement } from '../../src/base/pep-element.js';
import { StorageDeviceStore } from '../../src/shared/device-store.js';
import '../../src/define.js';
import {
  setupDelegate,
  DELEGATE,
  SAMPLE,
  TYPIST_A,
  nextTask,
  pendingLogin as enrolledLogin,
  typeInto,
} from '../support/login.js';
import { delegateSession, testConfig } from '../support/portal.js';

/** A remembered-device store that never touches the page's localStorage. */
function memoryDeviceStore(): StorageDeviceStore {
  const m = new Map<string, string>();
  return new StorageDeviceStore({
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  });
}

export interface WidgetCase {
  tag: string;
  /** Render the first reachable step, ready for the user. */
  render(wrap?: (t: TemplateResult) => TemplateResult): Promise<PepElement>;
  /** The part of the step's main action (themed with --pep-color-primary and --pep-radius). */
  primaryPart: string;
  /** Which CSS property of `primaryPart` shows --pep-color-primary (default background-color). */
  primaryProperty?: 'background-color' | 'color';
  /** The part that shows --pep-radius (default `primaryPart`). */
  radiusPart?: string;
  /** Bring the widget to where `primaryPart` shows, when the first step does not have it. */
  showPrimary?(el: PepElement): Promise<void>;
  /** A keyboard-only interaction from outside the widget (starts with focus before it). */
  keyboard(el: PepElement): Promise<void>;
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Press Tab until `match` is focused (at most `max` presses). */
export async function tabTo(match: (el: Element) => boolean, max = 25): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a && match(a)) return a;
  }
  throw new Error(`Tab never reached the target (focus is on ${deepActive()?.outerHTML})`);
}

/**
 * Type `text` with real key presses. WebKitWebDriver drops the second of two identical
 * consecutive characters in one action ("0001" → "01"), so runs are split into separate actions.
 */
export async function typeText(text: string): Promise<void> {
  let chunk = '';
  for (const ch of text) {
    if (chunk.endsWith(ch)) {
      await sendKeys({ type: chunk });
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) await sendKeys({ type: chunk });
}

/** Wait (polling animation frames) until `ok()` holds. */
export async function until(ok: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await nextTask();
  }
}

const byName = (name: string) => (el: Element) => el.getAttribute('name') === name;
const byPart = (part: string) => (el: Element) =>
  (el.getAttribute('part') ?? '').split(/\s+/).includes(part);

/** A button before the widget, so keyboard tests start from outside it. */
const start = (t: TemplateResult) =>
  html`<div><button type="button" id="before">Before</button>${t}</div>`;

async function mount<T extends PepElement>(
  tag: string,
  t: TemplateResult,
  wrap: (t: TemplateResult) => TemplateResult = (x) => x,
): Promise<T> {
  // fixtureSync + updateComplete: fixture() would wait for an animation frame on the wrapper,
  // which a test page running in the background may never get.
  const host = fixtureSync<HTMLElement>(wrap(start(t)));
  const el = (host.localName === tag ? host : host.querySelector(tag)) as T;
  await el.updateComplete;
  host.querySelector<HTMLButtonElement>('#before')?.focus();
  return el;
}

async function producer(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  return adapter;
}

async function pendingLogin(): Promise<{ adapter: MemoryAdapter; pending: PendingLogin }> {
  const { adapter } = await setupDelegate();
  const result = await adapter.login({ username: DELEGATE.username, password: DELEGATE.password });
  if (result.status !== 'verification-required') throw new Error('expected a pending login');
  return { adapter, pending: result.pending };
}

/** Submit an empty form from the keyboard: focus goes to the first invalid field. */
async function submitEmpty(el: PepElement, firstField: string): Promise<void> {
  await tabTo(byPart('submit-button'));
  await sendKeys({ press: 'Enter' });
  await until(() => deepActive()?.getAttribute('name') === firstField, `focus on ${firstField}`);
  const field = deepActive()!;
  expect(field.getAttribute('aria-invalid')).to.equal('true');
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const error = described
    .map((id) => el.shadowRoot!.getElementById(id))
    .find((n) => n?.textContent?.trim() && n.getAttribute('part')?.includes('error'));
  expect(error, 'the field error is linked with aria-describedby').to.exist;
}

export const CASES: WidgetCase[] = [
  {
    tag: 'pep-login',
    primaryPart: 'submit-button',
    async render(wrap) {
      const { adapter } = await setupDelegate();
      return mount(
        'pep-login',
        html`<pep-login .adapter=${adapter} .deviceStore=${memoryDeviceStore()}></pep-login>`,
        wrap,
      );
    },
    async keyboard(el) {
      await tabTo(byName('username'));
      await typeText(DELEGATE.username);
      await tabTo(byName('password'));
      await typeText(DELEGATE.password);
      const changed = oneEvent(el, 'pep-step-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.step).to.be.oneOf(['enroll', 'verify']);
    },
  },
  {
    tag: 'pep-verify-account',
    primaryPart: 'submit-button',
    async render(wrap) {
      const { adapter } = await setupDelegate();
      const pending = await enrolledLogin(adapter);
      return mount(
        'pep-verify-account',
        html`<pep-verify-account
          .adapter=${adapter}
          .pending=${pending}
          .deviceStore=${memoryDeviceStore()}
        ></pep-verify-account>`,
        wrap,
      );
    },
    async keyboard(el) {
      await tabTo((a) => a.localName === 'input' && a.getAttribute('type') === 'radio');
      await sendKeys({ press: ' ' });
      await tabTo(byPart('submit-button'));
      const changed = oneEvent(el, 'pep-step-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.step).to.equal('code');
    },
  },
  {
    tag: 'pep-typing-pattern',
    primaryPart: 'submit-button',
    async showPrimary(el) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
        typeInto(input, SAMPLE, TYPIST_A, attempt);
        await el.updateComplete;
      }
      await until(() => !!el.shadowRoot!.querySelector('[part~="submit-button"]'), 'Continue');
    },
    async render(wrap) {
      const { adapter, pending } = await pendingLogin();
      return mount(
        'pep-typing-pattern',
        html`<pep-typing-pattern
          mode="enroll"
          .adapter=${adapter}
          .pending=${pending}
          .deviceStore=${memoryDeviceStore()}
        ></pep-typing-pattern>`,
        wrap,
      );
    },
    async keyboard(el) {
      const input = await tabTo(byPart('input'));
      await typeText('Go');
      expect((input as HTMLInputElement).value).to.equal('Go');
      expect(el.shadowRoot!.contains(input)).to.be.true;
    },
  },
  {
    tag: 'pep-add-delegate',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      return mount(
        'pep-add-delegate',
        html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
        wrap,
      );
    },
    keyboard: (el) => submitEmpty(el, 'username'),
  },
  {
    tag: 'pep-my-delegates',
    primaryPart: 'add-button',
    async render(wrap) {
      const adapter = await producer();
      const el = await mount(
        'pep-my-delegates',
        html`<pep-my-delegates .adapter=${adapter}></pep-my-delegates>`,
        wrap,
      );
      await until(
        () =>
          !!el.shadowRoot!.querySelector('[part~="add-button"]') &&
          (el as unknown as { state: { list: string } }).state.list !== 'loading',
        'the loaded list',
      );
      return el;
    },
    async keyboard(el) {
      await tabTo(byPart('add-button'));
      await sendKeys({ press: 'Enter' });
      await until(() => {
        const nested = el.shadowRoot!.querySelector('pep-add-delegate');
        return !!nested && nested.shadowRoot!.contains(deepActive());
      }, 'focus inside the Add Delegate dialog');
    },
  },
  {
    tag: 'pep-verify-email',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      await adapter.addDelegate({
        username: 'janedoe01',
        email: 'jane.doe@example.com',
        firstName: 'Jane',
        lastName: 'Doe',
        mobile: '(312) 555-0101',
        states: ['IL'],
      });
      const token = latestLinkToken(adapter, 'jane.doe@example.com');
      await adapter.logout();
      const el = await mount(
        'pep-verify-email',
        html`<pep-verify-email .adapter=${adapter} token=${token}></pep-verify-email>`,
        wrap,
      );
      await until(() => !!el.shadowRoot!.querySelector('[part~="submit-button"]'), 'confirmation');
      return el;
    },
    async keyboard(el) {
      await tabTo(byPart('submit-button'));
      const chosen = oneEvent(el, 'pep-create-password');
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.username).to.equal('janedoe01');
    },
  },
  {
    tag: 'pep-create-password',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      return mount(
        'pep-create-password',
        html`<pep-create-password .adapter=${adapter}></pep-create-password>`,
        wrap,
      );
    },
    keyboard: (el) => submitEmpty(el, 'username'),
  },
  {
    tag: 'pep-forgot-username',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      return mount(
        'pep-forgot-username',
        html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
        wrap,
      );
    },
    async keyboard(el) {
      await tabTo((a) => a.localName === 'input');
      await typeText('dana.lee@example.com');
      const changed = oneEvent(el, 'pep-step-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.step).to.equal('sent');
    },
  },
  {
    tag: 'pep-forgot-password',
    primaryPart: 'submit-button',
    async render(wrap) {
      const { adapter } = await setupDelegate();
      return mount(
        'pep-forgot-password',
        html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
        wrap,
      );
    },
    async keyboard(el) {
      await tabTo(byName('username'));
      await typeText(DELEGATE.username);
      const changed = oneEvent(el, 'pep-step-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.step).to.equal('choose');
    },
  },
  {
    tag: 'pep-report-issue',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      const session = await adapter.getSession();
      return mount(
        'pep-report-issue',
        html`<pep-report-issue .adapter=${adapter} .session=${session}></pep-report-issue>`,
        wrap,
      );
    },
    keyboard: (el) => submitEmpty(el, 'description'),
  },
  {
    tag: 'pep-portal-home',
    primaryPart: 'portal-name',
    primaryProperty: 'color',
    radiusPart: 'menu-button',
    async render(wrap) {
      const adapter = await producer();
      return mount(
        'pep-portal-home',
        html`<pep-portal-home
          .adapter=${adapter}
          .session=${delegateSession}
          .portalConfig=${testConfig}
        ></pep-portal-home>`,
        wrap,
      );
    },
    async keyboard(el) {
      const button = await tabTo(byPart('menu-button'));
      await sendKeys({ press: 'Enter' });
      await until(() => button.getAttribute('aria-expanded') === 'true', 'the menu to open');
      expect(el.shadowRoot!.contains(deepActive())).to.be.true;
    },
  },
  {
    tag: 'pep-passkeys',
    primaryPart: 'add-button',
    async render(wrap) {
      webAuthnShape();
      const adapter = await producer();
      const el = await mount(
        'pep-passkeys',
        html`<pep-passkeys .adapter=${adapter}></pep-passkeys>`,
        wrap,
      );
      await until(() => !!el.shadowRoot!.querySelector('[part~="empty"]'), 'the loaded list');
      return el;
    },
    async keyboard(el) {
      const add = await tabTo(byPart('add-button'));
      expect(el.shadowRoot!.contains(add)).to.be.true;
      expect(add.getAttribute('aria-disabled')).to.equal('false');
    },
  },
  {
    tag: 'pep-passkey-offer',
    primaryPart: 'submit-button',
    async render(wrap) {
      webAuthnShape();
      const adapter = await producer();
      const storage = new Map<string, string>();
      return mount(
        'pep-passkey-offer',
        html`<pep-passkey-offer
          .adapter=${adapter}
          .storage=${{
            getItem: (k: string) => storage.get(k) ?? null,
            setItem: (k: string, v: string) => void storage.set(k, v),
          }}
        ></pep-passkey-offer>`,
        wrap,
      );
    },
    async keyboard(el) {
      await tabTo(byPart('secondary-button'));
      const done = oneEvent(el, 'pep-passkey-offer-done');
      await sendKeys({ press: 'Enter' });
      expect((await done).detail.outcome).to.equal('dismissed');
    },
  },
  {
    tag: 'pep-delegate-admin',
    primaryPart: 'submit-button',
    async render(wrap) {
      const adapter = await producer();
      await adapter.admin.signIn(DEMO_HELP_DESK.username);
      const el = await mount(
        'pep-delegate-admin',
        html`<pep-delegate-admin .adapter=${adapter}></pep-delegate-admin>`,
        wrap,
      );
      await until(() => !!el.shadowRoot!.querySelector('[part~="submit-button"]'), 'the search');
      return el;
    },
    keyboard: (el) => submitEmpty(el, 'query'),
  },
  {
    tag: 'pep-activity-log',
    primaryPart: 'more-button',
    primaryProperty: 'color',
    async render(wrap) {
      // Dana created her password (a code sent, verified, password created): three entries.
      const { adapter } = await setupDelegate();
      await adapter.admin.signIn(DELEGATE.username);
      const el = await mount(
        'pep-activity-log',
        html`<pep-activity-log page-size="1" .adapter=${adapter}></pep-activity-log>`,
        wrap,
      );
      await until(() => !!el.shadowRoot!.querySelector('[part~="more-button"]'), 'a first page');
      return el;
    },
    async keyboard(el) {
      await tabTo(byPart('more-button'));
      await sendKeys({ press: 'Enter' });
      await until(
        () => el.shadowRoot!.querySelectorAll('[part=entry]')[1] === deepActive(),
        'focus on the next page',
      );
    },
  },
];

/**
 * The passkey elements show nothing without WebAuthn. An engine whose test build lacks it gets
 * its shape (never called: these suites start no ceremony), so that their UI is checked too.
 */
function webAuthnShape(): void {
  if (typeof globalThis.PublicKeyCredential !== 'function')
    Object.defineProperty(globalThis, 'PublicKeyCredential', {
      value: class PublicKeyCredential {},
      configurable: true,
    });
  const c = navigator.credentials as Partial<CredentialsContainer> | undefined;
  if (typeof c?.create !== 'function' || typeof c.get !== 'function')
    Object.defineProperty(navigator, 'credentials', {
      value: { create: () => new Promise(() => {}), get: () => new Promise(() => {}) },
      configurable: true,
    });
}
