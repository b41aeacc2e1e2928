import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { PendingLogin, Session, TypingSample } from '../../adapter/types.js';
import type { Catalogue } from '../../i18n/format.js';
import { sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { defaultDeviceStore, type DeviceStore } from '../../shared/device-store.js';
import { rememberDevice, rememberDeviceStyles } from '../../shared/remember-device.js';
import {
  ATTEMPTS,
  initialTypingState,
  transition,
  type TypingEvent,
  type TypingState,
} from './typing-pattern.machine.js';
import { TypingRecorder, isCorrectionKey } from './typing-recorder.js';
import { typingPatternEn } from './typing-pattern.messages.js';
import { typingPatternStyles } from './typing-pattern.styles.js';

export type TypingPatternMode = 'enroll' | 'verify';

/** Why the user leaves the pattern for a code. */
export type OtherMethodReason = 'user' | 'ime' | 'unavailable';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The user is signed in (verification succeeded, or a remembered device skipped it). */
    'pep-authenticated': { session: Session };
    /** The typing pattern was enrolled; `pending` is the login to verify next. */
    'pep-pattern-enrolled': { pending: PendingLogin };
    /** The user wants (or needs) to verify with an email or SMS code instead of the pattern. */
    'pep-choose-other-method': { reason: OtherMethodReason };
    /** The pending login expired: the user has to log in again. */
    'pep-verification-expired': Record<string, never>;
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-authenticated': CustomEvent<{ session: Session }>;
    'pep-pattern-enrolled': CustomEvent<{ pending: PendingLogin }>;
    'pep-choose-other-method': CustomEvent<{ reason: OtherMethodReason }>;
    'pep-verification-expired': CustomEvent<Record<string, never>>;
  }
}

/**
 * Keyboard typing pattern: the user types a highlighted sentence three times; the element
 * records each attempt's key-down / key-up times (`event.timeStamp`) and hands the three
 * samples to the adapter (`enrollTypingPattern` or `verifyTypingPattern`). The raw timings stay
 * inside the element: they are not in any event or in the DOM.
 *
 * Attempts that do not match the sentence, use Backspace / Delete, paste, or an input method
 * editor (IME) are not recorded; the user is asked to type that attempt again.
 *
 * @summary Enroll or verify a keyboard typing pattern.
 *
 * @fires pep-pattern-enrolled - `{ pending }` after a successful enrollment (`mode="enroll"`).
 * @fires pep-authenticated - `{ session }` after a successful verification (`mode="verify"`).
 * @fires pep-choose-other-method - `{ reason }` the user chose email / text instead (verify mode).
 * @fires pep-verification-expired - The pending login expired; log in again.
 * @fires pep-step-change - `{ step }` on every step change.
 *
 * @csspart form - The form.
 * @csspart step-heading - The heading of the step.
 * @csspart sample-text - The highlighted sentence to type.
 * @csspart progress - "Attempt 1 of 3".
 * @csspart input - The text box.
 * @csspart status - Polite status line ("Attempt 1 of 3 recorded.").
 * @csspart error - The `role="alert"` region.
 * @csspart remember - The "Remember this device" check box row (verify mode), shown once the three attempts are recorded.
 * @csspart tooltip-button - The info button of the remember tooltip.
 * @csspart tooltip - The remember tooltip.
 * @csspart submit-button - Continue / Submit.
 * @csspart secondary-button - Start over / Verify with email or text message instead.
 * @csspart note - The note about other methods and the help desk.
 *
 * @cssprop --pep-color-highlight - Background of the sample sentence.
 * @cssprop --pep-color-primary - Buttons and progress dots.
 */
