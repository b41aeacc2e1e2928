import type { Session } from '../../src/adapter/types.js';
import type { PortalConfig } from '../../src/elements/portal-home/portal-config.js';

export const delegateSession: Session = {
  user: {
    username: 'janedelegate',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@example.com',
    mobile: '+13125550101',
    states: ['IL', 'TX'],
    role: 'delegate',
    producer: {
      username: 'pat1234',
      firstName: 'Pat',
      lastName: 'Producer',
      producerId: 'P-000123',
    },
  },
  capabilities: {
    quote: true,
    onExchangeEnrollmentSso: false,
    medicareQuotingSso: false,
    manageDelegates: false,
    helpDesk: false,
  },
  issuedAt: 0,
  expiresAt: Date.now() + 3_600_000,
  idleExpiresAt: Date.now() + 3_600_000,
};

/** A configuration with names that appear nowhere in the element's code. */
export const testConfig: PortalConfig = {
  portalName: 'Test Portal Name',
  welcomeTitle: 'Welcome to Test Portal',
  welcomeText: 'Test welcome line.',
  helpTitle: 'Need help?',
  contacts: [
    { kind: 'email', label: 'Email:', value: 'help@example.test', note: '(preferred)' },
    { kind: 'phone', label: 'Call us at', value: '1-800-555-0199' },
  ],
  quickLinks: {
    id: 'quick',
    title: 'Quick Links',
    links: [{ label: 'Test Quick Link', href: 'https://quick.example.test/', external: true }],
  },
  resourceGroups: [
    {
      id: 'aca',
      title: 'Individual & Family ACA Resources',
      links: [
        { label: 'Off-Exchange Quote & Enroll', href: '/quote', requires: 'quote' },
        {
          label: 'On-Exchange Enrollment',
          href: '/on-exchange',
          requires: 'onExchangeEnrollmentSso',
        },
        { label: 'Bad scheme', href: 'javascript:alert(1)' },
      ],
    },
    {
      id: 'medicare',
      title: 'Medicare Resources',
      links: [{ label: 'Quoting & Enrolling', href: '/medicare', requires: 'medicareQuotingSso' }],
    },
  ],
  quoteEnroll: [
    { label: 'Create a Quote', href: '/quote/new', requires: 'quote' },
    { label: 'On-Exchange Enrollment', href: '/on-exchange', requires: 'onExchangeEnrollmentSso' },
    { label: 'Medicare Quoting & Enrollment', href: '/medicare', requires: 'medicareQuotingSso' },
  ],
  reportIssueHref: '#/report',
};
