/**
 * A loopback SMTP server that accepts every message and keeps it in memory: the mail catcher of
 * the tests and of the demo (`DEMO=1`), where the server's own nodemailer transport points at
 * it. It listens on 127.0.0.1 only, without TLS or authentication, and never relays anything.
 */
import { EventEmitter } from 'node:events';
import { SMTPServer } from 'smtp-server';
import type { OutboxMessage } from '../../src/adapter/types.js';
import { parseMail } from './mime.js';

/** A received email, in the shape of the demo's outbox. */
export interface SinkMessage extends OutboxMessage {
  channel: 'email';
  from: string;
  /** Every envelope recipient (RCPT TO). */
  recipients: string[];
}

export interface SmtpSinkOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** Keep at most this many messages, dropping the oldest. Default 1000. */
  limit?: number;
  /** Largest accepted message. Default 1 MiB. */
  maxBytes?: number;
}

export class SmtpSink extends EventEmitter<{ message: [SinkMessage] }> {
  private readonly server: SMTPServer;
  private readonly limit: number;
  private list: SinkMessage[] = [];
  private seq = 0;
  private listening = false;
  /** The port actually bound (after {@link start}). */
  port = 0;
  readonly host: string;

  constructor(private readonly options: SmtpSinkOptions = {}) {
    super();
    this.host = options.host ?? '127.0.0.1';
    this.limit = options.limit ?? 1000;
    const maxBytes = options.maxBytes ?? 1024 * 1024;
    this.server = new SMTPServer({
      name: 'pep-smtp-sink.localhost',
      banner: 'pep-auth-elements loopback SMTP sink',
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: maxBytes,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (err: Error) => callback(err));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          try {
            this.accept(
              Buffer.concat(chunks),
              session.envelope.rcptTo.map((r) => r.address),
            );
            callback();
          } catch (err) {
            callback(err as Error);
          }
        });
      },
    });
  }

  private accept(raw: Buffer, recipients: string[]): void {
    const mail = parseMail(raw);
    const message: SinkMessage = {
      id: `mail-${++this.seq}`,
      channel: 'email',
      from: mail.from,
      to: mail.to[0] ?? recipients[0] ?? '',
      recipients,
      subject: mail.subject,
      text: mail.text,
      sentAt: Date.now(),
    };
    this.list.push(message);
    if (this.list.length > this.limit) this.list = this.list.slice(-this.limit);
    this.emit('message', message);
  }

  /** Start listening; resolves with the bound port. */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.server.once('error', onError);
      this.server.listen(this.options.port ?? 0, this.host, () => {
        this.server.server.off('error', onError);
        const address = this.server.server.address();
        this.port = typeof address === 'object' && address ? address.port : 0;
        this.listening = true;
        resolve(this.port);
      });
    });
  }

  /** Every message received, oldest first. */
  messages(): SinkMessage[] {
    return [...this.list];
  }

  /** Forget every message received so far. */
  clear(): void {
    this.list = [];
  }

  /**
   * The first message (already received or arriving within `timeoutMs`) matching `predicate`.
   */
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs = 5000): Promise<SinkMessage> {
    const found = this.list.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onMessage = (m: SinkMessage) => {
        if (!predicate(m)) return;
        clearTimeout(timer);
        this.off('message', onMessage);
        resolve(m);
      };
      const timer = setTimeout(() => {
        this.off('message', onMessage);
        reject(new Error(`no matching email within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('message', onMessage);
    });
  }

  close(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
