/**
 * Issue 23, item 11: the typing sentence in the widget's language. `<pep-login>` sends its
 * language with the login (a first login enrolls on that language's sentence) and
 * `<pep-typing-pattern>` marks the sentence with the language it is in, which may not be the
 * page's (a pattern enrolled in English is verified on the English sentence in a Spanish page).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/login/pep-login.js';
import '../../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepLogin } from '../../../src/elements/login/pep-login.js';
import type { PepTypingPattern } from '../../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import type { PendingLogin } from '../../../src/adapter/types.js';
import { SPANISH_SAMPLE_TEXT } from '../../../src/core/typing/matcher.js';
import {
  DELEGATE,
  SAMPLE,
  memoryStore,
  settle,
  setupDelegate,
  until,
} from '../../support/login.js';

type WithRoot = HTMLElement & { updateComplete: Promise<boolean> };

const sentence = (el: Element) => el.shadowRoot!.querySelector('[part="sample-text"]')!;

async function login(adapter: MemoryAdapter, language?: 'en' | 'es'): Promise<PendingLogin> {
  const result = await adapter.login({
    username: DELEGATE.username,
    password: DELEGATE.password,
    ...(language ? { language } : {}),
  });
  if (result.status !== 'verification-required') throw new Error('expected verification');
  return result.pending;
}

async function mountPattern(pending: PendingLogin, lang: string): Promise<PepTypingPattern> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <pep-typing-pattern mode="enroll" .pending=${pending}></pep-typing-pattern>
    </div>`,
  );
  const el = wrapper.querySelector<PepTypingPattern>('pep-typing-pattern')!;
  await el.updateComplete;
  return el;
}

async function enrollStep(lang: string, adapter: MemoryAdapter): Promise<WithRoot> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <pep-login .adapter=${adapter} .deviceStore=${memoryStore()}></pep-login>
    </div>`,
  );
  const el = wrapper.querySelector<PepLogin>('pep-login')!;
  await el.updateComplete;
  const field = (name: string) =>
    (el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`) ??
      el.querySelector<HTMLInputElement>(`[data-pep-credentials] [name="${name}"]`))!;
  for (const [name, value] of [
    ['username', DELEGATE.username],
    ['password', DELEGATE.password],
  ] as const) {
    field(name).value = value;
    field(name).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  (
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]') ??
    el.querySelector<HTMLButtonElement>('[data-pep-credentials] [part="submit-button"]')!
  ).click();
  await settle(el);
  await until(() => el.step === 'enroll', 'the enroll step');
  const tp = (el.shadowRoot!.querySelector('pep-typing-pattern') ??
    el.querySelector('pep-typing-pattern')) as WithRoot;
  await tp.updateComplete;
  return tp;
}

describe('typing sentence language (issue 23)', () => {
  let adapter: MemoryAdapter;

  beforeEach(async () => {
    ({ adapter } = await setupDelegate());
  });

  it('<pep-typing-pattern> marks the Spanish sentence lang="es"', async () => {
    const el = await mountPattern(await login(adapter, 'es'), 'es');
    expect(sentence(el).textContent!.trim()).to.equal(SPANISH_SAMPLE_TEXT);
    expect(sentence(el).getAttribute('lang')).to.equal('es');
    await expect(el).to.be.accessible();
  });

  it('<pep-typing-pattern> marks an English sentence lang="en" in a Spanish page', async () => {
    const el = await mountPattern(await login(adapter, 'en'), 'es');
    expect(sentence(el).textContent!.trim()).to.equal(SAMPLE);
    expect(sentence(el).getAttribute('lang')).to.equal('en');
    // A sentence set by the host (`text`) has no known language: the page's applies.
    el.text = 'Hola';
    await el.updateComplete;
    expect(sentence(el).hasAttribute('lang')).to.equal(false);
  });

  it('<pep-login> in Spanish enrolls on the Spanish sentence', async () => {
    const tp = await enrollStep('es', adapter);
    expect(sentence(tp).textContent!.trim()).to.equal(SPANISH_SAMPLE_TEXT);
    expect(sentence(tp).getAttribute('lang')).to.equal('es');
  });
});
