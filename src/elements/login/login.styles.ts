import { css } from 'lit';

export const loginStyles = css`
  /* The Log In layout around the slotted light-DOM form, spaced as the form itself. */
  .form {
    display: grid;
    gap: var(--_space-3);
  }
  .form > * {
    min-width: 0;
  }
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
