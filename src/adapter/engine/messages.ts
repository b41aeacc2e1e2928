/**
 * The emails and text messages the engine sends, in the spec's words, in the recipient's
 * language (`language` of the account: English or Spanish; absent, English). Pure functions of
 * their inputs: the engine hands the result to its {@link MessageSender}. The words follow
 * docs/glossary.md (the verb is "log in"; "Internet Help Desk" / "Servicio de Ayuda por
 * Internet"; "One-Time Passcode" / "código de acceso único"). The product's name is a name: it
 * stays "Producer Experience Portal" in Spanish. Report an Issue goes to support, in English.
 */
import type { Channel, DelegateInput, IssueReport, Language, OutboxMessage } from '../types.js';

/** A message to deliver: what a `MessageSender` receives. */
export type OutgoingMessage = Omit<OutboxMessage, 'id' | 'sentAt'>;

/**
 * Delivers email and SMS (SMTP, an SMS gateway, a test outbox). The engine itself only enqueues
 * messages (`store.outbox`); the outbox worker (outbox-worker.ts) hands them to a sender.
 */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

type Person = Omit<DelegateInput, 'states'>;

const PORTAL = 'Producer Experience Portal';

/** The language of `person`'s messages: Spanish only when they chose it. */
function langOf(person: Pick<Person, 'language'>): Language {
  return person.language === 'es' ? 'es' : 'en';
}

/** The closing line that quotes the Internet Help Desk number. */
function questions(lang: Language, phone: string): string {
  return lang === 'es'
    ? `¿Preguntas? Llame al Servicio de Ayuda por Internet al ${phone}.`
    : `Questions? Call the Internet Help Desk at ${phone}.`;
}

function hello(lang: Language, firstName: string): string {
  return lang === 'es' ? `Hola, ${firstName}:` : `Hello ${firstName},`;
}

export function codeMessage(
  account: Person,
  channel: Channel,
  code: string,
  helpDeskPhone: string,
): OutgoingMessage {
  const lang = langOf(account);
  if (channel === 'sms') {
    return {
      channel: 'sms',
      to: account.mobile,
      text:
        lang === 'es'
          ? `${PORTAL}: su código de acceso único es ${code}. Vence en 10 minutos. No lo comparta nunca.`
          : `${PORTAL}: your One-Time Passcode is ${code}. It expires in 10 minutes. Never share it.`,
    };
  }
  const es = lang === 'es';
  return {
    channel: 'email',
    to: account.email,
    subject: es ? 'Su código de verificación' : 'Your Verification Code',
    text: [
      es
        ? `Su código de acceso único para el ${PORTAL} es:`
        : `Your One-Time Passcode for the ${PORTAL} is:`,
      '',
      `    ${code}`,
      '',
      es
        ? 'Vence en 10 minutos y funciona una sola vez. Si no lo pidió, puede ignorar este correo electrónico.'
        : 'It expires in 10 minutes and works once. If you did not ask for it, you can ignore this email.',
      '',
      questions(lang, helpDeskPhone),
    ].join('\n'),
  };
}

export function invitationMessage(
  account: Person,
  producer: Pick<Person, 'firstName' | 'lastName'>,
  url: string,
  helpDeskPhone: string,
): OutgoingMessage {
  const lang = langOf(account);
  const by = `${producer.firstName} ${producer.lastName}`;
  const es = lang === 'es';
  return {
    channel: 'email',
    to: account.email,
    subject: es ? 'Confirme su dirección de correo electrónico' : 'Confirm Your Email Address',
    text: [
      es
        ? `Confirme su dirección de correo electrónico: ${url}`
        : `Confirm Your Email Address: ${url}`,
      '',
      hello(lang, account.firstName),
      '',
      es
        ? `${by} agregó su cuenta de delegado en el ${PORTAL}.`
        : `${by} added you as a delegate on the ${PORTAL}.`,
      '',
      `${es ? 'Nombre de usuario' : 'Username'}: ${account.username}`,
      '',
      ...(es
        ? [
            'Seleccione el enlace de arriba para confirmar su dirección de correo electrónico y después cree su contraseña.',
            'El enlace es válido por 7 días o hasta que se use una vez.',
          ]
        : [
            'Select the link above to confirm your email address, then create your password.',
            'The link is valid for 7 days or until you use it once.',
          ]),
      '',
      questions(lang, helpDeskPhone),
    ].join('\n'),
  };
}

