import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import {
  STATE_CODES,
  type DelegateInput,
  type DelegateSummary,
  type StateCode,
} from '../../adapter/types.js';
import { statesEn } from '../../i18n/states.en.js';
import { PepElement } from '../../base/pep-element.js';
import { accountEn } from '../../i18n/account.en.js';
import { personEn } from '../../i18n/person.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { formStyles, tokens } from '../../base/styles.js';
import { stateListConverter } from '../../core/display.js';
import { validateDelegateInput } from '../../core/delegate-input.js';
import { formatUsMobile, normalizeUsMobile } from '../../core/phone.js';
import type { DelegateField, FieldReason } from '../../core/validation.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { errorId, fieldFrame, hintId, textField } from '../../shared/text-field.js';
import { languageOf, type Language } from '../../core/language.js';
import { live } from 'lit/directives/live.js';
import {
  addDelegateTransition,
  DELEGATE_FIELDS,
  initialAddDelegate,
  type AddDelegateEvent,
  type AddDelegateState,
} from './add-delegate.machine.js';
import { addDelegateEn } from './add-delegate.messages.js';
import { addDelegateStyles } from './add-delegate.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** A delegate was created (the "Delegate was added" step is showing). */
    'pep-delegate-added': { delegate: DelegateSummary };
    /** The user selected Finish after adding a delegate: close the window and refresh. */
    'pep-delegate-finish': { delegate: DelegateSummary };
    /** The user selected Cancel. */
    'pep-cancel': Record<string, never>;
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-delegate-added': CustomEvent<{ delegate: DelegateSummary }>;
    'pep-delegate-finish': CustomEvent<{ delegate: DelegateSummary }>;
    'pep-cancel': CustomEvent<Record<string, never>>;
  }
}

/** The form's values: the delegate record the adapter takes. */
type Values = DelegateInput;

const emptyValues = (states: readonly StateCode[]): Values => ({
  username: '',
  email: '',
  firstName: '',
  lastName: '',
  mobile: '',
  states: states.length === 1 ? [...states] : [],
});

const catalogue: Catalogue = { ...addDelegateEn, ...personEn, ...statesEn, ...accountEn };

/** Preferred Language's choices, each named in its own language (as a language menu does). */
const LANGUAGES: readonly (readonly [Language, string])[] = [
  ['en', 'English'],
  ['es', 'Español'],
];

/**
 * The producer's Add Delegate form (spec slides 4–5): Username, Email, First Name, Last Name,
 * Mobile Number and State(s), then Create Delegate. On success it shows "Delegate was added"
 * with a Finish button. Preferred Language (the language of the delegate's emails and text
 * messages) starts at the widget's active language.
 *
 * @summary Add a delegate for the signed-in producer.
 *
 * @fires pep-delegate-added - `{ delegate }` when the delegate was created.
 * @fires pep-delegate-finish - `{ delegate }` when the user selects Finish.
 * @fires pep-cancel - when the user selects Cancel.
 * @fires pep-step-change - `{ step: 'form' | 'done' }`.
 *
 * @csspart form - The form.
 * @csspart field - Each field wrapper.
 * @csspart label - Each label.
 * @csspart input - Each text input, and the Preferred Language select.
 * @csspart hint - Field hints.
 * @csspart field-error - Per-field error text.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart step-heading - The step heading.
 * @csspart submit-button - Create Delegate.
 * @csspart secondary-button - Cancel.
 * @csspart finish-button - Finish.
 * @csspart success - The "Delegate was added" message.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-error - Errors.
 * @cssprop --pep-max-width - Card width.
 */
