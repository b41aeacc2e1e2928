import { css } from 'lit';

/** The styles of the steps after Find Account (added with them: `create-password.steps.ts`). */
export const createPasswordStyles = css`
  a.primary {
    display: inline-flex;
    align-items: center;
    min-height: var(--_control-height);
    padding: 0 var(--_space-4);
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    font-weight: 600;
    text-decoration: none;
  }
  .resend {
    margin: 0;
  }
  .notice:empty {
    display: none;
  }
`;
