import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { statesEn } from '../../i18n/states.en.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import {
  PRODUCT_TYPES,
  STATE_CODES,
  type IssueReport,
  type IssueTicket,
  type ProductType,
  type Session,
  type StateCode,
} from '../../adapter/types.js';
import { validateIssueReport } from '../../core/issue-report.js';
import {
  SCREENSHOT_MAX_BYTES,
  SCREENSHOT_TYPES,
  type IssueReportField,
} from '../../core/issue-report.limits.js';
import type { FieldReason } from '../../core/validation.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { fieldFrame, textField } from '../../shared/text-field.js';
import {
  initialReportIssueState,
  reportIssueTransition,
  type ReportIssueEvent,
  type ReportIssueState,
} from './report-issue.machine.js';
import { reportIssueEn } from './report-issue.messages.js';
import { reportIssueStyles } from './report-issue.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The report was accepted; `ticketId` is the reference shown to the user. */
    'pep-issue-reported': { ticketId: string };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-issue-reported': CustomEvent<{ ticketId: string }>;
  }
}

const FIELDS: readonly IssueReportField[] = [
  'description',
  'stepsTaken',
  'clientName',
  'agentName',
  'producerId',
  'productType',
  'state',
  'observedAt',
  'screenshot',
];

const catalogue: Catalogue = { ...reportIssueEn, ...statesEn };

/** What the form holds (the report before `toReport`). */
interface ReportIssueValues {
  description: string;
  stepsTaken: string;
  clientName: string;
  agentName: string;
  producerId: string;
  productType: ProductType | '';
  state: StateCode | '';
  /** `datetime-local` value (`YYYY-MM-DDTHH:mm`, local time). */
  observedAt: string;
}

