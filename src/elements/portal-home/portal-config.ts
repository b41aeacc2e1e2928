/**
 * Host configuration of `<pep-portal-home>`: every name, link, contact and resource group on the
 * landing page comes from here, never from the element's code.
 */
import type { Capabilities } from '../../adapter/types.js';

/** A capability a link needs (from the session's `capabilities`). */
type PortalCapability = Exclude<keyof Capabilities, 'manageDelegates' | 'helpDesk'>;

/**
 * A configured text: one string for every language, or one per language, shown in the widget's
 * active language (`lang`, see docs/languages.md) and in English when it has none for it:
 * `{ en: 'Need help?', es: '¿Necesita ayuda?' }`.
 */
export type PortalText = string | { en: string; es?: string };

export interface PortalLink {
  /** Visible text, e.g. "Off-Exchange Quote & Enroll". */
  label: PortalText;
  href: string;
  /** Short line under the link. */
  description?: PortalText;
  /** Opens in a new tab (with `rel="noopener noreferrer"`). */
  external?: boolean;
  /**
   * The link is offered only when the session has this capability; otherwise it is shown as
   * not available, with {@link unavailableNote} or the element's message
   * `portal-home.unavailable.<capability>` as the explanation.
   */
  requires?: PortalCapability;
  /** Explanation shown when {@link requires} is missing (overrides the default message). */
  unavailableNote?: PortalText;
}

export interface PortalLinkGroup {
  /** Unique id (used for heading ids). */
  id: string;
  title: PortalText;
  links: PortalLink[];
}

export interface PortalContact {
  kind: 'email' | 'phone';
  /** Introduction, e.g. "Email" or "Call us at". */
  label: PortalText;
  /** The address or number. */
  value: string;
  /** Extra words, e.g. opening hours. */
  note?: PortalText;
}

export interface PortalConfig {
  /** Shown in the header, e.g. "Producer Experience Portal". */
  portalName: PortalText;
  /** Welcome banner title, e.g. "Welcome to Producer Experience Portal". */
  welcomeTitle: PortalText;
  /** Welcome banner line. */
  welcomeText?: PortalText;
  /** Title of the contacts box, e.g. "Need help?". */
  helpTitle: PortalText;
  contacts: PortalContact[];
  /** The "Quick Links" group. */
  quickLinks: PortalLinkGroup;
  /** Further groups, e.g. "Individual & Family ACA Resources", "Medicare Resources". */
  resourceGroups: PortalLinkGroup[];
  /** What the Quote & Enroll view offers (quoting, enrollment SSOs), gated by capabilities. */
  quoteEnroll: PortalLink[];
  /** Where "Report an Issue" goes; not shown when absent. */
  reportIssueHref?: string;
  /** Footer line (legal notice), optional. */
  footerText?: PortalText;
}
