import { css } from 'lit';

/**
 * Styles of the list of `<pep-my-delegates>`, loaded with it (`my-delegates.steps.ts`) and added
 * after the element's own styles.
 */
export const myDelegatesListStyles = css`
  .delegates {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .delegate {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-2);
  }
  .delegate h3 {
    margin: 0;
    font-size: var(--_font-size);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    font-size: var(--_font-size-sm);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: 600;
  }
  .status[data-status='locked'] {
    color: var(--_error);
  }
  .status[data-status='active'] {
    color: var(--_success);
  }
`;
