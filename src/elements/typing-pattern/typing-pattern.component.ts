import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import { lazyModule } from '../../base/lazy.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { PendingLogin, Session, TypingSample } from '../../adapter/types.js';
import type { Catalogue } from '../../i18n/format.js';
import { sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import type { DeviceStore } from '../../shared/device-store.js';
import {
  ATTEMPTS,
  initialTypingState,
  transition,
  type TypingEvent,
  type TypingState,
} from './typing-pattern.machine.js';
import { TypingRecorder, isCorrectionKey } from './typing-recorder.js';
import { typingPatternFormEn } from './typing-pattern.form.messages.js';
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
 * The submission (the adapter call and its outcome), the Remember row shown with Submit and the
 * steps after it are not part of what a host loads first: a chunk of their own, fetched in the
 * background once the form has rendered, and awaited by Submit before anything is sent.
 */
let catalogue: Catalogue = typingPatternFormEn;
const steps = lazyModule(() =>
  import('./typing-pattern.steps.js').then((m) => {
    catalogue = { ...typingPatternFormEn, ...m.typingPatternStepsEn };
    return m;
  }),
);

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
 * @csspart secondary-button - Start over / Verify with email or text instead.
 * @csspart note - The note about other methods and the help desk.
 *
 * @cssprop --pep-color-highlight - Background of the sample sentence.
 * @cssprop --pep-color-primary - Buttons and progress dots.
 */
export class PepTypingPattern extends PepElement {
  // The Remember row's styles come with `typing-pattern.steps.ts`, which renders it.
  static override styles = [tokens, formStyles, sharedStyles, typingPatternStyles];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    pending: { attribute: false },
    text: {},
    deviceStore: { attribute: false },
    embedded: { type: Boolean, attribute: 'embedded' },
  };

  static {
    this.states('flow', 'typed', 'remember', 'tipOpen');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
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

  private flow: TypingState = initialTypingState;
  private typed = '';
  /** @internal Read and written by the Remember row in `typing-pattern.steps.ts`. */
  protected remember = false;
  /** @internal */
  protected tipOpen = false;

  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('#typing') ?? null;
  }

  #recorder = new TypingRecorder();

  /** The current step (also announced by `pep-step-change`). */
  get step(): TypingState['step'] {
    return this.flow.step;
  }

  /** The sentence in use. */
  get sampleText(): string {
    return this.text ?? this.pending?.sampleText ?? '';
  }

  /** Move focus to the current step's heading (used by a host that shows this element). */
  focusStep(): Promise<void> {
    return this.focusHeading();
  }

  /** Start again from attempt 1 (e.g. when a host shows the element again). */
  reset(): void {
    this.abortCalls();
    this.#recorder.reset();
    this.typed = '';
    this.flow = initialTypingState;
  }

  private send(event: TypingEvent): void {
    this.moveTo(transition(this.flow, event));
    const f = this.flow;
    // A voided attempt's notice has its words in the later chunk (see `noticeMessage`).
    if (f.step === 'typing' && f.notice && f.notice !== 'recorded') this.fetchChunk(steps);
  }

  /** Show `next` (also the outcome of a submission, from `typing-pattern.steps.ts`). */
  private moveTo(next: TypingState): void {
    const before = this.flow.step;
    this.flow = next;
    if (this.flow.step !== before) {
      // The Remember row (verify mode) and Submit need the later chunk: prefetched at first
      // render, fetched again here if that failed (a failure is left to Submit).
      if (this.flow.step === 'ready') this.fetchChunk(steps);
      this.emit('pep-step-change', { step: this.flow.step });
      if (this.flow.step === 'expired') this.emit('pep-verification-expired', {});
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
    if (this.flow.step !== 'ready' || this.flow.submitting) return;
    const pending = this.pending;
    if (!pending) {
      console.error('<pep-typing-pattern>: set the `pending` property (a PendingLogin).');
      return;
    }
    const samples = this.flow.samples;
    this.send({ type: 'SUBMIT' });
    let m = steps.get();
    if (!m) {
      // Prefetched while the sentence was typed, so normally already there; a failed fetch is a
      // failure with "Try again" that keeps the attempts, and nothing is sent. Arriving only
      // now, the chunk sends with Remember unchecked (the user never saw the row): the safe
      // default, the device is not remembered without being asked.
      try {
        m = await this.call(() => this.settle(steps.load()));
        // The Remember row came with it: shown (disabled) while this submission runs.
        this.requestUpdate();
      } catch (err) {
        const error = err as AdapterError;
        if (!this.ignoreAbort(error)) this.send({ type: 'FAILED', error });
        return;
      }
    }
    await m.submitSamples(this, pending, samples);
  }

  private chooseOther(reason: OtherMethodReason): void {
    this.abortCalls();
    this.emit('pep-choose-other-method', { reason });
  }

  // ------------------------------------------------------------------------------------------
  // Render
  // ------------------------------------------------------------------------------------------

  protected override firstUpdated(): void {
    steps.prefetch();
  }

  override render(): TemplateResult {
    return html`<div class=${this.embedded ? '' : 'card'}>${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const f = this.flow;
    switch (f.step) {
      case 'typing':
      case 'ready':
        return this.renderForm();
      default:
        // Reached only through a submission, which loaded `typing-pattern.steps.ts` first.
        return steps.get()!.renderOutcome(this, f);
    }
  }

  private title_(): string {
    return this.t(this.mode === 'enroll' ? 'typing.title.enroll' : 'typing.title.verify');
  }

  private noticeMessage(): string {
    const f = this.flow;
    if (f.step !== 'typing' || !f.notice || f.notice === 'recorded') return '';
    const params = { current: f.samples.length + 1, total: ATTEMPTS };
    const key =
      f.notice === 'ime' && this.mode === 'enroll' ? 'typing.ime-enroll' : `typing.${f.notice}`;
    // Its words come with the later chunk (prefetched at first render, so there by the time an
    // attempt was typed); until it arrives (`send` fetches it again), a short notice.
    const text = this.t(key, params);
    return text === key ? this.t('typing.again', params) : text;
  }

  private renderForm(): TemplateResult {
    const f = this.flow as Extract<TypingState, { step: 'typing' | 'ready' }>;
    const ready = f.step === 'ready';
    const submitting = ready && f.submitting;
    const done = f.samples.length;
    const error: AdapterError | undefined = f.error;
    const notice = this.noticeMessage();
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
    return html`${stepHeading(this.title_())}
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e)}>
        <p>${this.t(this.mode === 'enroll' ? 'typing.intro.enroll' : 'typing.intro.verify')}</p>
        <div>
          <p id="sample-label" class="sample-label">${this.t('typing.sample-label')}</p>
          <p id="sample" class="sample" part="sample-text" aria-labelledby="sample-label">
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
          // From the later chunk, once the attempts are recorded (the spec's order: type the
          // sentence three times, then Remember, then Submit).
          ready && this.mode === 'verify'
            ? (steps.get()?.renderRemember(this, submitting) ?? nothing)
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
