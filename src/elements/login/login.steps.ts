/**
 * What `<pep-login>` shows once the adapter answered Log In — the nested steps (the typing
 * pattern enrollment, *Verify your account*), the signed-in page, the lockout and expiry
 * messages — and the password-manager hand-off: not part of what a host loads first. The element
 * fetches this module once the Log In form has rendered and awaits it with the `login` call.
 */
import { html, type TemplateResult } from 'lit';
import { adapterError, type AdapterError } from '../../adapter/errors.js';
import { defaultDeviceStore, type DeviceStore } from '../../shared/device-store.js';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import '../typing-pattern/pep-typing-pattern.js';
import '../verify-account/pep-verify-account.js';
import type { PepLogin } from './login.component.js';
import type { LoginState } from './login.machine.js';

export { offerCredential } from '../../base/credentials.js';
export { loginStepsEn } from './login.steps.messages.js';
export { afterLoginTransition } from './login.steps.machine.js';

type El = PepLogin;

/** The members of the element these views use (protected there: this module is part of it). */
interface View {
  adapter: El['adapter'];
  config: El['config'];
  deviceStore: El['deviceStore'];
  focusHeading: El['focusHeading'];
  formatTime: El['formatTime'];
  messages: El['messages'];
  send: El['send'];
  t: El['t'];
}

/**
 * The host's device store, else the default `localStorage` one: it comes with this chunk, which
 * the login call awaits before it reads the remembered device.
 */
export function deviceStoreOf(el: PepLogin): DeviceStore {
  return el.deviceStore ?? defaultDeviceStore;
}

/** The steps after Log In (the element renders `credentials` itself). */
export function renderStep(
  el: PepLogin,
  f: Exclude<LoginState, { step: 'credentials' }>,
): TemplateResult {
  const h = el as unknown as View;
  // A nested step gave up (its pending login expired): back to the password, with the reason.
  const onExpired = (e: Event) => {
    e.stopPropagation();
    h.send({ type: 'RESTART', error: adapterError('FLOW_EXPIRED') });
  };
  switch (f.step) {
    case 'enroll':
      return html`<pep-typing-pattern
        part="typing-pattern"
        mode="enroll"
        embedded
        .pending=${f.pending}
        .adapter=${h.adapter}
        .config=${h.config}
        .messages=${h.messages}
        @pep-pattern-enrolled=${(e: HTMLElementEventMap['pep-pattern-enrolled']) =>
          h.send({ type: 'PATTERN_ENROLLED', pending: e.detail.pending })}
        @pep-verification-expired=${onExpired}
      ></pep-typing-pattern>`;
    case 'verify':
      // pep-authenticated bubbles on to the host by itself; only follow it here.
      return html`<pep-verify-account
        part="verify-account"
        embedded
        .pending=${f.pending}
        .adapter=${h.adapter}
        .config=${h.config}
        .messages=${h.messages}
        .deviceStore=${h.deviceStore}
        @pep-authenticated=${(e: HTMLElementEventMap['pep-authenticated']) =>
          h.send({ type: 'VERIFIED', session: e.detail.session })}
        @pep-verification-expired=${onExpired}
      ></pep-verify-account>`;
    case 'done':
      return html`${stepHeading(h.t('login.title'))}
        <p class="success" role="status" part="status">${h.t('login.done')}</p>
        ${errorRegion({})}`;
  }
}

/** Focus the new step: the nested element's own step, else the heading. */
export async function focusStep(el: PepLogin): Promise<void> {
  const h = el as unknown as View;
  await el.updateComplete;
  const child =
    el.renderRoot.querySelector('pep-typing-pattern') ??
    el.renderRoot.querySelector('pep-verify-account');
  if (child) {
    await child.updateComplete;
    return child.focusStep();
  }
  return h.focusHeading();
}

/** The alert text of the element's own failures (lockout, expired login); else undefined. */
export function alertMessage(el: PepLogin, error: AdapterError): string | undefined {
  const h = el as unknown as View;
  if (error.code === 'ACCOUNT_LOCKED') {
    const { unlocksAt } = (error as AdapterError<'ACCOUNT_LOCKED'>).data;
    return h.t('login.locked', { time: h.formatTime(unlocksAt) });
  }
  return error.code === 'FLOW_EXPIRED' ? h.t('login.expired') : undefined;
}
