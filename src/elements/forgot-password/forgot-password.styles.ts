import { css } from 'lit';

export const forgotPasswordStyles = css`
  .resend {
    margin: 0;
  }
  .countdown {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }
  .masked {
    color: var(--_muted);
  }
  .note {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }
  .footer-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: var(--_space-3) 0 0;
  }
`;
