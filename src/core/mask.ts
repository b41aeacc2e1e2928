/**
 * Masking of code destinations for display. A mask has one fixed shape whatever the address, so
 * it reveals no length: `jane.doe@example.com` → `j•••@e•••.com` (the first character of the
 * local part, the first of the domain, and the last label), `+13125550101` → `•••-•••-0101`
 * (the last 4 digits). The full address never reaches the widget for an account the user has
 * not proven.
 *
 * A username that matches no account still shows destinations (so Find Account answers every
 * username alike): {@link placeholderEmail} and {@link placeholderPhone} draw them from the same
 * shapes, from bytes the engine derives from its secret and the username (stable per username,
 * unguessable from outside).
 */

/** What hides the rest of a masked part. */
export const MASK = '•••';

/** `jane.doe@example.com` → `j•••@e•••.com` (lower case; same shape for every address). */
export function maskEmail(email: string): string {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  const local = at < 0 ? text : text.slice(0, at);
  const domain = at < 0 ? '' : text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 && dot < domain.length - 1 ? domain.slice(dot) : '';
  return `${local.charAt(0)}${MASK}@${domain.charAt(0)}${MASK}${tld}`;
}

/** `+13125550101` → `•••-•••-0101` (the last 4 digits; same shape for every number). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${MASK}-${MASK}-${digits.slice(-4)}`;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The unsigned 32-bit number in `bytes[offset..offset+3]`. */
function uint32(bytes: Uint8Array, offset: number, what: string): number {
  if (bytes.length < offset + 4) {
    throw new RangeError(`${what} needs at least ${offset + 4} bytes, got ${bytes.length}`);
  }
  return (
    ((bytes[offset]! << 24) |
      (bytes[offset + 1]! << 16) |
      (bytes[offset + 2]! << 8) |
      bytes[offset + 3]!) >>>
    0
  );
}

/**
 * A masked email for an account that does not exist, shaped like {@link maskEmail}'s: a letter
 * from `bytes[0..3]`, one of `domains` from `bytes[4..7]` (at least 8 bytes, e.g. a SHA-256
 * digest; the same bytes give the same mask).
 */
export function placeholderEmail(bytes: Uint8Array, domains: readonly string[]): string {
  if (domains.length === 0) throw new RangeError('placeholderEmail needs at least one domain');
  const initial = LETTERS[uint32(bytes, 0, 'placeholderEmail') % LETTERS.length]!;
  const domain = domains[uint32(bytes, 4, 'placeholderEmail') % domains.length]!;
  return maskEmail(`${initial}@${domain}`);
}

/**
 * A masked phone number for an account that does not exist, shaped like {@link maskPhone}'s:
 * 4 digits from `bytes[0..3]` (at least 4 bytes; derive them apart from the email's).
 */
export function placeholderPhone(bytes: Uint8Array): string {
  const n = uint32(bytes, 0, 'placeholderPhone') % 10_000;
  return maskPhone(String(n).padStart(4, '0'));
}

/** What a mask of {@link maskEmail} or {@link maskPhone} still shows, for a spoken form. */
export type MaskParts =
  | { kind: 'email'; local: string; domain: string; tld: string }
  | { kind: 'phone'; last4: string };

/**
 * The visible parts of a mask in one of the two fixed shapes (`j•••@e•••.com` → `j`, `e`,
 * `.com`; `•••-•••-0101` → `0101`), or `null` for any other text (an adapter's own mask).
 */
export function maskParts(masked: string): MaskParts | null {
  const email = /^([^•@\s])•••@([^•@\s])•••(\.[^.•@\s]+)?$/u.exec(masked);
  if (email) return { kind: 'email', local: email[1]!, domain: email[2]!, tld: email[3] ?? '' };
  const phone = /^•••-•••-(\d{4})$/u.exec(masked);
  return phone ? { kind: 'phone', last4: phone[1]! } : null;
}
