import { css } from 'lit';

/**
 * What `<pep-portal-home>` shows before its signed-in page: loading, a failure, signed out. The
 * signed-in page's styles come with it (`portal-home.page.styles.ts`).
 */
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
`;
