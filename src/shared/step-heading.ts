import { html, nothing, type TemplateResult } from 'lit';

/**
 * The heading of a flow step: `<h2 data-step-heading tabindex="-1" part="step-heading">`, the
 * target of `PepElement.focusHeading()`. `stepOf` is the translated "Step N of 4" line, shown
 * above the title inside the heading so that it is read with it ("Step 4 of 4 Create New
 * Password").
 */
export function stepHeading(title: string, stepOf?: string): TemplateResult {
  return html`<h2 data-step-heading tabindex="-1" part="step-heading">
    ${stepOf ? html`<span class="step-of">${stepOf}</span>${' '}` : nothing}${title}
  </h2>`;
}
