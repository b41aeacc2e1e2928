import { css } from 'lit';

export const delegateAdminStyles = css`
  .card {
    max-width: var(--pep-delegate-admin-max-width, 56rem);
  }
  form[role='search'] {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    margin-bottom: var(--_space-3);
  }
  form[role='search'] .field {
    width: 100%;
  }
  .results-title,
  section h3 {
    margin: var(--_space-3) 0 var(--_space-2);
    font-size: var(--_font-size);
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .result {
    display: grid;
    gap: var(--_space-1);
    width: 100%;
    text-align: start;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .result:hover {
    background: var(--_surface-alt);
  }
  .result-name {
    font-weight: var(--_font-weight-strong);
  }
  .result-facts {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }
  .back {
    margin-bottom: var(--_space-2);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: var(--_font-weight-strong);
  }
  .status[data-status='locked'],
  .status[data-status='deactivated'] {
    color: var(--_error);
  }
  .status[data-status='active'] {
    color: var(--_success);
  }
  .actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .actions button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .confirm {
    margin-top: var(--_space-3);
    padding: var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .confirm-text {
    margin-top: 0;
    font-weight: var(--_font-weight-strong);
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_input-radius);
    padding: var(--_space-2);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
`;
