/**
 * Host configuration of `<pep-portal-home>`: every name, link, contact and resource group on the
 * landing page comes from here, never from the element's code.
 */
import type { Capabilities } from '../../adapter/types.js';

/** A capability a link needs (from the session's `capabilities`). */
type PortalCapability = Exclude<keyof Capabilities, 'manageDelegates' | 'helpDesk'>;

export interface PortalLink {
  /** Visible text, e.g. "Off-Exchange Quote & Enroll". */
  label: string;
  href: string;
  /** Short line under the link. */
  description?: string;
  /** Opens in a new tab (with `rel="noopener noreferrer"`). */
  external?: boolean;
  /**
   * The link is offered only when the session has this capability; otherwise it is shown as
   * not available, with {@link unavailableNote} or the element's message
   * `portal-home.unavailable.<capability>` as the explanation.
   */
  requires?: PortalCapability;
  /** Explanation shown when {@link requires} is missing (overrides the default message). */
  unavailableNote?: string;
}

export interface PortalLinkGroup {
  /** Unique id (used for heading ids). */
  id: string;
  title: string;
  links: PortalLink[];
}

export interface PortalContact {
  kind: 'email' | 'phone';
  /** Introduction, e.g. "Email" or "Call us at". */
  label: string;
  /** The address or number. */
  value: string;
  /** Extra words, e.g. opening hours. */
  note?: string;
}

export interface PortalConfig {
  /** Shown in the header, e.g. "Producer Experience Portal". */
  portalName: string;
  /** Welcome banner title, e.g. "Welcome to Producer Experience Portal". */
  welcomeTitle: string;
  /** Welcome banner line. */
  welcomeText?: string;
  /** Title of the contacts box, e.g. "Need help?". */
  helpTitle: string;
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
  footerText?: string;
}
