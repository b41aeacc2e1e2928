import { css } from 'lit';

/**
 * Styles for the shared building blocks (input row, error region).
 * Add after `tokens, formStyles`: `static styles = [tokens, formStyles, sharedStyles, css\`…\`]`.
 */
export const sharedStyles = css`
  .input-row {
    display: flex;
    gap: var(--_space-2);
    align-items: stretch;
  }
  .input-row input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .error-region .alert {
    margin-bottom: var(--_space-3);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: baseline;
  }
  .error-region:focus {
    outline: none;
  }
  .error-region .retry {
    font-weight: 600;
  }
`;

/**
 * Styles of the password fields (`passwordField`: the Show password toggle, the rules checklist).
 * Only the elements that show a password field add them, after `sharedStyles`.
 */
export const passwordStyles = css`
  .toggle {
    flex: none;
    padding: 0 var(--_space-3);
    font-size: var(--_font-size-sm);
  }
  .toggle[aria-pressed='true'] {
    background: var(--_surface-alt);
  }
  .checklist {
    font-size: var(--_font-size-sm);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .checklist-title {
    font-weight: 600;
    margin: var(--_space-1) 0;
  }
  .checklist ul {
    list-style: none;
    margin: 0 0 var(--_space-2);
    padding: 0;
  }
  .checklist li {
    display: flex;
    gap: var(--_space-2);
  }
  .checklist .mark {
    flex: none;
    width: 1em;
    text-align: center;
    color: var(--_muted);
  }
  .checklist li[data-met='true'] .mark {
    color: var(--_success);
    font-weight: 700;
  }
`;
