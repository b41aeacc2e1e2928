/**
 * The outbox: every email and text message the engine sends goes through it, so a request does
 * the same work whether or not its account exists and a failing relay never changes an answer.
 *
 * - Inside the request the engine calls {@link enqueueMessage}: the {@link QueuedMessage} (a real
 *   message, or a decoy of similar size for an account that does not exist) is sealed with the
 *   engine's key, bound to its item id (aad `outbox:<id>`), and added to `store.outbox`.
 * - An {@link OutboxWorker} claims due items (a lease, so that two workers on one or several
 *   instances never take the same item), opens them, drops decoys unsent, hands the rest to the
 *   {@link MessageSender}, and reschedules a failure with exponential back-off (1 s, 2 s, 4 s …
 *   capped at 15 minutes) until it gives up after `maxAttempts` attempts.
 *
 * An item sealed with a key id this worker's keyring does not hold (another instance already
 * seals with a key this one does not have yet, during a rolling key change) is not lost: it is
 * rescheduled with the same back-off, counting attempts, for an instance that holds the key, and
 * given up (logged, `code.send-failed`) after `maxAttempts` like a failed send. An item whose key
 * is held but that does not open (damaged, or moved from another row) is deleted at once.
 *
 * Delivery is at least once: a worker that stops between a send and its delete sends that message
 * again once the lease has passed. Log lines name the item id, the channel and a masked
 * destination, never the body (it holds codes and links) nor a full address.
 */
import type { Clock } from '../../core/clock.js';
import { maskEmail, maskPhone } from '../../core/mask.js';
import { randomToken } from '../../core/otp.js';
import type { MessageSender, OutgoingMessage } from './messages.js';
import { isUnknownKeyError, type Sealer } from './sealing.js';
import type { SecurityLog } from './security.js';
import type { AuthStore, OutboxItem } from './store.js';

/**
 * What an outbox item holds once opened: a message to send, or a decoy that stands in for one
 * (an account that does not exist) and is dropped unsent. `size` is the length of the message's
 * JSON the decoy stands for ({@link queuedSize}): the sealed decoy is padded to it, so a stored
 * decoy looks like a stored message.
 */
export type QueuedMessage =
  | { kind: 'message'; message: OutgoingMessage }
  | { kind: 'decoy'; size: number };

/** The associated data that binds a sealed outbox payload to its item. */
export function outboxAad(id: string): string {
  return `outbox:${id}`;
}

/** The JSON length of a queued message: what a decoy standing for `message` should pass as `size`. */
export function queuedSize(message: OutgoingMessage): number {
  return JSON.stringify({ kind: 'message', message } satisfies QueuedMessage).length;
}

/** Largest decoy padding (a decoy never seals more than this many characters). */
const MAX_DECOY_SIZE = 16_384;

/** A decoy with padding, so that its JSON is about `size` characters long. */
function paddedDecoy(size: number): QueuedMessage & { pad: string } {
  const target = Math.min(
    Math.max(Math.floor(Number.isFinite(size) ? size : 0), 0),
    MAX_DECOY_SIZE,
  );
  const base = JSON.stringify({ kind: 'decoy', size: target, pad: '' }).length;
  return { kind: 'decoy', size: target, pad: '.'.repeat(Math.max(target - base, 0)) };
}

/**
 * Seal `queued` and add it to the store's outbox, due now. The engine calls it once per request
 * that sends (or pretends to send) a message.
 */
export async function enqueueMessage(
  store: Pick<AuthStore, 'outbox'>,
  sealer: Sealer,
  clock: Clock,
  queued: QueuedMessage,
): Promise<void> {
  const id = randomToken(16);
  const value = queued.kind === 'decoy' ? paddedDecoy(queued.size) : queued;
  const payload = await sealer.seal(value, outboxAad(id));
  const now = clock.now();
  await store.outbox.add({ id, payload, createdAt: now, availableAt: now, attempts: 0 });
}

