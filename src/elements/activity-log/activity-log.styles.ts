import { css } from 'lit';

export const activityLogStyles = css`
  :host {
    display: block;
    background: var(--_surface);
    margin-block-start: var(--pep-activity-log-gap, var(--_space-4));
  }
  h2,
  h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size);
  }
  ol {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  li {
    border-inline-start: 3px solid var(--pep-activity-log-rule, var(--_border));
    padding-inline-start: var(--_space-2);
  }
  li[data-outcome='failure'] {
    border-inline-start-color: var(--_error);
  }
  .what {
    font-weight: var(--_font-weight-strong);
  }
  .failed {
    color: var(--_error);
    font-size: var(--_font-size-sm);
    margin-inline-start: var(--_space-2);
  }
  time,
  .who,
  .why {
    display: block;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }
`;
