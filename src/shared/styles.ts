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
