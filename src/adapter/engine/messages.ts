/**
 * The emails and text messages the engine sends, in the spec's words. Pure functions of their
 * inputs: the engine hands the result to its {@link MessageSender}.
 */
import type { Channel, DelegateInput, IssueReport, OutboxMessage } from '../types.js';

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

export function codeMessage(
  account: Person,
  channel: Channel,
  code: string,
  helpDeskPhone: string,
): OutgoingMessage {
  if (channel === 'sms') {
    return {
      channel: 'sms',
      to: account.mobile,
      text: `Producer Experience Portal: your one-time passcode is ${code}. It expires in 10 minutes. Never share it.`,
    };
  }
  return {
    channel: 'email',
    to: account.email,
    subject: 'Your Verification Code',
    text: [
      'Your one-time passcode for the Producer Experience Portal is:',
      '',
      `    ${code}`,
      '',
      'It expires in 10 minutes and works once. If you did not ask for it, you can ignore this email.',
      '',
      `Questions? Call the Internet Help Desk at ${helpDeskPhone}.`,
    ].join('\n'),
  };
}

export function invitationMessage(
  account: Person,
  producer: Pick<Person, 'firstName' | 'lastName'>,
  url: string,
  helpDeskPhone: string,
): OutgoingMessage {
  return {
    channel: 'email',
    to: account.email,
    subject: 'Confirm Your Email Address',
    text: [
      `Confirm Your Email Address: ${url}`,
      '',
      `Hello ${account.firstName},`,
      '',
      `${producer.firstName} ${producer.lastName} added you as a delegate on the Producer Experience Portal.`,
      '',
      `Username: ${account.username}`,
      '',
      'Select the link above to confirm your email address, then create your password.',
      'The link is valid for 7 days or until you use it once.',
      '',
      `Questions? Call the Internet Help Desk at ${helpDeskPhone}.`,
    ].join('\n'),
  };
}

export function passwordChangedMessage(
  account: Person,
  purpose: 'create' | 'reset',
  helpDeskPhone: string,
): OutgoingMessage {
  return {
    channel: 'email',
    to: account.email,
    subject: 'Account Information - Update Password',
    text: [
      `Hello ${account.firstName},`,
      '',
      `The password for your Producer Experience Portal account ${account.username} was ${
        purpose === 'create' ? 'created' : 'updated'
      }.`,
      'If you did not make this change, call the Internet Help Desk right away at ' +
        `${helpDeskPhone}.`,
    ].join('\n'),
  };
}

export function usernameReminderMessage(
  to: string,
  usernames: readonly string[],
  helpDeskPhone: string,
): OutgoingMessage {
  return {
    channel: 'email',
    to,
    subject: 'Account Information - Username',
    text: [
      'You asked for the username of your Producer Experience Portal account.',
      '',
      ...usernames.map((u) => `Username: ${u}`),
      '',
      'If you did not ask for this, you can ignore this email.',
      `Questions? Call the Internet Help Desk at ${helpDeskPhone}.`,
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

/**
 * The email telling a delegate that someone else unlocked, deactivated or reactivated their
 * account, or reset their typing pattern. `by`: who did it, in words (`the Internet Help Desk`,
 * `your producer Pat Lee`).
 */
export function accountNoticeMessage(
  account: Person,
  notice: AccountNotice,
  by: string,
  helpDeskPhone: string,
): OutgoingMessage {
  const what: Record<AccountNotice, { subject: string; lines: string[] }> = {
    unlocked: {
      subject: 'Account Information - Account Unlocked',
      lines: [
        `Your Producer Experience Portal account ${account.username} was unlocked by ${by}.`,
        'You can sign in again now.',
      ],
    },
    deactivated: {
      subject: 'Account Information - Account Deactivated',
      lines: [
        `Your Producer Experience Portal account ${account.username} was deactivated by ${by}.`,
        'You cannot sign in until it is reactivated. Contact your producer.',
      ],
    },
    reactivated: {
      subject: 'Account Information - Account Reactivated',
      lines: [
        `Your Producer Experience Portal account ${account.username} was reactivated by ${by}.`,
        'You can sign in again; you will verify your account at your next sign-in.',
      ],
    },
    'pattern-reset': {
      subject: 'Account Information - Typing Pattern Reset',
      lines: [
        `The typing pattern of your Producer Experience Portal account ${account.username} was reset by ${by}.`,
        'At your next sign-in you will enroll your typing pattern again.',
      ],
    },
  };
  return {
    channel: 'email',
    to: account.email,
    subject: what[notice].subject,
    text: [
      `Hello ${account.firstName},`,
      '',
      ...what[notice].lines,
      '',
      `If you did not expect this, call the Internet Help Desk at ${helpDeskPhone}.`,
    ].join('\n'),
  };
}
