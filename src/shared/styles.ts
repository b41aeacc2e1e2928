import { css } from 'lit';

/**
 * Styles for the shared building blocks (input row, error region).
 * Add after `tokens, formStyles`: `static styles = [tokens, formStyles, sharedStyles, css\`…\`]`.
 */
export const sharedStyles = css`
  /* On a phone the input keeps a usable width: what follows it (Show password) wraps below. */
  .input-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: stretch;
  }
  .input-row input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .error-region .alert {
    margin-bottom: var(--_space-3);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: baseline;
  }
  .error-region .retry {
    font-weight: 600;
  }
`;
