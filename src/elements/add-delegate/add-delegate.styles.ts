import { css } from 'lit';

export const addDelegateStyles = css`
  .intro {
    margin-bottom: var(--_space-3);
  }
  .names {
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  }
  .states {
    display: grid;
    gap: var(--_space-1) var(--_space-3);
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }
`;
