import { css } from 'lit';

/** The styles of `<pep-create-password>` and `<pep-forgot-password>` (`PasswordFlowElement`). */
export const passwordFlowStyles = css`
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
  .note,
  .countdown {
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }
  .masked {
    color: var(--_muted);
  }
  .footer-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: var(--_space-3) 0 0;
  }
`;
