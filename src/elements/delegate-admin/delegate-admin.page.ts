/**
 * A delegate's page in `<pep-delegate-admin>`: their facts, the actions (each confirmed, with a
 * required reason) and their activity. Not on the console's first screen (the search): fetched
 * with the first delegate opened.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AdapterError } from '../../adapter/errors.js';
import type {
  AuthAdapter,
  DelegateDetail,
  DelegateSummary,
  HelpDeskActionName,
} from '../../adapter/types.js';
import { addLateEnglish } from '../../base/pep-element.js';
import type { PepConfig } from '../../base/context.js';
import { formatUsMobile } from '../../core/phone.js';
import type { MessageParams } from '../../i18n/format.js';
import { statesEn } from '../../i18n/states.en.js';
import { stepHeading } from '../../shared/step-heading.js';
import { fieldFrame } from '../../shared/text-field.js';
import {
  ADMIN_ACTIONS,
  actionApplies,
  REASON_MAX,
  type DelegateAdminEvent,
  type DelegateAdminState,
} from './delegate-admin.machine.js';

// The state names come with the page (after a host's `messages` and the active language).
addLateEnglish(statesEn);

/** What the page reads and calls of its element (`PepDelegateAdmin`). */
export interface DelegateAdminHost {
  readonly state: DelegateAdminState;
  readonly adapter?: AuthAdapter | undefined;
  readonly config: PepConfig;
  readonly messages: Partial<Record<string, string>>;
  t(key: string, params?: MessageParams): string;
  errorMessage(error: AdapterError): string;
  fieldError(field: string, reason: string): string;
  dateTime(ms: number): string;
  name(d: DelegateSummary): string;
  statusText(d: DelegateSummary): string;
  renderErrors(): TemplateResult;
  send(event: DelegateAdminEvent): void;
  back(): void;
  ask(action: HelpDeskActionName): void;
  cancel(): void;
  confirm(): Promise<void>;
}

/** The page of the delegate loaded (`state.delegate`), with the Back button before it. */
export function renderDelegatePage(
  host: DelegateAdminHost,
  d: DelegateDetail,
  back: TemplateResult,
): TemplateResult {
  const s = host.state;
  return html`${back}${stepHeading(host.name(d))} ${host.renderErrors()}
    <div role="status" part="status" class="notice-region">
      ${s.notice
        ? html`<p class="success">
            ${host.t(`delegate-admin.done.${s.notice.action}`, { name: s.notice.name })}
          </p>`
        : nothing}
    </div>
    ${renderFacts(host, d)}
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">${host.t('delegate-admin.actions')}</h3>
      <div class="actions">
        ${ADMIN_ACTIONS.map((action) => {
          const applies = actionApplies(action, d);
          return html`<button
            type="button"
            class=${action === 'deactivate' ? 'secondary danger' : 'secondary'}
            part="action-button"
            data-action=${action}
            ?disabled=${!applies}
            aria-pressed=${s.confirm?.action === action ? 'true' : nothing}
            @click=${() => host.ask(action)}
          >
            ${host.t(`delegate-admin.action.${action}`)}
          </button>`;
        })}
      </div>
      ${s.confirm ? renderConfirm(host, d) : nothing}
    </section>
    <pep-activity-log
      .adapter=${host.adapter}
      .config=${host.config}
      .messages=${host.messages}
      delegate-id=${d.id}
    ></pep-activity-log>`;
}

