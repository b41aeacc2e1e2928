import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { ActivityEntry, ActivityPage, AuthAdapter } from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { sharedStyles } from '../../shared/styles.js';
import {
  activityLogTransition,
  initialActivityLog,
  type ActivityLogEvent,
  type ActivityLogState,
} from './activity-log.machine.js';
import { activityLogEn } from './activity-log.messages.js';
import { activityLogStyles } from './activity-log.styles.js';

/**
 * **Recent activity** of an account, newest first, a page at a time ("Show more"): the signed-in
 * user's own (on My Information), or, with `delegate-id`, a delegate's as the Internet Help Desk
 * sees it (with who acted and the reason given). Each entry is a sentence ("Unlocked by the
 * Internet Help Desk", "Logged in with a passkey") and a time in the user's locale.
 *
 * @summary An account's security events, paginated.
 *
 * @csspart heading - The "Recent activity" heading.
 * @csspart list - The list of entries.
 * @csspart entry - One entry.
 * @csspart empty - "No activity yet."
 * @csspart more-button - Show more.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 *
 * @cssprop --pep-activity-log-rule - The line beside each entry (default: the border colour).
 * @cssprop --pep-activity-log-gap - Space above the log (default: --pep-space-4).
 */
export class PepActivityLog extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, activityLogStyles];

  static override properties: PropertyDeclarations = {
    delegateId: { attribute: 'delegate-id' },
    pageSize: { attribute: 'page-size', type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  static {
    this.states('state');
  }

  protected override get catalogue(): Catalogue {
    return activityLogEn;
  }

  /** A delegate's id: their activity as the Help Desk sees it. Unset: the signed-in user's own. */
  delegateId?: string;

  /** Entries per page (1–100). */
  pageSize = 10;

  /** The level of the "Recent activity" heading in the host's outline: 2, else 3. */
  headingLevel = 3;

  state: ActivityLogState = initialActivityLog();

  /** What the list was loaded for (a new adapter or delegate loads it again). */
  #loadedFor?: { adapter: AuthAdapter; delegateId: string | undefined };

  protected send(event: ActivityLogEvent): void {
    this.state = activityLogTransition(this.state, event);
  }

  protected override willUpdate(): void {
    const adapter = this.adapter;
    if (!adapter) return;
    const was = this.#loadedFor;
    if (was?.adapter === adapter && was.delegateId === this.delegateId) return;
    this.#loadedFor = { adapter, delegateId: this.delegateId };
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): load again.
    if (this.hasUpdated && this.state.list === 'loading' && !this.calling) void this.load();
  }

  #page(cursor: string | undefined): Promise<ActivityPage> {
    const query = { limit: this.pageSize, ...(cursor ? { cursor } : {}) };
    const delegateId = this.delegateId;
    return this.call((a, signal) =>
      delegateId
        ? a.listDelegateActivity({ delegateId, ...query }, { signal })
        : a.listMyActivity(query, { signal }),
    );
  }

  /** Load the first page again. */
  async load(): Promise<void> {
    this.abortCalls();
    this.send({ type: 'LOAD' });
    try {
      this.send({ type: 'LOAD_OK', page: await this.#page(undefined) });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'LOAD_FAIL', error });
    }
  }

  /** Load the next page (Show more). */
  async more(): Promise<void> {
    const before = this.state;
    this.send({ type: 'MORE' });
    if (this.state === before) return;
    const first = this.state.entries.length;
    try {
      this.send({ type: 'MORE_OK', page: await this.#page(before.next ?? undefined) });
      // Focus goes to the first new entry (the button may be gone); else stays on the button.
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('[part=entry]')[first]?.focus();
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'MORE_FAIL', error });
    }
  }

  /** The sentence of an entry: by method, else by actor, else by type alone. */
  protected describe(e: ActivityEntry): string {
    const keys = [
      e.method && `activity.${e.type}.${e.method}`,
      (e.actor.role === 'producer' || e.actor.role === 'help-desk') &&
        `activity.${e.type}.by-${e.actor.role}`,
      `activity.${e.type}`,
    ];
    for (const key of keys) {
      if (!key) continue;
      const text = this.t(key);
      if (text !== key) return text;
    }
    return e.type;
  }

  protected override render(): TemplateResult {
    const s = this.state;
    return html`<section aria-labelledby="activity-title">
      ${this.headingLevel === 2
        ? html`<h2 id="activity-title" part="heading">${this.t('activity.title')}</h2>`
        : html`<h3 id="activity-title" part="heading">${this.t('activity.title')}</h3>`}
      ${errorRegion({
        message: s.error ? this.errorMessage(s.error) : null,
        key: s.error,
        retry:
          isRetryable(s.error) && s.retry
            ? {
                label: this.t('common.retry'),
                onRetry: () => void (s.retry === 'MORE' ? this.more() : this.load()),
              }
            : null,
      })}
      ${this.renderList()}
    </section>`;
  }

  protected renderList(): TemplateResult | typeof nothing {
    const s = this.state;
    if (s.list === 'loading')
      return html`<p>
        <span class="spinner" aria-hidden="true"></span>${this.t('activity.loading')}
      </p>`;
    if (s.list === 'failed') return nothing;
    if (s.entries.length === 0) return html`<p part="empty">${this.t('activity.empty')}</p>`;
    return html`<ol part="list" aria-busy=${s.more ? 'true' : 'false'}>
        ${s.entries.map((e) => this.renderEntry(e))}
      </ol>
      ${s.next !== null
        ? html`<button
            type="button"
            class="secondary"
            part="more-button"
            aria-label=${this.t('activity.more-label')}
            aria-disabled=${s.more ? 'true' : 'false'}
            @click=${() => void this.more()}
          >
            ${s.more
              ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                    'activity.loading-more',
                  )}`
              : this.t('activity.more')}
          </button>`
        : nothing}`;
  }

  protected renderEntry(e: ActivityEntry): TemplateResult {
    const failed = e.outcome === 'failure' && !e.type.endsWith('-failed');
    return html`<li part="entry" tabindex="-1" data-type=${e.type} data-outcome=${e.outcome}>
      <span class="what">${this.describe(e)}</span>${failed
        ? html`<span class="failed">${this.t('activity.failed')}</span>`
        : nothing}
      <time datetime=${new Date(e.at).toISOString()}>${this.formatDateTime(e.at)}</time>
      ${e.actor.name
        ? html`<span class="who">${this.t('activity.by', { name: e.actor.name })}</span>`
        : nothing}
      ${e.reason
        ? html`<span class="why">${this.t('activity.reason', { reason: e.reason })}</span>`
        : nothing}
    </li>`;
  }
}
