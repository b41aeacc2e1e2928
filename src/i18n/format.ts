/** A message catalogue: keys to templates with `{name}` placeholders. */
export type Catalogue = Record<string, string>;

export type MessageParams = Record<string, string | number>;

/** Fill `{name}` placeholders; unknown placeholders are left as they are. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** Format an epoch-ms time for the user's locale, e.g. "3:45 PM". */
export function formatTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** Format an epoch-ms date and time, e.g. "Jan 5, 2026, 3:45 PM". */
export function formatDateTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