export interface OutboxWorkerOptions {
  /** Where items wait (only `outbox` is used). */
  store: Pick<AuthStore, 'outbox'>;
  /** Opens the payloads (the engine's sealer). */
  sealer: Sealer;
  /** Delivers a message; a rejection is a failed attempt (retried later). */
  sender: MessageSender;
  clock: Clock;
  /** Operational log lines (retries, give-ups, unknown-key and damaged items). Default: none. */
  log?: (line: string) => void;
  /** Receives `code.send-failed` when a message is given up. Default: none. */
  securityLog?: SecurityLog;
  /** Items claimed at once. Default 10. */
  batch?: number;
  /** How long a claimed item stays reserved for this worker (ms). Default 60 000. */
  leaseMs?: number;
  /** Attempts before a message is given up. Default 8. */
  maxAttempts?: number;
}

/** First retry delay; each further one doubles. */
export const OUTBOX_RETRY_BASE = 1_000;
/** Longest retry delay. */
export const OUTBOX_RETRY_CAP = 15 * 60_000;

/** The delay before the next attempt after `attempts` failed ones (1 s · 2^(attempts−1), capped). */
export function outboxRetryDelay(attempts: number): number {
  return Math.min(OUTBOX_RETRY_BASE * 2 ** Math.max(attempts - 1, 0), OUTBOX_RETRY_CAP);
}

function isOutgoingMessage(value: unknown): value is OutgoingMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    (m['channel'] === 'email' || m['channel'] === 'sms') &&
    typeof m['to'] === 'string' &&
    typeof m['text'] === 'string' &&
    (m['subject'] === undefined || typeof m['subject'] === 'string')
  );
}

function isQueuedMessage(value: unknown): value is QueuedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  if (q['kind'] === 'decoy') return true;
  return q['kind'] === 'message' && isOutgoingMessage(q['message']);
}

/** A short, secret-free reason for a failed send: an error code or class name, never its text. */
function failureReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,32}$/.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(name)) return name;
  }
  return 'error';
}

function maskedDestination(message: OutgoingMessage): string {
  return message.channel === 'email' ? maskEmail(message.to) : maskPhone(message.to);
}

/**
 * Sends what the outbox holds. `drain()` sends everything due now; `start(pollMs)` also drains
 * on a timer, and `kick()` drains soon (after a request enqueued something). Drains never
 * overlap: a drain asked for while one runs starts after it (and every such request in the
 * meantime shares that one follow-up drain).
 */
