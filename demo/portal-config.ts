/**
 * The demo's landing-page configuration: the spec's values (slides 20–23) without any insurer
 * name or logo, and with neutral example.com addresses and links.
 */
import type { PortalConfig } from '../src/elements/portal-home/portal-config.js';

export const demoPortalConfig: PortalConfig = {
  portalName: 'Producer Experience Portal',
  welcomeTitle: 'Welcome to Producer Experience Portal',
  welcomeText: 'Access key workflows and features to support your IFM and Medicare clients.',
  helpTitle: 'Need help?',
  contacts: [
    {
      kind: 'email',
      label: 'Email:',
      value: 'support@example.com',
      note: '(preferred contact method for Medicare quoting and enrolling questions)',
    },
    {
      kind: 'phone',
      label: 'Call us at',
      value: '1-800-555-0100',
      note: '(M-Th 9:00 a.m. - 5:00 p.m. CT, F 9:00 a.m. - 4:30 p.m. CT)',
    },
  ],
  quickLinks: {
    id: 'quick-links',
    title: 'Quick Links',
    links: [
      { label: 'Retail Producer Portal (RPC)', href: 'https://rpc.example.com/', external: true },
      {
        label: 'Blue Access for Producers (BAP)',
        href: 'https://bap.example.com/',
        external: true,
      },
      {
        label: 'Medicare Supply Portal',
        href: 'https://medicare-supply.example.com/',
        external: true,
      },
      {
        label: 'Individual & Family Sales Toolkit',
        href: 'https://toolkit.example.com/',
        external: true,
      },
    ],
  },
  resourceGroups: [
    {
      id: 'aca',
      title: 'Individual & Family ACA Resources',
      links: [
        {
          label: 'Off-Exchange Quote & Enroll',
          href: 'https://quote.example.com/off-exchange',
          external: true,
          requires: 'quote',
        },
        {
          label: 'On-Exchange Enrollment',
          href: 'https://enroll.example.com/on-exchange',
          external: true,
          requires: 'onExchangeEnrollmentSso',
        },
        {
          label: 'Certification & Training',
          href: 'https://training.example.com/aca',
          external: true,
        },
        {
          label: 'Illinois Marketplace',
          href: 'https://marketplace.example.com/il',
          external: true,
        },
        {
          label: 'New Mexico Marketplace',
          href: 'https://marketplace.example.com/nm',
          external: true,
        },
      ],
    },
    {
      id: 'medicare',
      title: 'Medicare Resources',
      links: [
        {
          label: 'Quoting & Enrolling',
          href: 'https://medicare.example.com/quote',
          external: true,
          requires: 'medicareQuotingSso',
        },
        {
          label: 'Certification & Training',
          href: 'https://training.example.com/medicare',
          external: true,
        },
        { label: 'Montana PDP', href: 'https://medicare.example.com/mt-pdp', external: true },
      ],
    },
  ],
  quoteEnroll: [
    {
      label: 'Create a Quote',
      href: 'https://quote.example.com/new',
      description: 'Quote on-exchange and off-exchange plans in the Producer Experience Portal.',
      external: true,
      requires: 'quote',
    },
    {
      label: 'Agent Assisted On-Exchange Enrollment',
      href: 'https://enroll.example.com/on-exchange',
      external: true,
      requires: 'onExchangeEnrollmentSso',
    },
    {
      label: 'Medicare Quoting & Enrollment',
      href: 'https://medicare.example.com/quote',
      external: true,
      requires: 'medicareQuotingSso',
    },
  ],
  reportIssueHref: '#/delegate/report-issue',
  footerText: 'Demo host page for pep-auth-elements. All names, addresses and links are examples.',
};
