/**
 * The demo page's own words (its header, navigation, Outbox, notes), in English and Spanish. The
 * widgets translate themselves (docs/languages.md); the page follows the same `<html lang>`,
 * which the language switch sets and this browser remembers.
 */
import { html, type TemplateResult } from 'lit';

export type DemoLanguage = 'en' | 'es';

/** Where the language switch remembers the choice (not a `pep-` key: Reset demo data keeps it). */
const STORAGE_KEY = 'demo-language';

/** The page's language: the one remembered, else English. */
export function savedLanguage(): DemoLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'es' ? 'es' : 'en';
  } catch {
    return 'en';
  }
}

export function saveLanguage(lang: DemoLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage refused (private mode): the choice lasts until the page is left.
  }
}

export function language(): DemoLanguage {
  return document.documentElement.lang === 'es' ? 'es' : 'en';
}

/** A text for an attribute or a title: in the page's language when it is rendered. */
export function say(en: string, es: string): string {
  return language() === 'es' ? es : en;
}

/**
 * Page content in both languages, each marked with its `lang`; demo.css hides the one that is
 * not the page's, so a switch changes it without rendering anything again (widgets keep their
 * step and what was typed).
 */
export function tx(en: string | TemplateResult, es: string | TemplateResult): TemplateResult {
  return html`<span class="tx" lang="en">${en}</span><span class="tx" lang="es">${es}</span>`;
}

/** Spanish names of the demo's routes (their `title`s). */
const TITLES: Record<string, string> = {
  Start: 'Comenzar',
  'My Delegates': 'Mis delegados',
  'Confirm Email': 'Confirmar correo electrónico',
  'Create Password': 'Crear contraseña',
  'Log In': 'Iniciar sesión',
  'Forgot Username': '¿Olvidó su nombre de usuario?',
  'Forgot Password': '¿Olvidó su contraseña?',
  Home: 'Inicio',
  'Report an Issue': 'Reportar un problema',
  'Internet Help Desk console': 'Consola del Servicio de Ayuda por Internet',
};

/** A route's title in the page's language. */
export function title(en: string): string {
  return say(en, TITLES[en] ?? en);
}
