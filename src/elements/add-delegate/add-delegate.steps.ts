/**
 * What `<pep-add-delegate>` needs only once the user has acted: the field checks
 * (`validateDelegateInput`, shared with the backends), the mobile number's formatting on blur,
 * and the confirmation step (Delegate was added, Finish) with its English. Not part of what a
 * host loads first: the element fetches this module once its form has rendered, and Create
 * Delegate waits for it before it checks the fields and creates the delegate.
 */
import { html, type TemplateResult } from 'lit';
import type { DelegateSummary } from '../../adapter/types.js';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import type { PepAddDelegate } from './add-delegate.component.js';

export { validateDelegateInput } from '../../core/delegate-input.js';
export { formatUsMobile, normalizeUsMobile } from '../../core/phone.js';
export { addDelegateDoneEn } from './add-delegate.done.messages.js';
// The messages of the person fields' checks, which come with this chunk.
export { personEn } from '../../i18n/person.en.js';

export function renderDone(el: PepAddDelegate, delegate: DelegateSummary): TemplateResult {
  return html`${stepHeading(el.t('add-delegate.done-title'))} ${errorRegion({ message: null })}
    <p class="success" part="success">
      ${el.t('add-delegate.done-text', {
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
        @click=${() => el.emit('pep-delegate-finish', { delegate })}
      >
        ${el.t('add-delegate.finish')}
      </button>
    </div>`;
}
