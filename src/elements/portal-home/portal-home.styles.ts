import { css } from 'lit';

export const portalHomeStyles = css`
  .page {
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }
  .content {
    display: grid;
    /* One column as wide as the page: a long word or table cannot widen it past a phone. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    padding: var(--_space-4);
  }
  h1 {
    margin: 0 0 var(--_space-2);
    font-size: calc(var(--_font-size-lg) * 1.3);
    line-height: 1.2;
  }
  .error-region {
    padding: 0 var(--_space-4);
  }
  .error-region:empty {
    display: none;
  }
  /* Stand-alone links are at least 24 px tall (WCAG 2.5.8 target size). */
  a[part~='link'] {
    display: inline-block;
    min-height: 24px;
    min-width: 24px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-4);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .portal-name {
    font-weight: 700;
    font-size: var(--_font-size-lg);
    color: var(--_primary);
    flex: 1 1 8rem;
  }
  /* Row 1: portal name, user menu; row 2: the navigation (as in the DOM, at any width). */
  nav {
    flex-basis: 100%;
  }
  nav ul,
  .menu,
  .links,
  .contacts {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .nav-item {
    background: transparent;
    color: var(--_primary);
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    padding: 0 var(--_space-3);
  }
  .nav-item[aria-current='page'] {
    border-bottom-color: var(--_primary);
    color: var(--_text);
  }
  .user-menu {
    position: relative;
    /* Right-aligned also when it wraps below the portal name (its menu opens leftwards). */
    margin-inline-start: auto;
  }
  .menu-button {
    background: transparent;
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .menu-button .caret {
    display: inline-block;
    margin-inline-start: var(--_space-2);
  }
  .menu {
    position: absolute;
    inset-inline-end: 0;
    top: calc(100% + var(--_space-1));
    z-index: 10;
    min-width: 12rem;
    padding: var(--_space-1);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .menu[hidden] {
    display: none;
  }
  .menu button {
    width: 100%;
    text-align: start;
    background: transparent;
    color: var(--_text);
    border: 0;
    font-weight: normal;
    padding: 0 var(--_space-3);
  }
  .menu button:hover {
    background: var(--_surface-alt);
  }
  .banner {
    padding: var(--_space-4);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .banner p {
    margin: 0;
  }
  .banner .greeting {
    margin-top: var(--_space-2);
    font-weight: 600;
  }
  .grid {
    display: grid;
    gap: var(--_space-4);
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
  }
  section.box {
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .links li,
  .contacts li {
    margin-bottom: var(--_space-2);
  }
  .links a {
    font-weight: 600;
  }
  .unavailable .label {
    font-weight: 600;
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    margin-inline-start: var(--_space-2);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-sm);
    color: var(--_text);
    background: var(--_surface-alt);
  }
  dl {
    display: grid;
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: break-word;
  }
  footer {
    padding: var(--_space-3) var(--_space-4);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }
  .idle-dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space-4);
    width: min(30rem, calc(100vw - 2rem));
    box-shadow: var(--_shadow);
  }
  .idle-dialog::backdrop {
    background: var(--pep-color-backdrop, rgb(0 0 0 / 0.5));
  }
  .idle-dialog h2 {
    margin: 0 0 var(--_space-2);
  }
`;
