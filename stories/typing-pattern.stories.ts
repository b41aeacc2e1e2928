import { html } from 'lit';
import { adapterError } from '../src/adapter/errors.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import type { Language, PendingLogin } from '../src/adapter/types.js';
import { SAMPLE_TEXTS } from '../src/core/typing/matcher.js';
import '../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepTypingPattern } from '../src/elements/typing-pattern/pep-typing-pattern.js';
import { StorageDeviceStore } from '../src/shared/device-store.js';
import {
  TYPIST_A,
  TYPIST_B,
  pendingLogin,
  setupDelegate,
  typeInto,
  verifiedDelegateLogin,
  until,
} from '../test/support/login.js';
import { failingWith } from './registration.story-helpers.js';

/** The page's language: a Spanish page enrolls, and is asked for, the Spanish sentence. */
const language = (): Language => (document.documentElement.lang === 'es' ? 'es' : 'en');
/** The sentence the delegate types, in the page's language. */
const sentence = () => SAMPLE_TEXTS[language()];
/** `text` with two letters swapped ("families" → "faimlies"): a typo. */
const withTypo = (text: string) => text.slice(0, 10) + text[11] + text[10] + text.slice(12);
const noStorage = new StorageDeviceStore(null);

interface Loaded {
  adapter: MemoryAdapter;
  pending: PendingLogin;
  mode: 'enroll' | 'verify';
}

const meta: Meta = {
  title: 'Elements/Typing Pattern',
  component: 'pep-typing-pattern',
  tags: ['autodocs'],
  loaders: [
    async (): Promise<Loaded> => {
      const { adapter } = await setupDelegate(SAMPLE_TEXTS.en);
      return { adapter, pending: await pendingLogin(adapter, false, language()), mode: 'enroll' };
    },
  ],
  render: (_args, { loaded }) =>
    html`<pep-typing-pattern
      mode=${(loaded as Loaded).mode}
      .adapter=${(loaded as Loaded).adapter}
      .pending=${(loaded as Loaded).pending}
      .deviceStore=${noStorage}
    ></pep-typing-pattern>`,
};
export default meta;
type Story = StoryObj;

const verifyLoader = async (): Promise<Loaded> => {
  const { adapter } = await setupDelegate(SAMPLE_TEXTS.en);
  return { adapter, pending: await verifiedDelegateLogin(adapter, language()), mode: 'verify' };
};

/** The story's element on an adapter whose `failures` methods reject. */
const failing = (loaded: Loaded, failures: Parameters<typeof failingWith>[1]) =>
  html`<pep-typing-pattern
    mode=${loaded.mode}
    .adapter=${failingWith(loaded.adapter, failures)}
    .pending=${loaded.pending}
    .deviceStore=${noStorage}
  ></pep-typing-pattern>`;

/** Type the sentence three times and press the submit button. */
async function typeAndSubmit(el: PepTypingPattern, rhythm = TYPIST_A): Promise<void> {
  await typeTimes(el, 3, sentence(), rhythm);
  await until(() => !!el.shadowRoot!.querySelector('[part~="submit-button"]'));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

const alertText = (el: PepTypingPattern) =>
  el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();

const tp = (canvas: HTMLElement) => canvas.querySelector<PepTypingPattern>('pep-typing-pattern')!;
const box = (el: PepTypingPattern) => el.shadowRoot!.querySelector<HTMLInputElement>('#typing')!;

async function typeTimes(el: PepTypingPattern, n: number, text = sentence(), rhythm = TYPIST_A) {
  await el.updateComplete;
  for (let i = 0; i < n; i++) {
    typeInto(box(el), text, rhythm, i);
    await el.updateComplete;
  }
}

/** First login: type the highlighted sentence 3 times. */
export const Enroll: Story = {};

/** One attempt recorded: "Attempt 2 of 3". */
export const OneAttemptRecorded: Story = {
  play: async ({ canvasElement }) => typeTimes(tp(canvasElement), 1),
};

/** A typo: the attempt is not recorded. */
export const Mismatch: Story = {
  play: async ({ canvasElement }) =>
    typeTimes(tp(canvasElement), 1, withTypo(sentence())).then(() =>
      until(() => !!alertText(tp(canvasElement))),
    ),
};

/** Backspace voids the attempt, with a friendly message. */
export const Backspace: Story = {
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeTimes(el, 1, sentence().slice(0, 11));
    box(el).dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Backspace',
        code: 'Backspace',
        bubbles: true,
        cancelable: true,
      }),
    );
  },
};

/** Paste is blocked. */
export const PasteBlocked: Story = {
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await el.updateComplete;
    box(el).dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true }));
  },
};

/** Three attempts recorded: Continue. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeTimes(el, 3);
    await until(() => !!el.shadowRoot!.querySelector('[part~="submit-button"]'));
  },
};

/** Verify mode, with the way to email or text (Remember this device comes with Submit). */
export const Verify: Story = { loaders: [verifyLoader] };

/** Verify mode, three attempts recorded: Remember this device for 30 days, then Submit. */
export const VerifyReady: Story = {
  loaders: [verifyLoader],
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeTimes(el, 3);
    await until(() => !!el.shadowRoot!.querySelector('#remember'));
  },
};

/** Verify mode: an input method editor (IME) was used. */
export const ImeComposition: Story = {
  loaders: [verifyLoader],
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await el.updateComplete;
    box(el).dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
  },
};

/** Verify mode: a different rhythm is rejected. */
export const Rejected: Story = {
  loaders: [verifyLoader],
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeTimes(el, 3, sentence(), TYPIST_B);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await until(() => !!alertText(el) && !el.shadowRoot!.querySelector('[part~="submit-button"]'));
  },
};

/** Enrollment saved (`pep-pattern-enrolled` fires). */
export const Enrolled: Story = {
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeAndSubmit(el);
    await until(() => !el.shadowRoot!.querySelector('#typing'));
  },
};

/** Saving failed (network): the three attempts are kept; Try again. */
export const SubmitNetworkError: Story = {
  render: (_args, { loaded }) => failing(loaded as Loaded, { enrollTypingPattern: 'NETWORK' }),
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeAndSubmit(el);
    await until(() => !!el.shadowRoot!.querySelector('[part~="retry-button"]'));
  },
};

/** Verify mode: the pattern option is off (3 failures): use a code instead. */
export const Unavailable: Story = {
  loaders: [verifyLoader],
  render: (_args, { loaded }) =>
    failing(loaded as Loaded, {
      verifyTypingPattern: adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' }),
    }),
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeAndSubmit(el);
    await until(() => !el.shadowRoot!.querySelector('#typing') && !!alertText(el));
  },
};

/** The pending login expired while typing: log in again. */
export const LoginExpired: Story = {
  render: (_args, { loaded }) => failing(loaded as Loaded, { enrollTypingPattern: 'FLOW_EXPIRED' }),
  play: async ({ canvasElement }) => {
    const el = tp(canvasElement);
    await typeAndSubmit(el);
    await until(() => !el.shadowRoot!.querySelector('#typing') && !!alertText(el));
  },
};
