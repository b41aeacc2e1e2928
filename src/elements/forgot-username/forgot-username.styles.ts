import { css } from 'lit';

export const forgotUsernameStyles = css`
  .countdown {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .note {
    color: var(--_muted);
  }
  .status:empty {
    margin: 0;
  }
  .footer-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin-top: var(--_space-3);
  }
`;
