/**
 * How the reference server delivers what the engine sends: email through SMTP (nodemailer), SMS
 * through a pluggable {@link SmsSender} (by default {@link LogSmsSender}, which only logs that a
 * text went to a masked number, never the text or the code).
 */
import { EventEmitter } from 'node:events';
import nodemailer, { type Transporter } from 'nodemailer';
import { maskEmail, maskPhone } from '../../src/core/mask.js';
import type { OutboxMessage } from '../../src/adapter/types.js';
import type { OutgoingMessage } from '../../src/adapter/engine/messages.js';

/** The engine's delivery port: `send` resolves once the message is handed over. */
interface MessageDelivery {
  send(message: OutgoingMessage): Promise<void>;
}

/** Where text messages go. Implement this for an SMS gateway (Twilio, SNS, …). */
export interface SmsSender {
  sendSms(to: string, text: string): Promise<void>;
}

/** Where log lines go (the server's logger; `console` by default). */
export interface LineLogger {
  info(line: string): void;
  warn(line: string): void;
}

/**
 * The default SMS sender: logs that a text message went to a masked number. It never logs the
 * text, which carries a one-time code. Replace it with a gateway in production.
 */
export class LogSmsSender implements SmsSender {
  constructor(private readonly log: LineLogger = console) {}

  async sendSms(to: string, text: string): Promise<void> {
    this.log.info(`sms: a text message (${text.length} characters) to ${maskPhone(to)}`);
  }
}

/**
 * DEMO mode only: keeps every text message in memory so the demo's Outbox panel and the
 * end-to-end tests can show them (a stand-in for the phone), and logs like {@link LogSmsSender}.
 */
export class RecordingSmsSender
  extends EventEmitter<{ message: [OutboxMessage] }>
  implements SmsSender
{
  private list: OutboxMessage[] = [];
  private seq = 0;

  constructor(
    private readonly log: LineLogger = console,
    private readonly limit = 1000,
  ) {
    super();
  }

  async sendSms(to: string, text: string): Promise<void> {
    const message: OutboxMessage = {
      id: `sms-${++this.seq}`,
      channel: 'sms',
      to,
      text,
      sentAt: Date.now(),
    };
    this.list.push(message);
    if (this.list.length > this.limit) this.list = this.list.slice(-this.limit);
    this.emit('message', message);
    this.log.info(`sms (demo, recorded): a text message to ${maskPhone(to)}`);
  }

  messages(): OutboxMessage[] {
    return [...this.list];
  }

  clear(): void {
    this.list = [];
  }
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (SMTPS, usually port 465). */
  secure: boolean;
  /** Refuse to send unless the server upgrades with STARTTLS (ignored when `secure`). */
  requireTls: boolean;
  /** Verify the server's certificate (default true; false only for a test relay). */
  rejectUnauthorized: boolean;
  user?: string;
  pass?: string;
  /** The From address, e.g. `"Producer Experience Portal" <no-reply@portal.example>`. */
  from: string;
  /** Give up on a connection or command after this many ms. */
  timeoutMs: number;
}

/** Sends email through an SMTP relay with nodemailer (pooled connections). */
export class SmtpEmailSender {
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly log: LineLogger = console,
  ) {
    this.transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 3,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      ignoreTLS: false,
      auth:
        settings.user !== undefined
          ? { user: settings.user, pass: settings.pass ?? '' }
          : undefined,
      tls: { rejectUnauthorized: settings.rejectUnauthorized, minVersion: 'TLSv1.2' },
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async sendEmail(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, to, subject, text });
    this.log.info(`email: "${subject}" to ${maskEmail(to)}`);
  }

  /** Check the connection and credentials (at start-up). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}

/** Routes each engine message to email or SMS. */
export class ChannelSender implements MessageDelivery {
  constructor(
    private readonly email: Pick<SmtpEmailSender, 'sendEmail'>,
    private readonly sms: SmsSender,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel === 'sms') await this.sms.sendSms(message.to, message.text);
    else await this.email.sendEmail(message.to, message.subject ?? '', message.text);
  }
}
