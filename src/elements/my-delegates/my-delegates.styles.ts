import { css } from 'lit';

export const myDelegatesStyles = css`
  :host {
    --_list-max-width: var(--pep-my-delegates-max-width, 56rem);
  }
  .card {
    max-width: var(--_list-max-width);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--_space-3);
  }
  .toolbar h2 {
    margin: 0;
  }
  dialog {
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
  }
  dialog::backdrop {
    background: var(--pep-color-backdrop, rgb(0 0 0 / 0.5));
  }
  dialog pep-add-delegate {
    --pep-max-width: 100%;
  }
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
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    font-size: var(--_font-size-sm);
  }
  dt {
    color: var(--_muted);
  }
  /* Emails wrap after "@" or before a dot (<wbr>), mid-word only as a last resort. */
  dd {
    margin: 0;
    overflow-wrap: break-word;
  }
  .phone {
    white-space: nowrap;
  }
  .status {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .confirm {
    padding: var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .confirm p {
    margin: 0 0 var(--_space-2);
    font-weight: var(--_font-weight-strong);
  }
  .status[data-status='locked'],
  .status[data-status='deactivated'] {
    color: var(--_error);
  }
  .status[data-status='active'] {
    color: var(--_success);
  }
`;