export class OutboxWorker {
  private readonly store: Pick<AuthStore, 'outbox'>;
  private readonly sealer: Sealer;
  private readonly sender: MessageSender;
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private readonly securityLog: SecurityLog | undefined;
  readonly batch: number;
  readonly leaseMs: number;
  readonly maxAttempts: number;

  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private kickTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(options: OutboxWorkerOptions) {
    this.store = options.store;
    this.sealer = options.sealer;
    this.sender = options.sender;
    this.clock = options.clock;
    this.log = options.log ?? (() => {});
    this.securityLog = options.securityLog;
    this.batch = Math.max(1, Math.floor(options.batch ?? 10));
    this.leaseMs = Math.max(0, options.leaseMs ?? 60_000);
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 8));
  }

  /**
   * Claim and send until nothing is due now; resolves the number of messages sent (decoys and
   * failures not counted). Rejects only when the store fails.
   */
  drain(): Promise<number> {
    if (this.queued) return this.queued;
    if (this.running) {
      const after = this.running.then(
        () => undefined,
        () => undefined,
      );
      const next = after.then(() => {
        this.queued = null;
        return this.run();
      });
      this.queued = next;
      return next;
    }
    return this.run();
  }

  /**
   * Drain soon (coalesced with any drain already asked for); ignored after {@link stop} until
   * the next {@link start}. Never throws: a failed drain is logged.
   */
  kick(): void {
    if (this.stopped || this.kickTimer !== null) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      this.drain().catch((error: unknown) =>
        this.log(`outbox: drain failed (${failureReason(error)})`),
      );
    }, 0);
  }

  /** Drain every `pollMs` (and now), until {@link stop}. */
  start(pollMs = 1_000): void {
    this.stopped = false;
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.kick(), Math.max(1, pollMs));
    this.kick();
  }

  /**
   * Stop polling and kicks; resolves once the drain in flight (and one already asked for) has
   * finished. `drain()` still works when called.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.kickTimer !== null) clearTimeout(this.kickTimer);
    this.kickTimer = null;
    const pending = this.queued ?? this.running;
    if (pending) await pending.catch(() => 0);
  }

  private run(): Promise<number> {
    const run = this.drainNow();
    this.running = run;
    const clear = (): void => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }

  private async drainNow(): Promise<number> {
    let sent = 0;
    for (;;) {
      const items = await this.store.outbox.claim(this.clock.now(), this.batch, this.leaseMs);
      if (items.length === 0) return sent;
      for (const item of items) if (await this.deliver(item)) sent += 1;
    }
  }

  /** Open, send and settle one claimed item; resolves true when a message was sent. */
  private async deliver(item: OutboxItem): Promise<boolean> {
    let queued: unknown;
    try {
      queued = await this.sealer.open(item.payload, outboxAad(item.id));
    } catch (error) {
      if (isUnknownKeyError(error)) {
        await this.awaitKey(item);
      } else {
        await this.store.outbox.delete(item.id);
        this.log(`outbox: item ${item.id} does not open (damaged); dropped`);
      }
      return false;
    }
    if (!isQueuedMessage(queued)) {
      await this.store.outbox.delete(item.id);
      this.log(`outbox: item ${item.id} holds no message; dropped`);
      return false;
    }
    if (queued.kind === 'decoy') {
      await this.store.outbox.delete(item.id);
      return false;
    }
    const message = queued.message;
    if (item.attempts > this.maxAttempts) {
      // Claimed more often than allowed (a worker stopped mid-send each time): give up unsent.
      await this.giveUp(item, message, 'attempts-exhausted');
      return false;
    }
    try {
      await this.sender.send(message);
    } catch (error) {
      const reason = failureReason(error);
      if (item.attempts >= this.maxAttempts) {
        await this.giveUp(item, message, reason);
        return false;
      }
      const delay = outboxRetryDelay(item.attempts);
      await this.store.outbox.reschedule(item.id, this.clock.now() + delay);
      this.log(
        `outbox: ${message.channel} to ${maskedDestination(message)} failed (${reason}), ` +
          `attempt ${item.attempts} of ${this.maxAttempts}; retry in ${Math.round(delay / 1000)} s (item ${item.id})`,
      );
      return false;
    }
    await this.store.outbox.delete(item.id);
    return true;
  }

  /**
   * An item sealed with a key this keyring does not hold: try again later (an instance that
   * holds the key may take it meanwhile), and give it up after `maxAttempts` attempts.
   */
  private async awaitKey(item: OutboxItem): Promise<void> {
    const kid = /^[A-Za-z0-9_.-]{1,32}$/.test(item.payload.kid) ? item.payload.kid : '?';
    if (item.attempts >= this.maxAttempts) {
      await this.store.outbox.delete(item.id);
      this.log(
        `outbox: gave up on item ${item.id} after ${Math.min(item.attempts, this.maxAttempts)} attempts ` +
          `(sealed with unknown key "${kid}")`,
      );
      this.securityLog?.({
        type: 'code.send-failed',
        at: this.clock.now(),
        actor: 'system',
        reason: 'unknown-key',
      });
      return;
    }
    const delay = outboxRetryDelay(item.attempts);
    await this.store.outbox.reschedule(item.id, this.clock.now() + delay);
    this.log(
      `outbox: item ${item.id} is sealed with unknown key "${kid}", attempt ${item.attempts} of ` +
        `${this.maxAttempts}; retry in ${Math.round(delay / 1000)} s`,
    );
  }

  private async giveUp(item: OutboxItem, message: OutgoingMessage, reason: string): Promise<void> {
    await this.store.outbox.delete(item.id);
    const destination = maskedDestination(message);
    this.log(
      `outbox: gave up on ${message.channel} to ${destination} after ${Math.min(item.attempts, this.maxAttempts)} attempts ` +
        `(${reason}) (item ${item.id})`,
    );
    this.securityLog?.({
      type: 'code.send-failed',
      at: this.clock.now(),
      actor: 'system',
      method: message.channel,
      destination,
      reason: 'relay-failed',
    });
  }
}
