import { css } from 'lit';

/** Styles for `rememberDevice` (remember-device.ts). */
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