export function passwordChangedMessage(
  account: Person,
  purpose: 'create' | 'reset',
  helpDeskPhone: string,
): OutgoingMessage {
  const lang = langOf(account);
  const created = purpose === 'create';
  return {
    channel: 'email',
    to: account.email,
    // The subject the password flows' confirmation quotes (glossary: "confirmation email").
    subject:
      lang === 'es'
        ? 'Información de la cuenta - Actualizar contraseña'
        : 'Account Information - Update Password',
    text: [
      hello(lang, account.firstName),
      '',
      ...(lang === 'es'
        ? [
            `Se ${created ? 'creó' : 'actualizó'} la contraseña de su cuenta ${account.username} del ${PORTAL}.`,
            `Si usted no hizo este cambio, llame de inmediato al Servicio de Ayuda por Internet al ${helpDeskPhone}.`,
          ]
        : [
            `The password for your ${PORTAL} account ${account.username} was ${
              created ? 'created' : 'updated'
            }.`,
            'If you did not make this change, call the Internet Help Desk right away at ' +
              `${helpDeskPhone}.`,
          ]),
    ].join('\n'),
  };
}

/**
 * The usernames registered with one email address. `language`: the recipient's (the oldest
 * account of that address decides; a decoy's stand-in is English).
 */
export function usernameReminderMessage(
  to: string,
  usernames: readonly string[],
  helpDeskPhone: string,
  language: Language = 'en',
): OutgoingMessage {
  const es = language === 'es';
  return {
    channel: 'email',
    to,
    subject: es ? 'Información de la cuenta - Nombre de usuario' : 'Account Information - Username',
    text: [
      es
        ? `Usted pidió el nombre de usuario de su cuenta del ${PORTAL}.`
        : `You asked for the username of your ${PORTAL} account.`,
      '',
      ...usernames.map((u) => `${es ? 'Nombre de usuario' : 'Username'}: ${u}`),
      '',
      es
        ? 'Si no lo pidió, puede ignorar este correo electrónico.'
        : 'If you did not ask for this, you can ignore this email.',
      questions(language, helpDeskPhone),
    ].join('\n'),
  };
}

export function issueReportMessage(
  ticketId: string,
  reporter: Person & { role: string },
  report: IssueReport,
  supportEmail: string,
): OutgoingMessage {
  const shot = report.screenshot;
  return {
    channel: 'email',
    to: supportEmail,
    subject: `Issue report ${ticketId}: ${report.productType} (${report.state})`,
    text: [
      `Ticket: ${ticketId}`,
      `Reported by: ${reporter.firstName} ${reporter.lastName} (${reporter.username}, ${reporter.role})`,
      `Agent name: ${report.agentName.trim()}`,
      `Producer ID: ${report.producerId.trim()}`,
      `Client/contact name: ${report.clientName?.trim() || '(none)'}`,
      `Product type: ${report.productType}`,
      `State: ${report.state}`,
      `Observed at: ${report.observedAt}`,
      '',
      'Description:',
      report.description.trim(),
      '',
      'Steps taken before the error:',
      report.stepsTaken.trim(),
      '',
      shot ? `Attachment: ${shot.name} (${shot.type}, ${shot.size} bytes)` : 'Attachment: (none)',
    ].join('\n'),
  };
}

/** What someone else did to an account that its owner is told about by email. */
export type AccountNotice = 'unlocked' | 'deactivated' | 'reactivated' | 'pattern-reset';

