/**
 * DEMO mode only: the demo's Outbox (the emails the loopback SMTP sink received and the text
 * messages the recording SMS sender kept) and `POST /dev/reset` (wipe the database and seed the
 * demo producer again). Never mounted outside `DEMO=1`.
 */
import { Hono } from 'hono';
import type { OutboxMessage } from '../../src/adapter/types.js';
import type { SmtpSink } from '../mail/smtp-sink.js';
import type { RecordingSmsSender } from '../mail/senders.js';

/**
 * The demo's outbox: every email the SMTP sink received and every text the recording SMS sender
 * kept, in the order they arrived (oldest first), at most `limit`.
 */
export class DevOutbox {
  private list: OutboxMessage[] = [];

  constructor(
    private readonly sink: SmtpSink | null,
    private readonly sms: RecordingSmsSender,
    private readonly limit = 1000,
  ) {
    sink?.on('message', (m) =>
      this.record({
        id: m.id,
        channel: 'email',
        to: m.to,
        subject: m.subject ?? '',
        text: m.text,
        sentAt: m.sentAt,
      }),
    );
    sms.on('message', (m) => this.record(m));
  }

  private record(message: OutboxMessage): void {
    this.list.push(message);
    if (this.list.length > this.limit) this.list = this.list.slice(-this.limit);
  }

  messages(): OutboxMessage[] {
    return [...this.list];
  }

  clear(): void {
    this.list = [];
    this.sink?.clear();
    this.sms.clear();
  }
}

export interface DevRoutesOptions {
  outbox: DevOutbox;
  /** Send what the message outbox holds first (so the panel shows every message queued so far). */
  drain?(): Promise<unknown>;
  /** Delete every record and seed the demo data again. */
  reset(): Promise<void>;
}

/** `/dev/*` routes. POSTs need `X-PEP-Demo: 1`, which no cross-site form or image can send. */
export function devRoutes(options: DevRoutesOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.get('/outbox', async (c) => {
    await options.drain?.();
    return c.json(options.outbox.messages());
  });
  app.post('/reset', async (c) => {
    if (c.req.header('x-pep-demo') !== '1') {
      return c.json({ code: 'FORBIDDEN', data: {} }, 403);
    }
    await options.reset();
    options.outbox.clear();
    return c.body(null, 204);
  });
  app.all('*', (c) => c.json({ code: 'NOT_FOUND', data: {} }, 404));
  return app;
}
