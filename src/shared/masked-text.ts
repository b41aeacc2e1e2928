import { css, html, type TemplateResult } from 'lit';
import { maskParts } from '../core/mask.js';
import type { MessageParams } from '../i18n/format.js';

/** Give this as a message's `{masked}`; {@link maskedText} puts the mask in its place. */
export const MASK_SLOT = '\uE000';

/** What translates the spoken form (a `PepElement`). */
interface Words {
  t(key: string, params?: MessageParams): string;
}

/**
 * A mask as a screen reader should say it ("the mobile number ending in 0 1 0 1"), from
 * `mask.email` / `mask.phone`; `null` for a mask of another shape.
 */
function spokenMask(masked: string, words: Words): string | null {
  const p = maskParts(masked);
  if (!p) return null;
  if (p.kind === 'phone') return words.t('mask.phone', { digits: [...p.last4].join(' ') });
  return p.tld ? words.t('mask.email', { local: p.local, domain: p.domain, tld: p.tld }) : null;
}

/**
 * `text`, a translated message whose `{masked}` was {@link MASK_SLOT}, with the mask in that
 * place. A mask of a known shape (`j•••@e•••.com`, `•••-•••-0101`) is shown but hidden from
 * assistive technology, which reads its spoken form instead (no "bullet bullet bullet"), and
 * never breaks (it is short: `•••-` then `•••-0101` on two lines reads as two numbers). Another
 * mask (an adapter's own, longer one) breaks only where it would not fit a line alone, so it never
 * makes a phone screen scroll. Needs {@link maskStyles} and `.visually-hidden` (formStyles).
 */
export function maskedText(text: string, masked: string, words: Words): TemplateResult {
  const spoken = spokenMask(masked, words);
  const mask = spoken
    ? html`<span class="mask"
        ><span class="mask-shown" aria-hidden="true">${masked}</span
        ><span class="visually-hidden">${spoken}</span></span
      >`
    : html`<span class="mask">${masked}</span>`;
  const [first, ...rest] = text.split(MASK_SLOT);
  return html`${first}${rest.map((after) => html`${mask}${after}`)}`;
}

/** The styles {@link maskedText} needs. */
export const maskStyles = css`
  .mask {
    overflow-wrap: anywhere;
  }
  .mask-shown {
    white-space: nowrap;
  }
`;
