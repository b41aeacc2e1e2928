/**
 * Removing a widget leaks nothing: once it is out of the document, no interval of its keeps
 * running, no long timer of its stays armed (a code-expiry timer, a resend countdown), and every
 * listener it put on `document` or `window` is gone. Checked at the steps that arm them: the
 * code steps of Forgot Password, Create Password and Verify Your Account, the "sent" step of
 * Forgot Username (resend countdown), and the landing page (document click listener).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { createChaosAdapter } from '../../src/adapter/chaos.js';
import { latestCode } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/portal-home/pep-portal-home.js';
import { $, $maybe, recordUncaught, typeInto, until } from '../support/element-helpers.js';
import { delegateInput, makeAdapter, PASSWORD } from '../support/hardening.js';

/** Timers and global listeners created (and not yet cleared or fired) while recording. */
function recordResources() {
  const intervals = new Set<number>();
  const timeouts = new Map<number, number>(); // id → delay, only those of a second or more
  const listeners = new Map<string, number>(); // "target:type" → balance
  const orig = {
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    docAdd: document.addEventListener,
    docRemove: document.removeEventListener,
    winAdd: window.addEventListener,
    winRemove: window.removeEventListener,
  };
  const w = window as unknown as Record<string, unknown>;
  const si = orig.setInterval as unknown as (fn: TimerHandler, ms?: number) => number;
  const st = orig.setTimeout as unknown as (fn: TimerHandler, ms?: number) => number;
  w['setInterval'] = (fn: TimerHandler, ms?: number) => {
    const id = si.call(window, fn, ms);
    intervals.add(id);
    return id;
  };
  w['clearInterval'] = (id?: number) => {
    if (id !== undefined) intervals.delete(id);
    orig.clearInterval.call(window, id);
  };
  w['setTimeout'] = (fn: TimerHandler, ms?: number) => {
    const id: number = st.call(
      window,
      () => {
        timeouts.delete(id);
        if (typeof fn === 'function') (fn as () => void)();
      },
      ms,
    );
    if ((ms ?? 0) >= 1000) timeouts.set(id, ms ?? 0);
    return id;
  };
  w['clearTimeout'] = (id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    orig.clearTimeout.call(window, id);
  };
  const track = (target: 'document' | 'window', add: boolean) =>
    function (this: EventTarget, type: string, ...rest: unknown[]) {
      const key = `${target}:${type}`;
      listeners.set(key, (listeners.get(key) ?? 0) + (add ? 1 : -1));
      const fn =
        target === 'document'
          ? add
            ? orig.docAdd
            : orig.docRemove
          : add
            ? orig.winAdd
            : orig.winRemove;
      return (fn as (...x: unknown[]) => void).call(this, type, ...rest);
    };
  document.addEventListener = track('document', true) as typeof document.addEventListener;
  document.removeEventListener = track('document', false) as typeof document.removeEventListener;
  window.addEventListener = track('window', true) as typeof window.addEventListener;
  window.removeEventListener = track('window', false) as typeof window.removeEventListener;
  return {
    /** What is still live: intervals, long timeouts, unbalanced global listeners. */
    live(): string[] {
      return [
        ...[...intervals].map((id) => `interval ${id}`),
        ...[...timeouts].map(([id, ms]) => `timeout ${id} (${ms} ms)`),
        ...[...listeners].filter(([, n]) => n > 0).map(([k, n]) => `${n}× listener ${k}`),
      ];
    },
    armed(): number {
      return intervals.size + timeouts.size;
    },
    stop(): void {
      Object.assign(window, {
        setInterval: orig.setInterval,
        clearInterval: orig.clearInterval,
        setTimeout: orig.setTimeout,
        clearTimeout: orig.clearTimeout,
      });
      document.addEventListener = orig.docAdd;
      document.removeEventListener = orig.docRemove;
      window.addEventListener = orig.winAdd;
      window.removeEventListener = orig.winRemove;
    },
  };
}

async function enrolledDelegate() {
  const { adapter: memory } = makeAdapter();
  await seedDemo(memory);
  const input = delegateInput();
  await memory.admin.createDelegate({
    ...input,
    producer: DEMO_PRODUCER.username,
    password: PASSWORD,
    typingSamples: typingSamplesFor(memory.sampleText).enroll,
  });
  return { memory, input };
}

type Setup = () => Promise<{ el: LitElement; armed: () => boolean }>;

