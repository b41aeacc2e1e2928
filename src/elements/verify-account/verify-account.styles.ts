import { css } from 'lit';

export const verifyAccountStyles = css`
  .option {
    display: grid;
    gap: 0;
  }
  .option .hint {
    margin-inline-start: calc(1.5rem + var(--_space-2));
  }
  .option input:disabled + span {
    color: var(--_muted);
  }
  .resend {
    margin: 0;
    font-size: var(--_font-size-sm);
  }
  .status:empty {
    display: none;
  }
`;
