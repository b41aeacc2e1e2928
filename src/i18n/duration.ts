/**
 * How long a wait is, in words of `locale`: whole minutes (rounded up) from one minute on, else
 * whole seconds (at least 1), e.g. "4 minutes", "1 minute", "30 seconds" (en), "4 minutos" (es).
 * A module of its own: it comes with the adapter errors' messages (`errors.en.ts`), not with
 * what a page loads first.
 */
export function formatDuration(ms: number, locale?: string): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [value, unit]: [number, string] =
    seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
