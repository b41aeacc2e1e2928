import { css, html, type TemplateResult } from 'lit';

export interface RememberDeviceOptions {
  checked: boolean;
  disabled?: boolean;
  /** Whether the explanation tooltip is shown. */
  tipOpen: boolean;
  onChange: (checked: boolean) => void;
  onTip: (open: boolean) => void;
  label: string;
  /** Accessible name of the info button. */
  infoLabel: string;
  tip: string;
}

/**
 * The "Remember this device for 30 days" check box with an info button and its tooltip
 * (`role="tooltip"`, referenced by `aria-describedby` from both the box and the button, so the
 * explanation is read even while it is not shown). The tooltip opens on hover or focus of the
 * button, toggles on click, and Escape closes it. Parts: `remember`, `tooltip-button`, `tooltip`.
 * Used by `<pep-verify-account>` (code step) and `<pep-typing-pattern>` (verify mode); each
 * lists {@link rememberDeviceStyles} in its static styles.
 */
export function rememberDevice(o: RememberDeviceOptions): TemplateResult {
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && o.tipOpen) {
      e.stopPropagation();
      o.onTip(false);
    }
  };
  // A tooltip is named by its content (ARIA "name from contents"); an aria-label would replace
  // the description that the box and the button read from it.
  /* eslint-disable lit-a11y/accessible-name */
  const tooltip = html`<span
    id="remember-tip"
    role="tooltip"
    part="tooltip"
    class="tooltip"
    ?hidden=${!o.tipOpen}
    >${o.tip}</span
  >`;
  /* eslint-enable lit-a11y/accessible-name */
  return html`<div class="remember" part="remember" @keydown=${onKeydown}>
    <label class="choice" for="remember">
      <input
        id="remember"
        name="remember"
        type="checkbox"
        .checked=${o.checked}
        ?disabled=${o.disabled ?? false}
        aria-describedby="remember-tip"
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <span>${o.label}</span>
    </label>
    <span class="tip-anchor" @mouseenter=${() => o.onTip(true)} @mouseleave=${() => o.onTip(false)}>
      <button
        type="button"
        class="info"
        part="tooltip-button"
        aria-label=${o.infoLabel}
        aria-describedby="remember-tip"
        aria-expanded=${o.tipOpen ? 'true' : 'false'}
        @click=${() => o.onTip(!o.tipOpen)}
        @focus=${() => o.onTip(true)}
        @blur=${() => o.onTip(false)}
      >
        <span aria-hidden="true">i</span>
      </button>
      ${tooltip}
    </span>
  </div>`;
}

/** Styles for {@link rememberDevice}. */
export const rememberDeviceStyles = css`
  .remember {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
  }
  .tip-anchor {
    position: relative;
    display: inline-flex;
  }
  .info {
    min-height: 24px;
    min-width: 24px;
    width: 1.5rem;
    height: 1.5rem;
    padding: 0;
    border-radius: 50%;
    font-size: var(--_font-size-sm);
    font-style: italic;
    font-family: Georgia, serif;
    background: var(--_surface);
    color: var(--_primary);
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    inset-inline-end: 0;
    top: calc(100% + var(--_space-1));
    width: min(18rem, 80vw);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_surface);
    font-size: var(--_font-size-sm);
    box-shadow: var(--_shadow);
  }
  .tooltip[hidden] {
    display: none;
  }
  @media (forced-colors: active) {
    .tooltip {
      border: 1px solid CanvasText;
    }
  }
`;
