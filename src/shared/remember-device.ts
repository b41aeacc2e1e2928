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
 * explanation is read even while it is not shown). A toggletip: a click, a tap, Enter or Space
 * on the button opens it and keeps it open (`aria-expanded`), the next one closes it; Escape or
 * leaving the button closes it. Hovering with a mouse or focusing the button also shows it, for
 * as long as the pointer or the focus stays (a click then keeps it open: no hover-and-click
 * fight; a touch never counts as hovering). Parts: `remember`, `tooltip-button`, `tooltip`.
 * Used by `<pep-verify-account>` (code step) and `<pep-typing-pattern>` (verify mode); each
 * lists {@link rememberDeviceStyles} in its static styles.
 */
export function rememberDevice(o: RememberDeviceOptions): TemplateResult {
  // Kept open by a click: `data-pinned` on the row (the caller holds only `tipOpen`).
  const row = (e: Event) => (e.currentTarget as Element).closest('.remember')!;
  const pinned = (e: Event) => o.tipOpen && row(e).hasAttribute('data-pinned');
  const tip = (e: Event, open: boolean, pin = false) => {
    row(e).toggleAttribute('data-pinned', pin);
    o.onTip(open);
  };
  const hover = (e: PointerEvent, open: boolean) => {
    if (e.pointerType === 'mouse' && !pinned(e)) tip(e, open);
  };
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && o.tipOpen) {
      e.stopPropagation();
      tip(e, false);
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
    <span
      class="tip-anchor"
      @pointerenter=${(e: PointerEvent) => hover(e, true)}
      @pointerleave=${(e: PointerEvent) => hover(e, false)}
    >
      <button
        type="button"
        class="info"
        part="tooltip-button"
        aria-label=${o.infoLabel}
        aria-describedby="remember-tip"
        aria-controls="remember-tip"
        aria-expanded=${o.tipOpen ? 'true' : 'false'}
        @click=${(e: Event) => {
          const open = !pinned(e);
          tip(e, open, open);
        }}
        @focus=${(e: Event) => !o.tipOpen && tip(e, true)}
        @blur=${(e: Event) => tip(e, false)}
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