const CASES: Record<string, Setup> = {
  'pep-forgot-password (code step)': async () => {
    const { memory, input } = await enrolledDelegate();
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<LitElement>(
      html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
    );
    typeInto($<HTMLInputElement>(el, '#username'), input.username);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $maybe(el, 'input[type=radio][value=sms]') !== null, 'choose');
    $<HTMLInputElement>(el, 'input[type=radio][value=sms]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $maybe(el, '#code') !== null, 'code step');
    return { el, armed: () => true };
  },
  'pep-create-password (code step)': async () => {
    const { memory, input } = await enrolledDelegate();
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<LitElement>(
      html`<pep-create-password .adapter=${adapter}></pep-create-password>`,
    );
    typeInto($<HTMLInputElement>(el, '#username'), input.username);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $maybe(el, 'input[type=radio][value=email]') !== null, 'choose');
    $<HTMLInputElement>(el, 'input[type=radio][value=email]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $maybe(el, '#code') !== null, 'code step');
    return { el, armed: () => true };
  },
  'pep-forgot-username (sent, countdown running)': async () => {
    const { memory, input } = await enrolledDelegate();
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<LitElement>(
      html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
    );
    typeInto($<HTMLInputElement>(el, '#email'), input.email);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => $maybe(el, '#email') === null, 'sent step');
    return { el, armed: () => true };
  },
  'pep-login → pep-verify-account (code step)': async () => {
    const { memory, input } = await enrolledDelegate();
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<LitElement>(html`<pep-login .adapter=${adapter}></pep-login>`);
    typeInto($<HTMLInputElement>(el, '[name="username"]'), input.username);
    typeInto($<HTMLInputElement>(el, '[name="password"]'), PASSWORD);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    const v = () => el.shadowRoot!.querySelector<LitElement>('pep-verify-account');
    await until(() => v() !== null, 'verify step');
    await v()!.updateComplete;
    $<HTMLInputElement>(v()!, 'input[type=radio][value=sms]').click();
    await v()!.updateComplete;
    $<HTMLButtonElement>(v()!, '[part~=submit-button]').click();
    await until(() => $maybe(v()!, '#code') !== null, 'code step');
    expect(latestCode(memory, 'sms')).to.match(/^[2-9A-HJKMNP-Z]{8}$/);
    return { el, armed: () => false };
  },
  'pep-portal-home (signed in)': async () => {
    const { memory, input } = await enrolledDelegate();
    await memory.admin.signIn(input.username);
    const adapter = createChaosAdapter(memory, { seed: 1, failureRate: 0 });
    const el = await fixture<LitElement>(
      html`<pep-portal-home .adapter=${adapter}></pep-portal-home>`,
    );
    await until(() => $maybe(el, '[data-action=logout]') !== null, 'landing page');
    return { el, armed: () => false };
  },
};

describe('hardening / removing a widget leaks nothing', () => {
  it('the recorder sees a leaked interval, a long timeout and a global listener', () => {
    const resources = recordResources();
    const onClick = () => undefined;
    let interval = 0;
    let timeout = 0;
    try {
      interval = window.setInterval(() => undefined, 1000);
      timeout = window.setTimeout(() => undefined, 60_000);
      window.setTimeout(() => undefined, 10); // short ones are not counted
      document.addEventListener('click', onClick);
      expect(resources.live()).to.deep.equal([
        `interval ${interval}`,
        `timeout ${timeout} (60000 ms)`,
        '1× listener document:click',
      ]);
      window.clearInterval(interval);
      window.clearTimeout(timeout);
      document.removeEventListener('click', onClick);
      expect(resources.live()).to.deep.equal([]);
    } finally {
      resources.stop();
    }
  });

  for (const [name, setup] of Object.entries(CASES)) {
    it(name, async () => {
      const uncaught = recordUncaught();
      const resources = recordResources();
      try {
        const { el, armed } = await setup();
        // The step really armed what it should (so the check below is not vacuous).
        if (armed()) expect(resources.armed(), 'timers armed by the step').to.be.above(0);
        el.remove();
        await new Promise((r) => setTimeout(r, 20));
        expect(resources.live(), 'still live after removal').to.deep.equal([]);
      } finally {
        resources.stop();
        uncaught.stop();
      }
      expect(uncaught.errors).to.deep.equal([]);
    });
  }
});