export class PepTypingPattern extends PepElement {
  static override styles = [
    tokens,
    formStyles,
    sharedStyles,
    typingPatternStyles,
    rememberDeviceStyles,
  ];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    pending: { attribute: false },
    text: {},
    deviceStore: { attribute: false },
    embedded: { type: Boolean, attribute: 'embedded' },
  };

  static {
    this.states('state', 'typed', 'remember', 'tipOpen');
  }

  protected override get catalogue(): Catalogue {
    return typingPatternEn;
  }

  /** `enroll` on first login, `verify` to verify the account with the pattern. */
  mode: TypingPatternMode = 'verify';

  /** The pending login from `adapter.login` (needed to submit). */
  pending?: PendingLogin;

  /** The sentence to type; defaults to the pending login's `sampleText`. */
  text?: string;

  /**
   * Where a remembered-device token is kept (verify mode). Unset: the default `localStorage`
   * store (`defaultDeviceStore`, `pep-device:` keys).
   */
  deviceStore?: DeviceStore;

  /** Render without the card frame (used inside `<pep-verify-account>` / `<pep-login>`). */
  embedded = false;

  private state: TypingState = initialTypingState;
  private typed = '';
  private remember = false;
  private tipOpen = false;

  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('#typing') ?? null;
  }

  #recorder = new TypingRecorder();

  /** The current step (also announced by `pep-step-change`). */
  get step(): TypingState['step'] {
    return this.state.step;
  }

  /** The sentence in use. */
  get sampleText(): string {
    return this.text ?? this.pending?.sampleText ?? '';
  }

  /**
   * The language of the sentence in use (its `lang`, which may differ from the page's): the
   * pending login's `sampleLang`; unknown for a `text` set by the host.
   */
  get sampleLang(): string | undefined {
    return this.text === undefined ? this.pending?.sampleLang : undefined;
  }

  /** Move focus to the current step's heading (used by a host that shows this element). */
  focusStep(): Promise<void> {
    return this.focusHeading();
  }

  /**
   * Start again from attempt 1 (e.g. when a host shows the element again), at any moment: a
   * pending submission is abandoned, no error and no Remember choice stays.
   */
  reset(): void {
    this.abortCalls();
    this.#recorder.reset();
    this.typed = '';
    if (this.input) this.input.value = '';
    this.remember = false;
    this.tipOpen = false;
    this.send({ type: 'RESET' });
  }

  private send(event: TypingEvent): void {
    const before = this.state.step;
    this.state = transition(this.state, event);
    if (this.state.step !== before) {
      this.emit('pep-step-change', { step: this.state.step });
      if (this.state.step === 'expired') this.emit('pep-verification-expired', {});
      void this.focusHeading();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Recording
  // ------------------------------------------------------------------------------------------

  private voidAttempt(reason: 'backspace' | 'paste' | 'ime'): void {
    this.#recorder.reset();
    this.typed = '';
    if (this.input) this.input.value = '';
    this.send({ type: 'VOID', reason });
  }

  private completeAttempt(): void {
    const sample: TypingSample = { text: this.typed, events: this.#recorder.events };
    this.#recorder.reset();
    this.typed = '';
    if (this.input) this.input.value = '';
    this.send({ type: 'ATTEMPT', sample, text: this.sampleText });
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.isComposing || e.key === 'Process') {
      e.preventDefault();
      this.voidAttempt('ime');
      return;
    }
    if (isCorrectionKey(e.key)) {
      e.preventDefault();
      // Nothing typed yet: nothing to correct, nothing to void.
      if (this.typed.length > 0 || this.#recorder.keyCount > 0) this.voidAttempt('backspace');
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      if (this.typed.length > 0) this.completeAttempt();
      return;
    }
    this.#recorder.down(e);
  }

  private onKeyup(e: KeyboardEvent): void {
    this.#recorder.up(e);
    this.maybeComplete();
  }

  /** An attempt ends by itself once all keys are released and the whole length is typed. */
  private maybeComplete(): void {
    if (
      this.#recorder.allReleased &&
      this.#recorder.keyCount > 0 &&
      this.typed.length >= this.sampleText.length
    ) {
      this.completeAttempt();
    }
  }

  private onBeforeInput(e: InputEvent): void {
    const type = e.inputType;
    if (type === 'insertFromPaste' || type === 'insertFromDrop' || type === 'insertFromYank') {
      e.preventDefault();
      this.voidAttempt('paste');
    } else if (type.startsWith('delete') || type.startsWith('history')) {
      e.preventDefault();
      this.voidAttempt('backspace');
    } else if (type === 'insertCompositionText') {
      e.preventDefault();
      this.voidAttempt('ime');
    }
  }

  private onPaste(e: ClipboardEvent): void {
    e.preventDefault();
    this.voidAttempt('paste');
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.voidAttempt('paste');
  }

  private onCompositionStart(): void {
    this.voidAttempt('ime');
  }

  private onInput(e: Event): void {
    this.typed = (e.target as HTMLInputElement).value;
  }

  // ------------------------------------------------------------------------------------------
  // Submit
  // ------------------------------------------------------------------------------------------

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.state.step !== 'ready' || this.state.submitting) return;
    const pending = this.pending;
    if (!pending) {
      console.error('<pep-typing-pattern>: set the `pending` property (a PendingLogin).');
      return;
    }
    const samples = this.state.samples;
    this.send({ type: 'SUBMIT' });
    try {
      if (this.mode === 'enroll') {
        const next = await this.call((a, signal) =>
          a.enrollTypingPattern({ pendingId: pending.pendingId, samples }, { signal }),
        );
        this.send({ type: 'SUCCEEDED' });
        this.emit('pep-pattern-enrolled', { pending: next });
      } else {
        const rememberDevice = this.remember;
        const verified = await this.call((a, signal) =>
          a.verifyTypingPattern(
            { pendingId: pending.pendingId, samples, rememberDevice },
            { signal },
          ),
        );
        if (verified.deviceToken) {
          (this.deviceStore ?? defaultDeviceStore).set(
            pending.username,
            verified.deviceToken.token,
            verified.deviceToken.expiresAt,
          );
        }
        this.send({ type: 'SUCCEEDED' });
        this.emit('pep-authenticated', { session: verified.session });
      }
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'FAILED', error });
      if (error.code === 'PATTERN_UNAVAILABLE' && this.mode !== 'enroll') {
        this.emit('pep-choose-other-method', { reason: 'unavailable' });
      }
    }
  }

  private chooseOther(reason: OtherMethodReason): void {
    this.abortCalls();
    this.emit('pep-choose-other-method', { reason });
  }

  // ------------------------------------------------------------------------------------------
  // Render
  // ------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class=${this.embedded ? '' : 'card'}>${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const f = this.state;
    switch (f.step) {
      case 'typing':
      case 'ready':
        return this.renderForm(f);
      case 'done':
        return html`${stepHeading(this.stepTitle())}
          <p class="success" role="status" part="status">
            ${this.t(this.mode === 'enroll' ? 'typing.enrolled' : 'typing.verified')}
          </p>
          ${errorRegion({})}`;
      case 'unavailable':
        return html`${stepHeading(this.stepTitle())}
        ${errorRegion({ message: this.errorMessage(f.error), key: f.error })} ${this.renderNote()}`;
      case 'expired':
        return html`${stepHeading(this.stepTitle())}
        ${errorRegion({ message: this.t('typing.expired') })}`;
    }
  }

  private stepTitle(): string {
    return this.t(this.mode === 'enroll' ? 'typing.title.enroll' : 'typing.title.verify');
  }

  /** Why the last attempt was not recorded, or ''. */
  private noticeMessage(f: Extract<TypingState, { step: 'typing' | 'ready' }>): string {
    if (f.step !== 'typing' || !f.notice || f.notice === 'recorded') return '';
    const params = { current: f.samples.length + 1, total: ATTEMPTS };
    return this.t(
      f.notice === 'ime' && this.mode === 'enroll' ? 'typing.ime-enroll' : `typing.${f.notice}`,
      params,
    );
  }

  private renderForm(f: Extract<TypingState, { step: 'typing' | 'ready' }>): TemplateResult {
    const ready = f.step === 'ready';
    const submitting = ready && f.submitting;
    const done = f.samples.length;
    const error: AdapterError | undefined = f.error;
    const notice = this.noticeMessage(f);
    const alert = error ? this.errorMessage(error) : notice;
    const status =
      f.step === 'typing' && f.notice === 'recorded'
        ? this.t('typing.recorded', { done, total: ATTEMPTS })
        : ready
          ? this.t('typing.ready')
          : '';
    const progress = ready
      ? this.t('typing.progress-done', { total: ATTEMPTS })
      : this.t('typing.progress', { current: done + 1, total: ATTEMPTS });
    return html`${stepHeading(this.stepTitle())}
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e)}>
        <p>${this.t(this.mode === 'enroll' ? 'typing.intro.enroll' : 'typing.intro.verify')}</p>
        <div>
          <p id="sample-label" class="sample-label">${this.t('typing.sample-label')}</p>
          <p
            id="sample"
            class="sample"
            part="sample-text"
            aria-labelledby="sample-label"
            lang=${this.sampleLang ?? nothing}
          >
            <mark>${this.sampleText}</mark>
          </p>
        </div>
        <p id="progress" class="progress" part="progress">
          ${progress}<span class="dots" aria-hidden="true"
            >${Array.from(
              { length: ATTEMPTS },
              (_, i) => html`<span class="dot" ?data-done=${i < done}></span>`,
            )}</span
          >
        </p>
        ${ready
          ? nothing
          : html`<div class="field" part="field">
              <label for="typing" part="label">${this.t('typing.input-label')}</label>
              <p id="typing-hint" class="hint" part="hint">${this.t('typing.input-hint')}</p>
              <input
                id="typing"
                name="typing"
                part="input"
                type="text"
                autocomplete="off"
                autocapitalize="off"
                autocorrect="off"
                spellcheck="false"
                aria-describedby="sample progress typing-hint"
                aria-invalid=${notice && f.notice === 'mismatch' ? 'true' : 'false'}
                .value=${
                  // No \`live()\`: \`typed\` follows every input event, and the code that empties
                  // the field (a voided or finished attempt) empties the DOM value itself.
                  this.typed
                }
                @keydown=${this.onKeydown}
                @keyup=${this.onKeyup}
                @beforeinput=${this.onBeforeInput}
                @input=${this.onInput}
                @paste=${this.onPaste}
                @drop=${this.onDrop}
                @compositionstart=${this.onCompositionStart}
              />
            </div>`}
        <p class="status" role="status" part="status">${status}</p>
        ${errorRegion({
          message: alert,
          key: error ?? f,
          retry:
            ready && isRetryable(error)
              ? { label: this.t('common.retry'), onRetry: () => void this.submit() }
              : null,
        })}
        ${
          // Once the attempts are recorded (the spec's order: type the sentence three times,
          // then Remember, then Submit).
          ready && this.mode === 'verify'
            ? rememberDevice({
                checked: this.remember,
                disabled: submitting,
                tipOpen: this.tipOpen,
                onChange: (v) => (this.remember = v),
                onTip: (open) => (this.tipOpen = open),
                label: this.t('typing.remember'),
                infoLabel: this.t('typing.remember-info'),
                tip: this.t('typing.remember-tip'),
              })
            : nothing
        }
        <div class="actions">
          ${ready
            ? html`<button
                type="submit"
                class="primary"
                part="submit-button"
                ?disabled=${submitting}
                aria-disabled=${submitting ? 'true' : 'false'}
              >
                ${submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
                ${this.t(this.mode === 'enroll' ? 'typing.submit.enroll' : 'typing.submit.verify')}
              </button>`
            : nothing}
          ${done > 0 || ready
            ? html`<button
                type="button"
                class="secondary"
                part="secondary-button"
                ?disabled=${submitting}
                @click=${() => {
                  this.#recorder.reset();
                  this.typed = '';
                  this.send({ type: 'START_OVER' });
                }}
              >
                ${this.t('typing.start-over')}
              </button>`
            : nothing}
          ${this.mode === 'verify'
            ? html`<button
                type="button"
                class="link"
                part="link"
                @click=${() =>
                  this.chooseOther(f.step === 'typing' && f.notice === 'ime' ? 'ime' : 'user')}
              >
                ${this.t('typing.other-method')}
              </button>`
            : nothing}
        </div>
      </form>
      ${this.renderNote()}`;
  }

  private renderNote(): TemplateResult {
    return html`<p class="note" part="note">
      ${this.t(this.mode === 'enroll' ? 'typing.note.enroll' : 'typing.note.verify')}
    </p>`;
  }
}
