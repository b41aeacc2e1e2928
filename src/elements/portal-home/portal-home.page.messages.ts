/**
 * English of `<pep-portal-home>`'s signed-in page, loaded with it (`portal-home.page.ts`). Names,
 * links, contacts and resource groups are NOT here: they come from the host's `PortalConfig`.
 */
export const portalHomePageEn = {
  'portal-home.nav-label': 'Main',
  'portal-home.nav.home': 'Home',
  'portal-home.nav.hierarchy': 'My Hierarchy',
  'portal-home.nav.quote': 'Quote & Enroll',
  'portal-home.menu-button': 'User menu for {name}',
  'portal-home.menu.information': 'My Information',
  'portal-home.menu.logout': 'Logout',
  'portal-home.logging-out': 'Logging out…',
  'portal-home.logged-out': 'You have logged out.',
  'portal-home.report-issue': 'Report an Issue',
  'portal-home.information.title': 'My Information',
  'portal-home.information.name': 'Name',
  'portal-home.information.username': 'Username',
  'portal-home.information.email': 'Email',
  'portal-home.information.mobile': 'Mobile',
  'portal-home.information.states': 'States',
  'portal-home.information.role': 'Role',
  'portal-home.role.delegate': 'Delegate',
  'portal-home.role.producer': 'Producer',
  'portal-home.hierarchy.title': 'My Hierarchy',
  'portal-home.hierarchy.producer': 'Producer who added you',
  'portal-home.hierarchy.producer-id': 'Producer ID',
  'portal-home.hierarchy.no-producer': 'You are not a delegate of another producer.',
  'portal-home.hierarchy.states': 'States you are assigned',
  'portal-home.quote.title': 'Quote & Enroll',
  'portal-home.not-available': 'Not available to delegates',
  'portal-home.not-available-generic': 'Not available for your account',
  'portal-home.unavailable.quote': 'Quoting is not available for your account.',
  'portal-home.unavailable.onExchangeEnrollmentSso':
    'Delegate users will not be able to either Single Sign On (SSO) or directly sign in for Agent Assisted On Exchange Enrollment in IFM Shop and Enroll. Hence, they will not be able to do any On-Exchange (ACA) quoting and/or enrollment on that site. Delegate users may create quotes for on-exchange plans using the Quote feature in the {portal}.',
  'portal-home.unavailable.medicareQuotingSso':
    'Delegate users will not be able to Single Sign On (SSO) into Medicare Quoting & Enrollment system. However, this will be future capability.',
  'portal-home.new-tab': '(opens in a new tab)',
} as const;