interface Screenshot {
  file: File;
  url: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → `YYYY-MM-DDTHH:mm` in local time (what `<input type="datetime-local">` holds). */
export function toLocalDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `1536` → `1.5 KB`, `5242880` → `5 MB`; the number in `locale`'s format (`1,5 KB` in Spanish).
 */
function formatBytes(bytes: number, locale?: string): string {
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return `${n(bytes)} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${n(kb)} KB`;
  return `${n(kb / 1024)} MB`;
}

/**
 * The report as sent: texts trimmed (an empty Client/Contact Name left out), the observed time
 * as ISO 8601 when it parses (else as typed, which the checks then refuse), the screenshot.
 */
function toReport(v: ReportIssueValues, file: File | null): IssueReport {
  const observed = new Date(v.observedAt);
  return {
    description: v.description,
    stepsTaken: v.stepsTaken,
    ...(v.clientName.trim() ? { clientName: v.clientName.trim() } : {}),
    agentName: v.agentName.trim(),
    producerId: v.producerId.trim(),
    productType: v.productType as ProductType,
    state: v.state as StateCode,
    observedAt:
      v.observedAt && !Number.isNaN(observed.getTime()) ? observed.toISOString() : v.observedAt,
    ...(file
      ? { screenshot: { name: file.name, type: file.type, size: file.size, data: file } }
      : {}),
  };
}

/** The backend's field reasons (`VALIDATION`) for the fields this form has. */
function formReasons(
  reasons: Record<string, FieldReason>,
  fields: readonly IssueReportField[],
): Partial<Record<IssueReportField, FieldReason>> {
  const out: Partial<Record<IssueReportField, FieldReason>> = {};
  for (const f of fields) if (reasons[f]) out[f] = reasons[f];
  return out;
}

/**
 * Report an Issue (spec slide 23) as a form: detailed description, steps taken before the
 * error, client/contact name (optional), agent name and producer ID (filled from the session),
 * product type and state, the date/time observed (now by default, editable) and a screenshot
 * (images only, size-limited, previewed). Submit sends it through `adapter.reportIssue` and
 * shows the ticket reference. Bad input gets field errors and keeps everything typed.
 *
 * @summary Report a quoting or enrollment issue with a screenshot.
 *
 * @fires pep-issue-reported - `{ ticketId }` when the report was accepted.
 * @fires pep-step-change - `{ step }` with `form` or `done`.
 *
 * @csspart base - The card.
 * @csspart form - The form.
 * @csspart step-heading - The heading (receives focus on step change).
 * @csspart field - A label + control + hint + error group.
 * @csspart label - A field label.
 * @csspart input - A text input, text area or select.
 * @csspart hint - Help text under a label.
 * @csspart field-error - The error text of a field.
 * @csspart file-input - The screenshot file input.
 * @csspart preview - The attached screenshot preview.
 * @csspart remove-button - Remove screenshot.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart submit-button - Submit.
 * @csspart ticket - The ticket reference.
 * @csspart secondary-button - Report another issue.
 * @csspart link - Back to Home.
 *
 * @cssprop --pep-report-issue-max-width - Width of the card (default 40rem).
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-error - Field errors.
 */
export class PepReportIssue extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, reportIssueStyles];

  static override properties: PropertyDeclarations = {
    session: { attribute: false },
    maxScreenshotBytes: { type: Number, attribute: 'max-screenshot-bytes' },
    homeHref: { attribute: 'home-href' },
  };

  static {
    this.states(
      'state',
      'values',
      'screenshot',
      'fileError',
      'serverErrors',
      'summary',
      'fileStatus',
    );
  }

  /** The signed-in session (prefills agent name and producer ID); else `adapter.getSession()`. */
  session?: Session | null;

  /** Largest screenshot accepted, in bytes (default 5 MB). */
  maxScreenshotBytes = SCREENSHOT_MAX_BYTES;

  /** Where "Back to Home" points (not shown when empty). */
  homeHref = '';

  private state: ReportIssueState = initialReportIssueState;
  private values: ReportIssueValues = this.#emptyValues();
  private screenshot: Screenshot | null = null;
  private fileError: FieldReason | null = null;
  /** Reasons the adapter gave (VALIDATION), cleared when the field changes. */
  private serverErrors: Partial<Record<IssueReportField, FieldReason>> = {};
  /** A new object per failed local validation, so the summary is announced again. */
  private summary: object | null = null;
  /** Message key of the screenshot status (announced), or ''. Translated at render. */
  private fileStatus: '' | 'report-issue.screenshot-removed' = '';

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  #form = new FormState<IssueReportField>(this, FIELDS);
  #sessionRequested = false;

  /** The current step of the flow (also announced by `pep-step-change`). */
  get step(): ReportIssueState['step'] {
    return this.state.step;
  }

  #emptyValues(): ReportIssueValues {
    return {
      description: '',
      stepsTaken: '',
      clientName: '',
      agentName: '',
      producerId: '',
      productType: '',
      state: '',
      observedAt: toLocalDateTime(this.now()),
    };
  }

  #prefill(session: Session | null | undefined): void {
    if (!session) return;
    const u = session.user;
    const agent = u.producer
      ? `${u.producer.firstName} ${u.producer.lastName}`
      : `${u.firstName} ${u.lastName}`;
    const producerId = u.producer?.producerId ?? u.producerId ?? '';
    this.values = {
      ...this.values,
      agentName: this.values.agentName || agent,
      producerId: this.values.producerId || producerId,
      state: this.values.state || (u.states.length === 1 ? u.states[0]! : ''),
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read the clock at first render, after the host has set `now`.
    if (!this.hasUpdated) this.values = { ...this.values, observedAt: toLocalDateTime(this.now()) };
    if (changed.has('session')) this.#prefill(this.session);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.session === undefined && this.adapter && !this.#sessionRequested) {
      this.#sessionRequested = true;
      this.call((a, signal) => a.getSession({ signal })).then(
        (s) => this.#prefill(s),
        () => {
          // Prefill is a convenience: without a session the user types the fields.
        },
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#setScreenshot(null);
  }

  private send(event: ReportIssueEvent): void {
    const before = this.state;
    const after = reportIssueTransition(before, event);
    if (after === before) return;
    this.state = after;
    if (after.step !== before.step) {
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  #set<K extends keyof ReportIssueValues>(field: K, value: ReportIssueValues[K]): void {
    this.values = { ...this.values, [field]: value };
    if (this.serverErrors[field]) {
      const rest = { ...this.serverErrors };
      delete rest[field];
      this.serverErrors = rest;
    }
  }

  #setScreenshot(file: File | null): void {
    if (this.screenshot) URL.revokeObjectURL(this.screenshot.url);
    this.screenshot = file ? { file, url: URL.createObjectURL(file) } : null;
  }

  #onFile = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.#form.touch('screenshot');
    const rest = { ...this.serverErrors };
    delete rest.screenshot;
    this.serverErrors = rest;
    if (!file) {
      this.fileError = null;
      this.#setScreenshot(null);
      return;
    }
    const reason: FieldReason | null = !SCREENSHOT_TYPES.includes(file.type)
      ? 'invalid-file-type'
      : file.size > this.maxScreenshotBytes
        ? 'file-too-large'
        : null;
    this.fileError = reason;
    this.fileStatus = '';
    if (reason) {
      // Nothing invalid stays attached: the field and the preview show the same (no) file.
      input.value = '';
      this.#setScreenshot(null);
    } else {
      this.#setScreenshot(file);
    }
  };

  #removeScreenshot = async (): Promise<void> => {
    this.#setScreenshot(null);
    this.fileError = null;
    this.fileStatus = 'report-issue.screenshot-removed';
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#screenshot');
    if (input) {
      input.value = '';
      input.focus();
    }
  };

  /** The report as sent. */
  #report(): IssueReport {
    return toReport(this.values, this.screenshot?.file ?? null);
  }

  #reasons(): Partial<Record<IssueReportField, FieldReason>> {
    const local = validateIssueReport(this.#report(), this.now());
    return {
      ...local,
      ...this.serverErrors,
      ...(this.fileError ? { screenshot: this.fileError } : {}),
    };
  }

  #message(field: IssueReportField, reason: FieldReason): string {
    const params = { max: formatBytes(this.maxScreenshotBytes, this.intlLocale) };
    return this.fieldText(field, reason, params);
  }

  #errorFor(field: IssueReportField, reasons: Partial<Record<IssueReportField, FieldReason>>) {
    const reason = reasons[field];
    if (!reason) return null;
    // The file check and the server's verdict show at once; the rest after blur or submit.
    if (field === 'screenshot' && this.fileError) return this.#message(field, reason);
    if (this.serverErrors[field]) return this.#message(field, reason);
    return this.#form.errorFor(field, this.#message(field, reason));
  }

  #onSubmit = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    if (this.state.step !== 'form' || this.state.submitting) return;
    this.#form.submit();
    const reasons = this.#reasons();
    if (Object.keys(reasons).length) {
      this.summary = {};
      await this.#form.focusFirstInvalid(reasons);
      return;
    }
    this.summary = null;
    await this.#sendReport();
  };

  async #sendReport(): Promise<void> {
    const report = this.#report();
    const before = this.state;
    this.send({ type: 'SUBMIT' });
    if (this.state === before) return;
    try {
      const ticket = await this.call((a, signal) => a.reportIssue(report, { signal }));
      this.send({ type: 'SUBMITTED', ticket });
      this.emit('pep-issue-reported', { ticketId: ticket.ticketId });
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      if (error.is('VALIDATION')) {
        this.serverErrors = formReasons(error.data.fields, FIELDS);
        void this.#form.focusFirstInvalid(this.serverErrors);
      }
      this.send({ type: 'FAILED', error });
    }
  }

  #newReport = (): void => {
    this.#setScreenshot(null);
    this.fileError = null;
    this.fileStatus = '';
    this.serverErrors = {};
    this.summary = null;
    this.values = this.#emptyValues();
    this.#prefill(this.session);
    this.#sessionRequested = this.session !== undefined;
    this.#form.reset();
    this.send({ type: 'NEW_REPORT' });
  };

  override render(): TemplateResult {
    return html`<div class="card" part="base">
      ${this.state.step === 'form'
        ? this.renderForm(this.state)
        : this.renderDone(this.state.ticket)}
      ${this.homeHref
        ? html`<p class="footer-links">
            <a href=${this.homeHref} part="link">${this.t('report-issue.home')}</a>
          </p>`
        : nothing}
    </div>`;
  }

  private textarea(
    field: 'description' | 'stepsTaken',
    label: string,
    reasons: Partial<Record<IssueReportField, FieldReason>>,
  ): TemplateResult {
    const error = this.#errorFor(field, reasons);
    return fieldFrame(
      { id: field, label, error },
      (describedBy) =>
        html`<textarea
          id=${field}
          name=${field}
          part="input"
          required
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(this.values[field])}
          @input=${(e: Event) => this.#set(field, (e.target as HTMLTextAreaElement).value)}
          @blur=${() => this.#form.touch(field)}
        ></textarea>`,
    );
  }

  private select<F extends 'productType' | 'state'>(
    field: F,
    label: string,
    choose: string,
    options: readonly { value: string; label: string }[],
    reasons: Partial<Record<IssueReportField, FieldReason>>,
  ): TemplateResult {
    const error = this.#errorFor(field, reasons);
    return fieldFrame(
      { id: field, label, error },
      (describedBy) =>
        html`<select
          id=${field}
          name=${field}
          part="input"
          required
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(this.values[field])}
          @change=${(e: Event) =>
            this.#set(field, (e.target as HTMLSelectElement).value as ReportIssueValues[F])}
          @blur=${() => this.#form.touch(field)}
        >
          <option value="" ?selected=${this.values[field] === ''}>${choose}</option>
          ${options.map(
            (o) =>
              html`<option value=${o.value} ?selected=${this.values[field] === o.value}>
                ${o.label}
              </option>`,
          )}
        </select>`,
    );
  }

  private renderForm(s: Extract<ReportIssueState, { step: 'form' }>): TemplateResult {
    const reasons = this.#reasons();
    const v = this.values;
    const text = (
      field: 'clientName' | 'agentName' | 'producerId' | 'observedAt',
      label: string,
      required: boolean,
      hint?: string,
    ) =>
      textField({
        id: field,
        label,
        value: v[field],
        required,
        autocomplete: 'off',
        ...(field === 'observedAt' ? { type: 'datetime-local', hint } : {}),
        error: this.#errorFor(field, reasons),
        onInput: (value) => this.#set(field, value),
        onBlur: () => this.#form.touch(field),
      });
    const fileErr = this.#errorFor('screenshot', reasons);
    const max = formatBytes(this.maxScreenshotBytes, this.intlLocale);
    const alert = s.error
      ? this.errorMessage(s.error)
      : this.summary && Object.keys(reasons).length > 0
        ? this.t('common.error-summary')
        : null;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${stepHeading(this.t('report-issue.title'))}
      <p>${this.t('report-issue.intro')}</p>
      ${this.textarea('description', this.t('report-issue.description'), reasons)}
      ${this.textarea('stepsTaken', this.t('report-issue.steps'), reasons)}
      ${text('clientName', this.t('report-issue.client-name'), false)}
      <div class="row">
        ${text('agentName', this.t('report-issue.agent-name'), true)}
        ${text('producerId', this.t('report-issue.producer-id'), true)}
      </div>
      <div class="row">
        ${this.select(
          'productType',
          this.t('report-issue.product-type'),
          this.t('report-issue.product-type-choose'),
          PRODUCT_TYPES.map((p) => ({ value: p, label: p })),
          reasons,
        )}
        ${this.select(
          'state',
          this.t('report-issue.state'),
          this.t('report-issue.state-choose'),
          STATE_CODES.map((c) => ({ value: c, label: this.t(`state.${c}`) })),
          reasons,
        )}
      </div>
      ${text(
        'observedAt',
        this.t('report-issue.observed-at'),
        true,
        this.t('report-issue.observed-at-hint'),
      )}
      ${fieldFrame(
        {
          id: 'screenshot',
          label: this.t('report-issue.screenshot'),
          hint: this.t('report-issue.screenshot-hint', { max }),
          error: fileErr,
        },
        (describedBy) =>
          html`<input
            id="screenshot"
            name="screenshot"
            part="file-input"
            type="file"
            accept=${SCREENSHOT_TYPES.join(',')}
            aria-invalid=${fileErr ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @change=${this.#onFile}
          />`,
      )}
      ${this.screenshot ? this.renderPreview(this.screenshot) : nothing}
      <div role="status" class="visually-hidden">
        ${this.fileStatus ? this.t(this.fileStatus) : ''}
      </div>
      ${errorRegion({
        message: alert,
        key: s.error ?? this.summary,
        retry: isRetryable(s.error)
          ? { label: this.t('common.retry'), onRetry: () => void this.#onSubmit() }
          : null,
      })}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${s.submitting ? 'true' : 'false'}
        >
          ${s.submitting
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                  'report-issue.submitting',
                )}`
            : this.t('report-issue.submit')}
        </button>
      </div>
    </form>`;
  }

  /** The attached screenshot: preview, name and size, and Remove screenshot. */
  private renderPreview(shot: Screenshot): TemplateResult {
    const name = shot.file.name;
    const size = formatBytes(shot.file.size, this.intlLocale);
    return html`<div class="preview" part="preview">
      <img src=${shot.url} alt=${this.t('report-issue.screenshot-preview', { name })} />
      <span>${this.t('report-issue.screenshot-attached', { name, size })}</span>
      <button type="button" class="secondary" part="remove-button" @click=${this.#removeScreenshot}>
        ${this.t('report-issue.screenshot-remove')}
      </button>
    </div>`;
  }

  private renderDone(ticket: IssueTicket): TemplateResult {
    return html`<div part="form">
      ${stepHeading(this.t('report-issue.done-title'))}
      <p class="success">${this.t('report-issue.done')}</p>
      <p class="ticket" part="ticket">
        ${this.t('report-issue.ticket', { ticketId: ticket.ticketId })}
      </p>
      ${errorRegion({})}
      <div class="actions">
        <button type="button" class="secondary" part="secondary-button" @click=${this.#newReport}>
          ${this.t('report-issue.another')}
        </button>
      </div>
    </div>`;
  }
}
