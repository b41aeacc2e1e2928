import { css } from 'lit';

export const typingPatternStyles = css`
  .sample {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    background: var(--_highlight);
    border-radius: var(--_radius);
    font-size: var(--_font-size-lg);
    line-height: 1.4;
    user-select: none;
    -webkit-user-select: none;
  }
  .sample mark {
    background: transparent;
    color: inherit;
  }
  .sample-label {
    margin: 0 0 var(--_space-1);
    font-weight: 600;
  }
  .progress {
    margin: 0;
    font-weight: 600;
  }
  .dots {
    display: inline-flex;
    gap: var(--_space-1);
    margin-inline-start: var(--_space-2);
    vertical-align: middle;
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    border: 2px solid var(--_primary);
  }
  .dot[data-done] {
    background: var(--_primary);
  }
  .status:empty {
    display: none;
  }
  .note {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }
`;
