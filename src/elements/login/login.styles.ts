import { css } from 'lit';

export const loginStyles = css`
  .forgot {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin: var(--_space-3) 0 0;
    padding: 0;
    list-style: none;
  }
  .forgot a,
  .forgot .link {
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
  }
  .primary {
    width: 100%;
  }
`;
