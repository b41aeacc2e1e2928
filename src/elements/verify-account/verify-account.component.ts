import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { lazyModule } from '../../base/lazy.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type {
  PendingLogin,
  Session,
  VerificationMethod,
  VerificationOption,
} from '../../adapter/types.js';
import { sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import type { DeviceStore } from '../../shared/device-store.js';
import type {} from '../typing-pattern/pep-typing-pattern.js';
import type { OtherMethodReason } from '../typing-pattern/typing-pattern.component.js';
import {
  frontTransition,
  initialVerifyState,
  type VerifyEvent,
  type VerifyState,
} from './verify-account.machine.js';
import { verifyAccountChooseEn } from './verify-account.choose.messages.js';
import { verifyAccountStyles } from './verify-account.styles.js';

/**
 * The code step (with Remember this device) is not part of what a host loads first: a chunk of
 * its own, fetched in the background once the first step has rendered, and awaited (within
 * the Send Code call) before the code is sent.
 */
let catalogue: Catalogue = { ...verifyAccountChooseEn, ...accountEn };
const steps = lazyModule(() =>
  import('./verify-account.steps.js').then((m) => {
    catalogue = { ...catalogue, ...m.verifyAccountStepsEn };
    return m;
  }),
);

/**
 * *Verify your account*: after a correct password, the user chooses one of three ways — a code
 * in an email, a code in an SMS text, or the personalized keyboard typing pattern — then enters
 * the code (with **resend it** and **Remember this device for 30 days**) or types the pattern.
 * Works on its own (set `pending` to the `PendingLogin` from `adapter.login`) or inside
 * `<pep-login>`. On success the remembered-device token (if any) goes to `deviceStore`.
 *
 * @summary Verify the account by email code, SMS code or keyboard typing pattern.
 *
 * @fires pep-authenticated - `{ session }` when verified (also bubbles up from the pattern step).
 * @fires pep-verification-expired - The pending login expired; log in again.
 * @fires pep-step-change - `{ step }` on every step change (`choose`, `code`, `pattern`, `done`, `expired`).
 *
 * @csspart form - The form of a step.
 * @csspart step-heading - The heading of the step.
 * @csspart options - The fieldset of the three methods.
 * @csspart option - One method (label with its radio button).
 * @csspart field, label, input, hint, field-error - The code field.
 * @csspart remember - The "Remember this device for 30 days" row.
 * @csspart tooltip-button - The info button explaining "Remember this device".
 * @csspart tooltip - Its tooltip.
 * @csspart submit-button - Send Code / Next / Submit.
 * @csspart link - "resend it" and "Choose another way to verify".
 * @csspart status - Polite status line ("A new code was sent").
 * @csspart error - The `role="alert"` region.
 * @csspart typing-pattern - The nested `<pep-typing-pattern>` of the pattern step.
 *
 * @cssprop --pep-color-primary - Buttons, links, radio buttons.
 */
export class PepVerifyAccount extends PepElement {
  // The Remember row's styles come with `verify-account.steps.ts` (the code step renders it).
  static override styles = [tokens, formStyles, sharedStyles, verifyAccountStyles];

  static override properties: PropertyDeclarations = {
    pending: { attribute: false },
    deviceStore: { attribute: false },
    embedded: { type: Boolean },
  };

  static {
    this.states('flow', 'code', 'remember', 'tipOpen');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The pending login from `adapter.login` (status `verification-required`). */
  pending?: PendingLogin;

  /**
   * Where the remembered-device token is kept. Unset: the default `localStorage` store
   * (`defaultDeviceStore`, `pep-device:` keys).
   */
  deviceStore?: DeviceStore;

  /** Render without the card frame (inside `<pep-login>`). */
  embedded = false;

  private flow: VerifyState = { step: 'choose', options: [], sending: false };

  /** The current step (also announced by `pep-step-change`). */
  get step(): VerifyState['step'] {
    return this.flow.step;
  }

  /** @internal The code typed (read and written by the code step in `verify-account.steps.ts`). */
  protected code = '';
  /** @internal */
  protected remember = false;
  /** @internal */
  protected tipOpen = false;

  private form = new FormState<'code'>(this, ['code']);

  /** Move focus to the current step's heading (used by a host that shows this element). */
  async focusStep(): Promise<void> {
    await this.updateComplete;
    if (this.flow.step === 'pattern') {
      const child = this.renderRoot.querySelector('pep-typing-pattern');
      if (child) return child.focusStep();
    }
    return this.focusHeading();
  }

  protected override firstUpdated(): void {
    steps.prefetch();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pending') && this.pending) {
      this.abortCalls();
      this.flow = initialVerifyState(this.pending);
      this.code = '';
      if (this.form.submitted) this.form.reset();
    }
  }

  private send(event: VerifyEvent): void {
    const before = this.flow.step;
    const f = this.flow;
    // The code step is reached once the steps chunk is there (its part of the machine with it).
    this.flow =
      f.step === 'code' ? steps.get()!.codeTransition(f, event) : frontTransition(f, event);
    if (this.flow.step !== before) {
      this.emit('pep-step-change', { step: this.flow.step });
      if (this.flow.step === 'expired') this.emit('pep-verification-expired', {});
      void this.focusStep();
    }
  }

  /** Map an adapter failure: an expired pending login ends the flow, our own aborts are ignored. */
  private fail(error: AdapterError, event: (e: AdapterError) => VerifyEvent): void {
    if (this.ignoreAbort(error)) return;
    if (error.code === 'FLOW_EXPIRED') this.send({ type: 'EXPIRED' });
    else this.send(event(error));
  }

  private async continue(e?: Event): Promise<void> {
    e?.preventDefault();
    const f = this.flow;
    if (f.step !== 'choose' || f.sending || !f.selected || !this.pending) return;
    const channel = f.selected;
    this.send({ type: 'CONTINUE' });
    if (channel === 'pattern') {
      // `<pep-typing-pattern>` is a chunk of its own, fetched when this option is chosen.
      try {
        await this.call(() => import('../typing-pattern/pep-typing-pattern.js'));
        this.send({ type: 'PATTERN_READY' });
      } catch (err) {
        this.fail(err as AdapterError, (error) => ({ type: 'SEND_FAILED', error }));
      }
      return;
    }
    const pendingId = this.pending.pendingId;
    steps.prefetch();
    try {
      // The code step's module first (prefetched, so normally there already): a failed fetch
      // must fail the step before a code is sent, not after.
      const sent = await this.call(async (a, signal) => {
        await steps.load();
        return a.sendVerificationCode({ pendingId, channel }, { signal });
      });
      this.code = '';
      this.form.reset();
      this.send({ type: 'CODE_SENT', sent });
    } catch (err) {
      this.fail(err as AdapterError, (error) => ({ type: 'SEND_FAILED', error }));
    }
  }

  // The nested <pep-typing-pattern> reports here; its pep-authenticated bubbles on to the host.
  private onPatternAuthenticated(e: CustomEvent<{ session: Session }>): void {
    this.send({ type: 'VERIFIED', session: e.detail.session });
  }

  private onChooseOther(e: CustomEvent<{ reason: OtherMethodReason }>): void {
    if (e.detail.reason === 'unavailable') this.send({ type: 'PATTERN_UNAVAILABLE' });
    else this.send({ type: 'BACK' });
  }

  // ------------------------------------------------------------------------------------------
  // Render
  // ------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class=${this.embedded ? '' : 'card'}>${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const f = this.flow;
    switch (f.step) {
      case 'choose':
        return this.renderChoose(f);
      case 'code':
        // Reached once the steps module is loaded (the flow waits for it).
        return steps.get()!.renderCode(this, f);
      case 'pattern':
        return html`<pep-typing-pattern
          part="typing-pattern"
          mode="verify"
          embedded
          .pending=${this.pending}
          .adapter=${this.adapter}
          .config=${this.config}
          .messages=${this.messages}
          .deviceStore=${this.deviceStore}
          @pep-authenticated=${this.onPatternAuthenticated}
          @pep-choose-other-method=${this.onChooseOther}
          @pep-verification-expired=${(e: Event) => {
            e.stopPropagation();
            this.send({ type: 'EXPIRED' });
          }}
        ></pep-typing-pattern>`;
      case 'done':
        return html`${stepHeading(this.t('verify.title'))}
          <p class="success" role="status" part="status">${this.t('verify.done')}</p>
          ${errorRegion({})}`;
      case 'expired':
        return html`${stepHeading(this.t('verify.title'))}
        ${errorRegion({ message: this.t('verify.expired') })}`;
    }
  }

  private optionLabel(o: VerificationOption): string {
    return this.t(`verify.option.${o.method}`, { masked: o.masked ?? '' });
  }

  private optionReason(o: VerificationOption): string {
    if (o.available) return '';
    if (o.method !== 'pattern') return this.t('verify.reason.unavailable');
    const listed = this.pending?.options.some((x) => x.method === 'pattern') ?? false;
    return listed ? this.t('verify.reason.pattern-locked') : this.t('verify.reason.not-set-up');
  }

  private renderChoose(f: Extract<VerifyState, { step: 'choose' }>): TemplateResult {
    const isPattern = f.selected === 'pattern';
    const error = f.error;
    return html`${stepHeading(this.t('verify.title'))}
      <form part="form" novalidate @submit=${(e: Event) => void this.continue(e)}>
        <fieldset part="options">
          <legend>${this.t('verify.legend')}</legend>
          ${f.options.map((o) => this.renderOption(o, f.selected, f.sending))}
        </fieldset>
        ${errorRegion({
          message: error ? this.errorMessage(error) : '',
          key: error,
          retry: isRetryable(error)
            ? { label: this.t('common.retry'), onRetry: () => void this.continue() }
            : null,
        })}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit-button"
            ?disabled=${f.sending || !f.selected}
          >
            ${f.sending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t(isPattern ? 'verify.next' : 'verify.send-code')}
          </button>
        </div>
      </form>`;
  }

  private renderOption(
    o: VerificationOption,
    selected: VerificationMethod | undefined,
    sending: boolean,
  ): TemplateResult {
    const id = `method-${o.method}`;
    const reason = this.optionReason(o);
    return html`<div class="option" part="option">
      <label class="choice" for=${id}>
        <input
          type="radio"
          id=${id}
          name="method"
          value=${o.method}
          .checked=${selected === o.method}
          ?disabled=${!o.available || sending}
          aria-describedby=${reason ? `${id}-reason` : nothing}
          @change=${() => this.send({ type: 'SELECT', method: o.method })}
        />
        <span>${this.optionLabel(o)}</span>
      </label>
      ${reason ? html`<p id=${`${id}-reason`} class="hint" part="hint">${reason}</p>` : nothing}
    </div>`;
  }
}
