import { css } from 'lit';

export const verifyEmailStyles = css`
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
  .actions + p {
    margin-top: var(--_space-4);
  }
  .help {
    color: var(--_muted);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
`;
