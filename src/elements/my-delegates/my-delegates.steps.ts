/**
 * The list of `<pep-my-delegates>` (the delegates, their statuses, Resend invitation, the empty
 * state) with its English and its styles: not part of what a host loads first. The element
 * fetches this module alongside its first `listDelegates` call and shows the list when both are
 * there. (Named like the other elements' later chunks, `*.steps.ts`: implementation, left out
 * of the elements' manifest.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addLaterStyles } from '../../base/later-styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { DelegateSummary } from '../../adapter/types.js';
import { formatUsMobile } from '../../core/phone.js';
import type { PepMyDelegates } from './my-delegates.component.js';
import { resendTransition, type ResendEvent } from './my-delegates.list.machine.js';
import { myDelegatesListStyles } from './my-delegates.list.styles.js';

export { myDelegatesListEn } from './my-delegates.list.messages.js';
export { statesEn } from '../../i18n/states.en.js';

type El = PepMyDelegates;

/** The members of the element this list uses (protected there: this module is part of it). */
interface View {
  call: El['call'];
  emit: El['emit'];
  ignoreAbort: El['ignoreAbort'];
  machine: El['machine'];
  name: El['name'];
  t: El['t'];
}

/** Resend the invitation of an invited delegate (the list's button, or Try again). */
export async function resend(el: El, delegateId: string): Promise<void> {
  const h = el as unknown as View;
  const send = (event: ResendEvent) => (h.machine = resendTransition(h.machine, event));
  const before = h.machine;
  send({ type: 'RESEND', delegateId });
  if (h.machine === before) return;
  try {
    await h.call((a, signal) => a.resendInvitation({ delegateId }, { signal }));
    send({ type: 'RESEND_OK' });
    const notice = h.machine.notice;
    if (notice) h.emit('pep-invitation-resent', { delegate: notice.delegate });
  } catch (err) {
    const error = err as AdapterError;
    if (!h.ignoreAbort(error)) send({ type: 'RESEND_FAIL', error });
  }
}

/** The loaded list (or its empty state); nothing when the first load failed. */
export function renderList(el: El): TemplateResult | typeof nothing {
  const h = el as unknown as View;
  const m = h.machine;
  if (m.list === 'failed' && m.delegates.length === 0) return nothing;
  addLaterStyles(el, myDelegatesListStyles);
  if (m.delegates.length === 0) {
    return html`<p part="empty">${h.t('my-delegates.empty')}</p>`;
  }
  return html`<ul
    class="delegates"
    part="list"
    aria-busy=${m.list === 'loading' ? 'true' : 'false'}
  >
    ${m.delegates.map((d) => renderDelegate(el, h, d))}
  </ul>`;
}

function renderDelegate(el: El, h: View, d: DelegateSummary): TemplateResult {
  const resending = h.machine.resendingId === d.id;
  return html`<li class="delegate" part="delegate" data-id=${d.id}>
    <h3>${h.name(d)}</h3>
    <dl>
      <dt>${h.t('my-delegates.username')}</dt>
      <dd>${d.username}</dd>
      <dt>${h.t('my-delegates.email')}</dt>
      <dd>${d.email}</dd>
      <dt>${h.t('my-delegates.mobile')}</dt>
      <dd>${formatUsMobile(d.mobile)}</dd>
      <dt>${h.t('my-delegates.states')}</dt>
      <dd>${d.states.map((s) => h.t(`state.${s}`)).join(', ')}</dd>
      <dt>${h.t('my-delegates.status')}</dt>
      <dd class="status" data-status=${d.status}>${h.t(`my-delegates.status.${d.status}`)}</dd>
    </dl>
    ${d.status === 'invited'
      ? html`<div class="actions">
          <button
            type="button"
            class="secondary"
            part="resend-button"
            aria-disabled=${h.machine.resendingId ? 'true' : 'false'}
            @click=${() => void resend(el, d.id)}
          >
            ${resending
              ? html`<span class="spinner" aria-hidden="true"></span>${h.t(
                    'my-delegates.resending',
                  )}`
              : html`${h.t('my-delegates.resend')}<span class="visually-hidden">
                    ${h.t('my-delegates.resend-to', { name: h.name(d) })}</span
                  >`}
          </button>
        </div>`
      : nothing}
  </li>`;
}

/** The polite notice after an addition or a resend (in the element's status region). */
export function renderNotice(el: El): TemplateResult | typeof nothing {
  const h = el as unknown as View;
  const n = h.machine.notice;
  if (!n) return nothing;
  const text =
    n.kind === 'added'
      ? h.t('my-delegates.added', { name: h.name(n.delegate) })
      : h.t('my-delegates.resent', { email: n.delegate.email });
  return html`<p class="success">${text}</p>`;
}
