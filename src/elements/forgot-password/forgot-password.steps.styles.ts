import { css } from 'lit';

/** The styles of the steps after Find Account (added with them: `forgot-password.steps.ts`). */
export const forgotPasswordStepsStyles = css`
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
`;