/** Who did it: the Internet Help Desk (never a staff name), or the delegate's producer. */
export type NoticeActor =
  | { role: 'help-desk' }
  | { role: 'producer'; firstName: string; lastName: string };

const NOTICES: Record<
  Language,
  Record<AccountNotice, { subject: string; lines: (account: string, by: string) => string[] }>
> = {
  en: {
    unlocked: {
      subject: 'Account Information - Account Unlocked',
      lines: (account, by) => [
        `Your ${PORTAL} account ${account} was unlocked by ${by}.`,
        'You can log in again now.',
      ],
    },
    deactivated: {
      subject: 'Account Information - Account Deactivated',
      lines: (account, by) => [
        `Your ${PORTAL} account ${account} was deactivated by ${by}.`,
        'You cannot log in until it is reactivated. Contact your producer.',
      ],
    },
    reactivated: {
      subject: 'Account Information - Account Reactivated',
      lines: (account, by) => [
        `Your ${PORTAL} account ${account} was reactivated by ${by}.`,
        'You can log in again; you will verify your account at your next login.',
      ],
    },
    'pattern-reset': {
      subject: 'Account Information - Typing Pattern Reset',
      lines: (account, by) => [
        `The typing pattern of your ${PORTAL} account ${account} was reset by ${by}.`,
        'At your next login you will enroll your typing pattern again.',
      ],
    },
  },
  es: {
    unlocked: {
      subject: 'Información de la cuenta - Cuenta desbloqueada',
      lines: (account, by) => [
        `Su cuenta ${account} del ${PORTAL} fue desbloqueada por ${by}.`,
        'Ya puede volver a iniciar sesión.',
      ],
    },
    deactivated: {
      subject: 'Información de la cuenta - Cuenta desactivada',
      lines: (account, by) => [
        `Su cuenta ${account} del ${PORTAL} fue desactivada por ${by}.`,
        'No podrá iniciar sesión hasta que se reactive. Comuníquese con su productor.',
      ],
    },
    reactivated: {
      subject: 'Información de la cuenta - Cuenta reactivada',
      lines: (account, by) => [
        `Su cuenta ${account} del ${PORTAL} fue reactivada por ${by}.`,
        'Ya puede volver a iniciar sesión; la próxima vez que inicie sesión, verificará su cuenta.',
      ],
    },
    'pattern-reset': {
      subject: 'Información de la cuenta - Patrón de escritura restablecido',
      lines: (account, by) => [
        `El patrón de escritura de su cuenta ${account} del ${PORTAL} fue restablecido por ${by}.`,
        'La próxima vez que inicie sesión, registrará de nuevo su patrón de escritura.',
      ],
    },
  },
};

/**
 * The email telling a delegate that someone else unlocked, deactivated or reactivated their
 * account, or reset their typing pattern, in the delegate's language.
 */
export function accountNoticeMessage(
  account: Person,
  notice: AccountNotice,
  actor: NoticeActor,
  helpDeskPhone: string,
): OutgoingMessage {
  const lang = langOf(account);
  const es = lang === 'es';
  const by =
    actor.role === 'help-desk'
      ? es
        ? 'el Servicio de Ayuda por Internet'
        : 'the Internet Help Desk'
      : `${es ? 'su productor' : 'your producer'} ${actor.firstName} ${actor.lastName}`;
  const what = NOTICES[lang][notice];
  return {
    channel: 'email',
    to: account.email,
    subject: what.subject,
    text: [
      hello(lang, account.firstName),
      '',
      ...what.lines(account.username, by),
      '',
      es
        ? `Si no esperaba este cambio, llame al Servicio de Ayuda por Internet al ${helpDeskPhone}.`
        : `If you did not expect this, call the Internet Help Desk at ${helpDeskPhone}.`,
    ].join('\n'),
  };
}