export class PepAddDelegate extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, addDelegateStyles];

  static override properties: PropertyDeclarations = {
    allowedStates: {
      attribute: 'allowed-states',
      converter: stateListConverter,
    },
    noCancel: { type: Boolean, attribute: 'no-cancel' },
  };

  static {
    this.states('state', 'values');
  }

  protected get catalogue(): Catalogue {
    return catalogue;
  }

  /**
   * The states the producer may assign (attribute: space- or comma-separated codes, e.g.
   * `allowed-states="IL TX"`). Default: all five.
   */
  allowedStates: StateCode[] = [...STATE_CODES];

  /** Hide the Cancel button (e.g. when the form is a page of its own). */
  noCancel = false;

  protected state: AddDelegateState = initialAddDelegate();
  protected values: Values = emptyValues(STATE_CODES);

  protected form = new FormState<DelegateField>(this, DELEGATE_FIELDS);

  /** The current step of the flow (also announced by `pep-step-change`). */
  get step(): AddDelegateState['step'] {
    return this.state.step;
  }

  protected send(event: AddDelegateEvent): void {
    const before = this.state;
    this.state = addDelegateTransition(before, event);
    if (before.step !== this.state.step) {
      this.emit('pep-step-change', { step: this.state.step });
      void this.focusHeading();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('allowedStates')) {
      const allowed = STATE_CODES.filter((s) => this.allowedStates.includes(s));
      const states = this.values.states.filter((s) => allowed.includes(s));
      this.values = { ...this.values, states: allowed.length === 1 ? [...allowed] : states };
    }
  }

  /** Move focus to the current step's heading (e.g. when a dialog showing this form opens). */
  override focusHeading(): Promise<void> {
    return super.focusHeading();
  }

  /** Clear the form and start again at the first step. */
  reset(): void {
    this.abortCalls();
    this.values = emptyValues(this.allowedStates);
    this.form.reset();
    this.send({ type: 'RESET' });
  }

  /** Preferred Language: the producer's choice, else the widget's active language. */
  protected get preferredLanguage(): Language {
    return this.values.language ?? languageOf(this.intlLocale);
  }

  /** The checks' verdict. */
  protected clientErrors(): Partial<Record<DelegateField, FieldReason>> {
    return validateDelegateInput(this.values, this.allowedStates);
  }

  protected fieldMessage(field: DelegateField, reason: string): string {
    if (reason === 'taken') return this.t('add-delegate.username-taken');
    return this.fieldText(field, reason);
  }

  /** The message to show under `field` now: adapter errors always, client errors once touched. */
  protected errorFor(field: DelegateField): string | null {
    if (this.state.step !== 'form') return null;
    const server = this.state.serverErrors[field];
    if (server) return this.fieldMessage(field, server);
    const client = this.clientErrors()[field];
    return this.form.errorFor(field, client ? this.fieldMessage(field, client) : null);
  }

  protected setValue<K extends keyof Values>(field: K, value: Values[K]): void {
    this.values = { ...this.values, [field]: value };
    this.send({ type: 'EDIT', field });
  }

  protected async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.state.step !== 'form' || this.state.pending) return;
    this.form.submit();
    const errors = this.clientErrors();
    if (Object.keys(errors).length) {
      await this.form.focusFirstInvalid(errors);
      return;
    }
    this.send({ type: 'SUBMIT' });
    const input = {
      ...this.values,
      states: [...this.values.states],
      language: this.preferredLanguage,
    };
    try {
      const delegate = await this.call((a, signal) => a.addDelegate(input, { signal }));
      this.send({ type: 'SUBMIT_OK', delegate });
      this.emit('pep-delegate-added', { delegate });
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'SUBMIT_FAIL', error });
      if (this.state.step === 'form' && Object.keys(this.state.serverErrors).length) {
        await this.form.focusFirstInvalid(this.state.serverErrors);
      }
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="card">
      ${this.state.step === 'form' ? this.renderForm() : this.renderDone(this.state.delegate)}
    </div>`;
  }

  protected renderError(): TemplateResult {
    const error = this.state.step === 'form' ? this.state.error : null;
    const fieldLevel = !!error && (error.is('USERNAME_TAKEN') || error.is('VALIDATION'));
    return errorRegion({
      message: error
        ? fieldLevel
          ? this.t('common.error-summary')
          : this.errorMessage(error)
        : null,
      key: error,
      retry: isRetryable(error)
        ? {
            label: this.t('common.retry'),
            onRetry: () => {
              // The button goes away with the error: keep focus on the form's submit button.
              this.renderRoot.querySelector<HTMLElement>('[part~=submit-button]')?.focus();
              void this.submit();
            },
          }
        : null,
    });
  }

  protected textInput(
    field: Exclude<DelegateField, 'states' | 'language'>,
    opts: {
      type?: 'text' | 'email' | 'tel';
      autocomplete: string;
      hint?: string;
      onBlur?: () => void;
    },
  ): TemplateResult {
    return textField({
      id: field,
      label: this.t(`add-delegate.${field}`),
      value: this.values[field],
      type: opts.type ?? 'text',
      autocomplete: opts.autocomplete,
      hint: opts.hint,
      required: true,
      error: this.errorFor(field),
      spellcheck: false,
      onInput: (v) => this.setValue(field, v),
      onBlur: () => {
        opts.onBlur?.();
        this.form.touch(field);
      },
    });
  }

  protected renderStates(): TemplateResult {
    const error = this.errorFor('states');
    const describedBy = `${hintId('states')}${error ? ` ${errorId('states')}` : ''}`;
    const toggle = (code: StateCode, checked: boolean) => {
      const set = new Set(this.values.states);
      if (checked) set.add(code);
      else set.delete(code);
      this.setValue(
        'states',
        STATE_CODES.filter((s) => set.has(s)),
      );
      this.form.touch('states');
    };
    return html`<fieldset part="field">
      <legend part="label">${this.t('add-delegate.states')}</legend>
      <p id=${hintId('states')} class="hint" part="hint">${this.t('add-delegate.states-hint')}</p>
      <div class="states">
        ${this.allowedStates.map(
          (code) =>
            html`<label class="choice" for=${`state-${code}`}>
              <input
                type="checkbox"
                id=${`state-${code}`}
                name="states"
                value=${code}
                .checked=${this.values.states.includes(code)}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @change=${(e: Event) => toggle(code, (e.target as HTMLInputElement).checked)}
              />${this.t(`state.${code}`)}
            </label>`,
        )}
      </div>
      <p id=${errorId('states')} class="field-error" part="field-error">${error ?? ''}</p>
    </fieldset>`;
  }

  protected renderLanguage(): TemplateResult {
    const error = this.errorFor('language');
    const value = this.preferredLanguage;
    return fieldFrame(
      {
        id: 'language',
        label: this.t('add-delegate.language'),
        hint: this.t('add-delegate.language-hint'),
        error,
      },
      (describedBy) =>
        html`<select
          id="language"
          name="language"
          part="input"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(value)}
          @change=${(e: Event) =>
            this.setValue('language', languageOf((e.target as HTMLSelectElement).value))}
          @blur=${() => this.form.touch('language')}
        >
          ${LANGUAGES.map(
            ([code, name]) =>
              html`<option value=${code} lang=${code} ?selected=${value === code}>${name}</option>`,
          )}
        </select>`,
    );
  }

  protected renderForm(): TemplateResult {
    const pending = this.state.step === 'form' && this.state.pending;
    return html`${stepHeading(this.t('add-delegate.title'))}
      <p class="hint intro">${this.t('add-delegate.intro')}</p>
      ${this.renderError()}
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e)}>
        ${this.textInput('username', {
          autocomplete: 'off',
          hint: this.t('add-delegate.username-hint'),
        })}
        ${this.textInput('email', { type: 'email', autocomplete: 'off' })}
        <div class="names">
          ${this.textInput('firstName', { autocomplete: 'off' })}
          ${this.textInput('lastName', { autocomplete: 'off' })}
        </div>
        ${this.textInput('mobile', {
          type: 'tel',
          autocomplete: 'off',
          hint: this.t('add-delegate.mobile-hint'),
          onBlur: () => {
            const e164 = normalizeUsMobile(this.values.mobile);
            if (e164) this.values = { ...this.values, mobile: formatUsMobile(e164) };
          },
        })}
        ${this.renderStates()} ${this.renderLanguage()}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit-button"
            aria-disabled=${pending ? 'true' : 'false'}
          >
            ${pending
              ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                    'add-delegate.creating',
                  )}`
              : this.t('add-delegate.submit')}
          </button>
          ${this.noCancel
            ? nothing
            : html`<button
                type="button"
                class="secondary"
                part="secondary-button"
                @click=${() => {
                  this.abortCalls();
                  this.send({ type: 'CANCEL' });
                  this.emit('pep-cancel', {});
                }}
              >
                ${this.t('add-delegate.cancel')}
              </button>`}
        </div>
      </form>`;
  }

  protected renderDone(delegate: DelegateSummary): TemplateResult {
    return html`${stepHeading(this.t('add-delegate.done-title'))} ${errorRegion({ message: null })}
      <p class="success" part="success">
        ${this.t('add-delegate.done-text', {
          name: `${delegate.firstName} ${delegate.lastName}`,
          username: delegate.username,
          email: delegate.email,
        })}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="finish-button submit-button"
          @click=${() => this.emit('pep-delegate-finish', { delegate })}
        >
          ${this.t('add-delegate.finish')}
        </button>
      </div>`;
  }
}
