/**
 * What `<pep-typing-pattern>` shows and does once the three attempts are recorded (the Remember
 * row, the adapter call and its outcome) and the steps after it (done, pattern unavailable,
 * login expired), with their English and styles: not part of what a host loads first. The
 * element fetches this module once its form has rendered and awaits it before anything is sent.
 */
import { html, type TemplateResult } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { PendingLogin, TypingSample } from '../../adapter/types.js';
import { addLaterStyles } from '../../base/later-styles.js';
import { defaultDeviceStore } from '../../shared/device-store.js';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { rememberDevice, rememberDeviceStyles } from '../verify-account/remember-device.js';
import type { PepTypingPattern } from './typing-pattern.component.js';
import type { TypingState } from './typing-pattern.machine.js';
import { answered } from './typing-pattern.steps.machine.js';

export { typingPatternStepsEn } from './typing-pattern.steps.messages.js';

type El = PepTypingPattern;

/** The members of the element this module uses (protected there: this module is part of it). */
interface View {
  call: El['call'];
  deviceStore: El['deviceStore'];
  emit: El['emit'];
  errorMessage: El['errorMessage'];
  flow: El['flow'];
  ignoreAbort: El['ignoreAbort'];
  mode: El['mode'];
  moveTo: El['moveTo'];
  remember: El['remember'];
  renderNote: El['renderNote'];
  t: El['t'];
  tipOpen: El['tipOpen'];
  title_: El['title_'];
}

/** "Remember this device for 30 days" (verify mode), shown with Submit. */
export function renderRemember(el: PepTypingPattern, disabled: boolean): TemplateResult {
  addLaterStyles(el, rememberDeviceStyles);
  const h = el as unknown as View;
  return rememberDevice({
    checked: h.remember,
    disabled,
    tipOpen: h.tipOpen,
    onChange: (v) => (h.remember = v),
    onTip: (open) => (h.tipOpen = open),
    label: h.t('typing.remember'),
    infoLabel: h.t('typing.remember-info'),
    tip: h.t('typing.remember-tip'),
  });
}

/** Hand the samples to the adapter (the flow is already submitting) and show the outcome. */
export async function submitSamples(
  el: PepTypingPattern,
  pending: PendingLogin,
  samples: TypingSample[],
): Promise<void> {
  const h = el as unknown as View;
  try {
    if (h.mode === 'enroll') {
      const next = await h.call((a, signal) =>
        a.enrollTypingPattern({ pendingId: pending.pendingId, samples }, { signal }),
      );
      h.moveTo(answered(h.flow, { type: 'SUCCEEDED' }));
      h.emit('pep-pattern-enrolled', { pending: next });
    } else {
      const verified = await h.call((a, signal) =>
        a.verifyTypingPattern(
          { pendingId: pending.pendingId, samples, rememberDevice: h.remember },
          { signal },
        ),
      );
      if (verified.deviceToken) {
        // Unset: the default store, which comes with this chunk rather than the first load.
        (h.deviceStore ?? defaultDeviceStore).set(
          pending.username,
          verified.deviceToken.token,
          verified.deviceToken.expiresAt,
        );
      }
      h.moveTo(answered(h.flow, { type: 'SUCCEEDED' }));
      h.emit('pep-authenticated', { session: verified.session });
    }
  } catch (err) {
    const error = err as AdapterError;
    if (h.ignoreAbort(error)) return;
    h.moveTo(answered(h.flow, { type: 'FAILED', error }));
    if (error.code === 'PATTERN_UNAVAILABLE' && h.mode !== 'enroll') {
      h.emit('pep-choose-other-method', { reason: 'unavailable' });
    }
  }
}

/** The steps after the form: done, pattern unavailable, login expired. */
export function renderOutcome(
  el: PepTypingPattern,
  f: Exclude<TypingState, { step: 'typing' | 'ready' }>,
): TemplateResult {
  const h = el as unknown as View;
  switch (f.step) {
    case 'done':
      return html`${stepHeading(h.title_())}
        <p class="success" role="status" part="status">
          ${h.t(h.mode === 'enroll' ? 'typing.enrolled' : 'typing.verified')}
        </p>
        ${errorRegion({})}`;
    case 'unavailable':
      return html`${stepHeading(h.title_())}
      ${errorRegion({ message: h.errorMessage(f.error), key: f.error })} ${h.renderNote()}`;
    case 'expired':
      return html`${stepHeading(h.title_())} ${errorRegion({ message: h.t('typing.expired') })}`;
  }
}
