import { html, type TemplateResult } from 'lit';

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

/** Styles for {@link rememberDevice}: the chunk rendering the row adds them (`addLaterStyles`). */
export { rememberDeviceStyles } from './remember-device.styles.js';
