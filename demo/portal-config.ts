/**
 * The demo's landing-page configuration: the spec's values (slides 20–23) without any insurer
 * name or logo, and with neutral example.com addresses and links. Texts come in English and
 * Spanish (`{ en, es }`): the landing page shows the page's language. The portal's name and the
 * names of other sites are proper names: the same in both.
 */
import type { PortalConfig } from '../src/elements/portal-home/portal-config.js';

const certification = { en: 'Certification & Training', es: 'Certificación y capacitación' };

export const demoPortalConfig: PortalConfig = {
  portalName: 'Producer Experience Portal',
  welcomeTitle: {
    en: 'Welcome to Producer Experience Portal',
    es: 'Bienvenido a Producer Experience Portal',
  },
  welcomeText: {
    en: 'Access key workflows and features to support your IFM and Medicare clients.',
    es: 'Acceda a los procesos y las funciones clave para atender a sus clientes de IFM y Medicare.',
  },
  helpTitle: { en: 'Need help?', es: '¿Necesita ayuda?' },
  contacts: [
    {
      kind: 'email',
      label: { en: 'Email:', es: 'Correo electrónico:' },
      value: 'support@example.com',
      note: {
        en: '(preferred contact method for Medicare quoting and enrolling questions)',
        es: '(el medio de contacto preferido para preguntas sobre cotizaciones e inscripciones de Medicare)',
      },
    },
    {
      kind: 'phone',
      label: { en: 'Call us at', es: 'Llámenos al' },
      value: '1-800-555-0100',
      note: {
        en: '(M-Th 9:00 a.m. - 5:00 p.m. CT, F 9:00 a.m. - 4:30 p.m. CT)',
        es: '(lun. a jue. de 9:00 a. m. a 5:00 p. m. CT, vie. de 9:00 a. m. a 4:30 p. m. CT)',
      },
    },
  ],
  quickLinks: {
    id: 'quick-links',
    title: { en: 'Quick Links', es: 'Enlaces rápidos' },
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
        label: {
          en: 'Individual & Family Sales Toolkit',
          es: 'Herramientas de venta para personas y familias',
        },
        href: 'https://toolkit.example.com/',
        external: true,
      },
    ],
  },
  resourceGroups: [
    {
      id: 'aca',
      title: {
        en: 'Individual & Family ACA Resources',
        es: 'Recursos de ACA para personas y familias',
      },
      links: [
        {
          label: {
            en: 'Off-Exchange Quote & Enroll',
            es: 'Cotizar e inscribir fuera del Mercado',
          },
          href: 'https://quote.example.com/off-exchange',
          external: true,
          requires: 'quote',
        },
        {
          label: { en: 'On-Exchange Enrollment', es: 'Inscripción en el Mercado' },
          href: 'https://enroll.example.com/on-exchange',
          external: true,
          requires: 'onExchangeEnrollmentSso',
        },
        {
          label: certification,
          href: 'https://training.example.com/aca',
          external: true,
        },
        {
          label: { en: 'Illinois Marketplace', es: 'Mercado de Illinois' },
          href: 'https://marketplace.example.com/il',
          external: true,
        },
        {
          label: { en: 'New Mexico Marketplace', es: 'Mercado de Nuevo México' },
          href: 'https://marketplace.example.com/nm',
          external: true,
        },
      ],
    },
    {
      id: 'medicare',
      title: { en: 'Medicare Resources', es: 'Recursos de Medicare' },
      links: [
        {
          label: { en: 'Quoting & Enrolling', es: 'Cotizaciones e inscripciones' },
          href: 'https://medicare.example.com/quote',
          external: true,
          requires: 'medicareQuotingSso',
        },
        {
          label: certification,
          href: 'https://training.example.com/medicare',
          external: true,
        },
        { label: 'Montana PDP', href: 'https://medicare.example.com/mt-pdp', external: true },
      ],
    },
  ],
  quoteEnroll: [
    {
      label: { en: 'Create a Quote', es: 'Crear una cotización' },
      href: 'https://quote.example.com/new',
      description: {
        en: 'Quote on-exchange and off-exchange plans in the Producer Experience Portal.',
        es: 'Cotice planes dentro y fuera del Mercado en Producer Experience Portal.',
      },
      external: true,
      requires: 'quote',
    },
    {
      label: {
        en: 'Agent Assisted On-Exchange Enrollment',
        es: 'Inscripción en el Mercado asistida por un agente',
      },
      href: 'https://enroll.example.com/on-exchange',
      external: true,
      requires: 'onExchangeEnrollmentSso',
    },
    {
      label: { en: 'Medicare Quoting & Enrollment', es: 'Cotización e inscripción de Medicare' },
      href: 'https://medicare.example.com/quote',
      external: true,
      requires: 'medicareQuotingSso',
    },
  ],
  reportIssueHref: '#/delegate/report-issue',
  footerText: {
    en: 'Demo host page for pep-auth-elements. All names, addresses and links are examples.',
    es: 'Página anfitriona de demostración de pep-auth-elements. Todos los nombres, direcciones y enlaces son ejemplos.',
  },
};