function renderFacts(host: DelegateAdminHost, d: DelegateDetail): TemplateResult {
  const devices = d.rememberedDevices;
  return html`<dl part="details">
    <dt>${host.t('delegate-admin.status')}</dt>
    <dd class="status" data-status=${d.status}>${host.statusText(d)}</dd>
    <dt>${host.t('delegate-admin.username')}</dt>
    <dd>${d.username}</dd>
    <dt>${host.t('delegate-admin.email')}</dt>
    <dd>${d.email}</dd>
    <dt>${host.t('delegate-admin.mobile')}</dt>
    <dd>${formatUsMobile(d.mobile)}</dd>
    <dt>${host.t('delegate-admin.producer')}</dt>
    <dd>
      ${host.t('delegate-admin.producer-id', {
        name: `${d.producer.firstName} ${d.producer.lastName}`,
        id: d.producer.producerId,
      })}
    </dd>
    <dt>${host.t('delegate-admin.states')}</dt>
    <dd>${d.states.map((code) => host.t(`state.${code}`)).join(', ')}</dd>
    <dt>${host.t('delegate-admin.pattern')}</dt>
    <dd data-fact="pattern">
      ${!d.patternEnrolled
        ? host.t('delegate-admin.pattern.no')
        : d.patternEnrolledAt
          ? host.t('delegate-admin.pattern.yes-at', {
              time: host.dateTime(d.patternEnrolledAt),
            })
          : host.t('delegate-admin.pattern.yes')}
    </dd>
    <dt>${host.t('delegate-admin.devices')}</dt>
    <dd data-fact="devices">
      ${devices.count === 0
        ? host.t('delegate-admin.devices.none')
        : devices.lastUsedAt
          ? host.t('delegate-admin.devices.count', {
              count: devices.count,
              time: host.dateTime(devices.lastUsedAt),
            })
          : host.t('delegate-admin.devices.count-unused', { count: devices.count })}
    </dd>
    <dt>${host.t('delegate-admin.passkeys')}</dt>
    <dd data-fact="passkeys">${d.passkeys}</dd>
    <dt>${host.t('delegate-admin.last-sign-in')}</dt>
    <dd data-fact="last-sign-in">
      ${d.lastSignInAt ? host.dateTime(d.lastSignInAt) : host.t('delegate-admin.never')}
    </dd>
  </dl>`;
}

function renderConfirm(host: DelegateAdminHost, d: DelegateDetail): TemplateResult {
  const c = host.state.confirm!;
  const error = c.error
    ? 'reason' in c.error
      ? host.fieldError('reason', c.error.reason)
      : adapterFieldError(host, c.error.adapter)
    : null;
  return html`<form
    class="confirm"
    part="form confirm"
    novalidate
    aria-labelledby="confirm-text"
    @submit=${(e: Event) => {
      e.preventDefault();
      void host.confirm();
    }}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        host.cancel();
      }
    }}
  >
    <p id="confirm-text" class="confirm-text">
      ${host.t(`delegate-admin.confirm.${c.action}`, { name: host.name(d) })}
    </p>
    ${fieldFrame(
      {
        id: 'reason',
        label: host.t('delegate-admin.reason'),
        hint: host.t('delegate-admin.reason.hint'),
        error,
      },
      (describedBy) =>
        html`<textarea
          id="reason"
          name="reason"
          part="input"
          rows="3"
          maxlength=${REASON_MAX}
          required
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          ?readonly=${c.submitting}
          .value=${live(c.reason)}
          @input=${(e: Event) =>
            host.send({ type: 'REASON', reason: (e.target as HTMLTextAreaElement).value })}
        ></textarea>`,
    )}
    <div class="buttons">
      <button
        type="submit"
        class="primary"
        part="submit-button"
        aria-disabled=${c.submitting ? 'true' : 'false'}
      >
        ${c.submitting
          ? html`<span class="spinner" aria-hidden="true"></span>${host.t('delegate-admin.working')}`
          : html`${host.t('delegate-admin.confirm')}<span class="visually-hidden">
                ${host.t(`delegate-admin.action.${c.action}`)}</span
              >`}
      </button>
      <button
        type="button"
        class="secondary"
        part="secondary-button"
        aria-disabled=${c.submitting ? 'true' : 'false'}
        @click=${() => host.cancel()}
      >
        ${host.t('delegate-admin.cancel')}
      </button>
    </div>
  </form>`;
}

/** The backend's word on the reason field (VALIDATION), else the error's own message. */
function adapterFieldError(host: DelegateAdminHost, error: AdapterError): string {
  const fields = (error.data as { fields?: Record<string, string> }).fields;
  const reason = fields?.['reason'];
  return reason ? host.fieldError('reason', reason) : host.errorMessage(error);
}
