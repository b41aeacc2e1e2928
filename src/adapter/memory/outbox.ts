/**
 * Helpers for demos and tests that read the reference adapter's outbox: the newest code, the
 * newest *Confirm Your Email Address* link. The outbox is oldest first (newest LAST).
 */
import type { Channel, OutboxMessage } from '../types.js';

/** Anything with an outbox: a MemoryAdapter, or the message list itself. */
export type OutboxSource = { readonly outbox: readonly OutboxMessage[] } | readonly OutboxMessage[];

/** An 8-character one-time code from the OTP alphabet, as a whole word. */
const CODE_RE = /\b([2-9A-HJKMNP-Z]{8})\b/;
const LINK_RE = /https?:\/\/\S*[?&]token=([A-Za-z0-9_%-]+)/;

function messagesOf(source: OutboxSource): readonly OutboxMessage[] {
  return Array.isArray(source) ? source : (source as { outbox: readonly OutboxMessage[] }).outbox;
}

/** The newest message, optionally of one channel and/or to one address (case-insensitive). */
export function latestMessage(
  source: OutboxSource,
  channel?: Channel,
  to?: string,
): OutboxMessage | undefined {
  const all = messagesOf(source);
  for (let i = all.length - 1; i >= 0; i--) {
    const m = all[i]!;
    if (channel && m.channel !== channel) continue;
    if (to && m.to.toLowerCase() !== to.toLowerCase()) continue;
    return m;
  }
  return undefined;
}

/** The code in a message's text, or null. */
export function codeIn(message: OutboxMessage): string | null {
  return CODE_RE.exec(message.text)?.[1] ?? null;
}

/**
 * The code in the newest message (of `channel`, to `to`) that carries one. Throws when there is
 * none, so a test fails with a clear message instead of typing `undefined`.
 */
export function latestCode(source: OutboxSource, channel?: Channel, to?: string): string {
  const all = messagesOf(source);
  for (let i = all.length - 1; i >= 0; i--) {
    const m = all[i]!;
    if (channel && m.channel !== channel) continue;
    if (to && m.to.toLowerCase() !== to.toLowerCase()) continue;
    const code = codeIn(m);
    if (code) return code;
  }
  throw new Error(`no ${channel ?? ''} code in the outbox`.replace('  ', ' '));
}

/** The newest *Confirm Your Email Address* link (to `to`, if given). Throws when there is none. */
export function latestLink(source: OutboxSource, to?: string): string {
  const all = messagesOf(source);
  for (let i = all.length - 1; i >= 0; i--) {
    const m = all[i]!;
    if (m.channel !== 'email') continue;
    if (to && m.to.toLowerCase() !== to.toLowerCase()) continue;
    const link = LINK_RE.exec(m.text)?.[0];
    if (link) return link;
  }
  throw new Error('no confirmation link in the outbox');
}

/** The token of the newest confirmation link (decoded), ready for `confirmEmail({ token })`. */
export function latestLinkToken(source: OutboxSource, to?: string): string {
  const link = latestLink(source, to);
  return decodeURIComponent(LINK_RE.exec(link)![1]!);
}
