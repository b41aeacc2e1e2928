/**
 * Masking of code destinations for display, as the spec shows them: `xxxname@email.com`,
 * `xxxxxx0001`. The full address never reaches the widget for an account the user has not proven.
 */

/** `jane.doe@example.com` → `xxxxdoe@example.com` (keeps at most the last 3 of the local part). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return 'x'.repeat(Math.max(email.length, 3));
  const local = email.slice(0, at);
  const keep = local.length <= 3 ? 1 : Math.min(3, local.length - 3);
  return 'x'.repeat(local.length - keep) + local.slice(-keep) + email.slice(at);
}

/** `+13125550101` → `xxxxxx0101` (the last 4 digits of the 10-digit number). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-10);
  return 'x'.repeat(Math.max(digits.length - 4, 0)) + digits.slice(-4);
}
