import { css } from 'lit';

/**
 * Find Account's and the frame's styles (those of the later steps come with them:
 * `forgot-password.steps.styles.ts`).
 */
export const forgotPasswordStyles = css`
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
