/**
 * The languages the product speaks: the widgets' catalogues, a delegate's preference for emails
 * and text messages, and the typing-pattern sentences. The adapter contract re-exports the type.
 */
export type Language = 'en' | 'es';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/** The language of a BCP 47 tag (`es`, `es-MX` → `es`); any other (or none) is English. */
export function languageOf(tag: string | undefined): Language {
  return /^es(?:[-_]|$)/i.test(tag ?? '') ? 'es' : 'en';
}
