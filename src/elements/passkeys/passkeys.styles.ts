import { css } from 'lit';

export const passkeysStyles = css`
  :host {
    --_list-max-width: var(--pep-passkeys-max-width, 40rem);
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
    margin-bottom: var(--_space-2);
  }
  .toolbar h2 {
    margin: 0;
  }
  .intro {
    color: var(--_muted);
  }
  .passkeys {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .passkey {
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-2);
  }
  .passkey h3 {
    margin: 0;
    font-size: var(--_font-size);
    overflow-wrap: anywhere;
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
  .actions {
    flex-wrap: wrap;
  }
  .confirm {
    border-inline-start: 4px solid var(--pep-passkeys-danger, var(--_error));
    padding-inline-start: var(--_space-3);
  }
  .confirm p:focus {
    outline: none;
  }
  .danger {
    background: var(--pep-passkeys-danger, var(--_error));
    border-color: var(--pep-passkeys-danger, var(--_error));
    color: var(--pep-passkeys-on-danger, var(--_surface));
    font-weight: 600;
  }
`;
