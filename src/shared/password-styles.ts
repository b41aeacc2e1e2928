import { css } from 'lit';

/**
 * Styles of the password fields (`passwordField`: the Show password toggle, the rules checklist).
 * Only the elements that show a password field add them, after `sharedStyles`. A module of its
 * own: a `css` literal is kept in a bundle even when unused, so elements without a password
 * field would carry these rules if they were in `styles.ts`.
 */
export const passwordStyles = css`
  .toggle {
    flex: none;
    padding: 0 var(--_space-3);
    font-size: var(--_font-size-sm);
  }
  .toggle[aria-pressed='true'] {
    background: var(--_surface-alt);
  }
  .checklist {
    font-size: var(--_font-size-sm);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .checklist-title {
    font-weight: 600;
    margin: var(--_space-1) 0;
  }
  .checklist ul {
    list-style: none;
    margin: 0 0 var(--_space-2);
    padding: 0;
  }
  .checklist li {
    display: flex;
    gap: var(--_space-2);
  }
  .checklist .mark {
    flex: none;
    width: 1em;
    text-align: center;
    color: var(--_muted);
  }
  .checklist li[data-met='true'] .mark {
    color: var(--_success);
    font-weight: 700;
  }
  .checklist .mark.failed {
    color: var(--_error);
    font-weight: 700;
  }
`;
