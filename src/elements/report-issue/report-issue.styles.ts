import { css } from 'lit';

export const reportIssueStyles = css`
  .card {
    max-width: var(--pep-report-issue-max-width, 40rem);
  }
  .row {
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  input[type='file'] {
    font: inherit;
  }
  /* The control-height target on the button itself: the field is as tall as what it shows. */
  input[type='file']::file-selector-button {
    font: inherit;
    min-height: var(--_control-height);
    margin-inline-end: var(--_space-3);
    padding: 0 var(--_space-3);
    color: var(--_primary);
    background: var(--_surface);
    border: var(--_border-width) solid var(--_primary);
    border-radius: var(--_button-radius);
    cursor: pointer;
  }
  input[type='file'][aria-invalid='true']::file-selector-button {
    border: 2px solid var(--_error);
  }
  .preview {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .preview img {
    max-width: 12rem;
    max-height: 8rem;
    object-fit: contain;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .footer-links {
    margin: var(--_space-3) 0 0;
  }
  .ticket {
    font-size: var(--_font-size-lg);
    font-weight: 700;
  }
`;
