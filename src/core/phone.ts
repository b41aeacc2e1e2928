/**
 * US mobile numbers: what was typed to E.164, and E.164 for display. A module of its own: the
 * elements that only show numbers do not load the checks, and those that check them load it
 * with their later steps.
 */

/**
 * A US mobile number in any usual typing — `(312) 555-0101`, `312.555.0101`, `+1 312 555 0101`,
 * `1-312-555-0101` — to E.164 (`+13125550101`), or `null` when it is not a valid NANP number
 * (area code and exchange cannot start with 0 or 1).
 */
export function normalizeUsMobile(value: string): string | null {
  const v = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(v)) return null;
  let digits = v.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  else if (v.startsWith('+')) return null;
  if (digits.length !== 10) return null;
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `+1${digits}`;
}

/** Format E.164 `+13125550101` as `(312) 555-0101` for display. */
export function formatUsMobile(e164: string): string {
  const d = e164.replace(/^\+1/, '');
  if (!/^\d{10}$/.test(d)) return e164;
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}
