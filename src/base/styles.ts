import { css } from 'lit';

/**
 * Design tokens with defaults. Every colour, font, radius and spacing a widget uses comes from a
 * `--pep-*` custom property, so a host re-themes by setting them on any ancestor (custom
 * properties inherit into shadow roots). Component tokens (`--pep-button-radius`,
 * `--pep-card-padding`, …) fall back to the system tokens (`--pep-radius`, `--pep-space-4`, …).
 * Dark defaults apply with `prefers-color-scheme: dark` (unless `theme="light"`) or with
 * `theme="dark"` on the element or an ancestor (mirrored as `data-pep-theme` by
 * `ThemeController`; the element's own `theme` wins); a host's `--pep-color-*` values win in all.
 *
 * The host resets inherited CSS (`all: initial`), so page styles such as `text-transform`,
 * `letter-spacing`, `white-space` or `line-height` on an ancestor cannot leak in and break the
 * layout; only `--pep-*` tokens, `visibility` and `direction` come from the page.
 * `docs/theming.md` is generated from this block (`npm run docs:theming`): keep one token per line.
 */
export const tokens = css`
  :host {
    all: initial;
    visibility: inherit;
    pointer-events: inherit;

    --_primary: var(--pep-color-primary, #0b5cab);
    --_primary-hover: var(--pep-color-primary-hover, #084a8c);
    --_on-primary: var(--pep-color-on-primary, #ffffff);
    --_text: var(--pep-color-text, #1c2430);
    --_muted: var(--pep-color-text-muted, #4d5866);
    --_surface: var(--pep-color-surface, #ffffff);
    --_surface-alt: var(--pep-color-surface-alt, #f3f6f9);
    --_border: var(--pep-color-border, #8a96a3);
    --_error: var(--pep-color-error, #b3261e);
    --_error-bg: var(--pep-color-error-surface, #fdecea);
    --_success: var(--pep-color-success, #1e7b34);
    --_success-bg: var(--pep-color-success-surface, #e7f5ea);
    --_focus: var(--pep-color-focus, #0b5cab);
    --_highlight: var(--pep-color-highlight, #fff3c4);
    color-scheme: light;
    --_font: var(--pep-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--pep-font-size, 1rem);
    --_font-size-sm: var(--pep-font-size-small, 0.875rem);
    --_font-size-lg: var(--pep-font-size-large, 1.375rem);
    --_font-weight-strong: var(--pep-font-weight-strong, 600);
    --_line-height: var(--pep-line-height, 1.5);
    --_radius: var(--pep-radius, 6px);
    --_space-1: var(--pep-space-1, 0.25rem);
    --_space-2: var(--pep-space-2, 0.5rem);
    --_space-3: var(--pep-space-3, 1rem);
    --_space-4: var(--pep-space-4, 1.5rem);
    --_control-height: var(--pep-control-height, 2.75rem);
    --_border-width: var(--pep-border-width, 1px);
    --_focus-width: var(--pep-focus-ring-width, 3px);
    --_focus-offset: var(--pep-focus-ring-offset, 2px);
    --_shadow: var(--pep-shadow, 0 1px 3px rgb(0 0 0 / 0.12), 0 4px 16px rgb(0 0 0 / 0.06));
    --_max-width: var(--pep-max-width, 28rem);
    --_button-radius: var(--pep-button-radius, var(--_radius));
    --_button-padding-inline: var(--pep-button-padding-inline, var(--_space-4));
    --_input-radius: var(--pep-input-radius, var(--_radius));
    --_card-radius: var(--pep-card-radius, var(--_radius));
    --_card-padding: var(--pep-card-padding, var(--_space-4));
    --_card-shadow: var(--pep-card-shadow, var(--_shadow));
    --_card-background: var(--pep-card-background, var(--_surface));

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    text-align: start;
    overflow-wrap: break-word;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([data-pep-theme='light'])) {
      --_primary: var(--pep-color-primary, #7db7f5);
      --_primary-hover: var(--pep-color-primary-hover, #a6cdf8);
      --_on-primary: var(--pep-color-on-primary, #0b1b2e);
      --_text: var(--pep-color-text, #e6ebf0);
      --_muted: var(--pep-color-text-muted, #b2bcc7);
      --_surface: var(--pep-color-surface, #161b22);
      --_surface-alt: var(--pep-color-surface-alt, #1f2630);
      --_border: var(--pep-color-border, #7d8894);
      --_error: var(--pep-color-error, #ffb4ab);
      --_error-bg: var(--pep-color-error-surface, #3b1512);
      --_success: var(--pep-color-success, #8fd89f);
      --_success-bg: var(--pep-color-success-surface, #10301a);
      --_focus: var(--pep-color-focus, #7db7f5);
      --_highlight: var(--pep-color-highlight, #4a3f12);
      color-scheme: dark;
    }
  }
  :host([theme='dark']),
  :host([data-pep-theme='dark']:not([theme='light'])) {
    --_primary: var(--pep-color-primary, #7db7f5);
    --_primary-hover: var(--pep-color-primary-hover, #a6cdf8);
    --_on-primary: var(--pep-color-on-primary, #0b1b2e);
    --_text: var(--pep-color-text, #e6ebf0);
    --_muted: var(--pep-color-text-muted, #b2bcc7);
    --_surface: var(--pep-color-surface, #161b22);
    --_surface-alt: var(--pep-color-surface-alt, #1f2630);
    --_border: var(--pep-color-border, #7d8894);
    --_error: var(--pep-color-error, #ffb4ab);
    --_error-bg: var(--pep-color-error-surface, #3b1512);
    --_success: var(--pep-color-success, #8fd89f);
    --_success-bg: var(--pep-color-success-surface, #10301a);
    --_focus: var(--pep-color-focus, #7db7f5);
    --_highlight: var(--pep-color-highlight, #4a3f12);
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Shared form layout: card, fields, buttons, links, alerts, checklists. */
export const formStyles = css`
  .card {
    max-width: var(--_max-width);
    margin: 0 auto;
    padding: var(--_card-padding);
    background: var(--_card-background);
    border-radius: var(--_card-radius);
    box-shadow: var(--_card-shadow);
  }
  h2,
  h3 {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-lg);
    line-height: 1.25;
  }
  [data-step-heading]:focus,
  .error-region:focus {
    outline: none;
  }
  [data-step-heading]:focus-visible,
  .error-region:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .step-of {
    display: block;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    font-weight: normal;
    margin-bottom: var(--_space-1);
  }
  p {
    margin: 0 0 var(--_space-3);
  }
  form {
    display: grid;
    gap: var(--_space-3);
  }
  .field {
    display: grid;
    gap: var(--_space-1);
    min-width: 0;
  }
  /* Reflow at 320 px: grid items may shrink below their content's intrinsic width. */
  form > *,
  .card > *,
  .field > * {
    min-width: 0;
  }
  input,
  select,
  textarea,
  img {
    max-width: 100%;
  }
  label,
  legend {
    font-weight: var(--_font-weight-strong);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='password'],
  input[type='datetime-local'],
  input:not([type]),
  select,
  textarea {
    width: 100%;
    min-height: var(--_control-height);
    padding: var(--_space-2) var(--_space-3);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_input-radius);
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: var(--_focus-offset);
  }
  /* As specific as \`input[type='text']\` (and later), so it wins: the border says it too. */
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: calc(var(--_border-width) + 1px);
  }
  .hint {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    margin: 0;
  }
  .field-error {
    color: var(--_error);
    font-size: var(--_font-size-sm);
    margin: 0;
    font-weight: 600;
  }
  .field-error:empty {
    display: none;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    font-weight: normal;
    min-height: 24px;
  }
  /* 24 × 24 px targets (WCAG 2.5.8) for check boxes and radio buttons. */
  .choice input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: var(--_control-height);
    min-width: 24px;
    padding: 0 var(--_button-padding-inline);
    border-radius: var(--_button-radius);
    border: var(--_border-width) solid var(--_primary);
    font-weight: var(--_font-weight-strong);
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .primary:hover:not([aria-disabled='true']):not(:disabled) {
    background: var(--_primary-hover);
  }
  .secondary {
    background: transparent;
    color: var(--_primary);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link {
    background: none;
    border: 0;
    padding: 0;
    min-height: 24px;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: normal;
  }
  a {
    color: var(--_primary);
  }
  .alert {
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_error);
    background: var(--_error-bg);
    color: var(--_text);
  }
  .alert:empty {
    display: none;
  }
  .success {
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_success);
    background: var(--_success-bg);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-end: var(--_space-2);
    vertical-align: -0.125em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: pep-spin 0.8s linear infinite;
  }
  @keyframes pep-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    /* Keep a slow spinner (it is the only sign of work in progress); no other motion. */
    .spinner {
      animation-duration: 2.4s;
    }
    *:not(.spinner) {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* Windows High Contrast and other forced-colour modes: system colours, visible boundaries. */
  @media (forced-colors: active) {
    .primary {
      border: 2px solid ButtonText;
    }
    .card {
      border: 1px solid CanvasText;
    }
    .alert,
    .success {
      border: 1px solid CanvasText;
    }
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    button:focus-visible,
    a:focus-visible,
    [data-step-heading]:focus-visible {
      outline-color: Highlight;
    }
    button:disabled,
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    .link,
    a {
      color: LinkText;
    }
    :is(input, select, textarea)[aria-invalid='true'] {
      border-style: double;
      border-width: 3px;
    }
    .spinner {
      border-color: CanvasText;
      border-inline-end-color: transparent;
    }
  }
`;
