/**
 * One vocabulary (issue 23, item 13): every message of every catalogue, English and Spanish,
 * follows `docs/glossary.md`. The glossary is the source of truth: this test reads the document
 * itself (served by the test runner), so what it says and what is checked cannot drift apart.
 */
import { expect } from '@open-wc/testing';
import { englishCatalogue } from '../support/catalogues.js';
import { es } from '../../src/locales/es.js';

type Catalogue = Record<string, string>;

/** Every English message a widget can show or a host can override. */
const english: Catalogue = englishCatalogue;
const spanish: Catalogue = es;

/** A forbidden variant: a literal (case and apostrophes count) or a `/regular expression/`. */
type Variant = { source: string; test: (message: string) => boolean };

interface Row {
  section: string;
  concept: string;
  en: string[];
  es: string[];
  keys: string[];
  notEn: Variant[];
  notEs: Variant[];
}

interface Glossary {
  rows: Row[];
  /** Keys quoted word for word from the spec: exempt from the variants. */
  quoted: Set<string>;
}

/** The backticked items of a table cell (`\|` is a `|` inside an item). */
const items = (cell: string) =>
  [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|'));

function variant(source: string): Variant {
  const re = /^\/(.+)\/([a-z]*)$/.exec(source);
  if (re) {
    const regex = new RegExp(re[1]!, re[2]);
    return { source, test: (m) => regex.test(m) };
  }
  return { source, test: (m) => m.includes(source) };
}

function parseGlossary(markdown: string): Glossary {
  const rows: Row[] = [];
  const quoted = new Set<string>();
  let section = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      continue;
    }
    if (!line.startsWith('|') || /^\|\s*(---|Concept\b|Key\b)/.test(line)) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    if (section === 'Quoted from the spec') {
      for (const key of items(cells[0] ?? '')) quoted.add(key);
      continue;
    }
    if (cells.length !== 6) throw new Error(`glossary row without 6 columns: ${line}`);
    rows.push({
      section,
      concept: cells[0]!.trim(),
      en: items(cells[1]!),
      es: items(cells[2]!),
      keys: items(cells[3]!),
      notEn: items(cells[4]!).map(variant),
      notEs: items(cells[5]!).map(variant),
    });
  }
  return { rows, quoted };
}

const capitalized = (term: string) => term.charAt(0).toUpperCase() + term.slice(1);

/** Contains the term, or starts with it (first letter capitalized at the start of a message). */
const uses = (message: string, term: string) =>
  message.includes(term) || message.startsWith(capitalized(term));

/** Same words, ignoring case and the apostrophe's shape. */
const loose = (s: string) => s.replace(/[’‘]/g, "'").toLowerCase().trim();

/** Every message of `catalogue` that contradicts the glossary, one line each. */
function contradictions(glossary: Glossary, catalogue: Catalogue, lang: 'en' | 'es'): string[] {
  const found: string[] = [];
  const terms = glossary.rows.flatMap((r) => (lang === 'en' ? r.en : r.es));
  for (const row of glossary.rows) {
    const rowTerms = lang === 'en' ? row.en : row.es;
    for (const key of row.keys) {
      const message = catalogue[key];
      if (message === undefined) found.push(`${key}: listed for "${row.concept}" but not a key`);
      else if (!rowTerms.some((t) => uses(message, t)))
        found.push(
          `${key}: "${message}" does not say ${rowTerms.map((t) => `"${t}"`).join(' or ')}`,
        );
    }
  }
  for (const [key, message] of Object.entries(catalogue)) {
    if (!glossary.quoted.has(key)) {
      const text = message.replace(/\{\w+\}/g, '{}');
      for (const row of glossary.rows) {
        for (const v of lang === 'en' ? row.notEn : row.notEs) {
          if (v.test(text))
            found.push(
              `${key}: "${message}" uses ${v.source} (${row.concept}: say ${(lang === 'en' ? row.en : row.es).map((t) => `"${t}"`).join(' or ')})`,
            );
        }
      }
    }
    const same = terms.filter((t) => loose(t) === loose(message));
    if (same.length > 0 && !same.some((t) => message === t || message === capitalized(t)))
      found.push(`${key}: "${message}" is written "${same[0]}" in the glossary`);
  }
  return found;
}

describe('glossary (docs/glossary.md)', () => {
  let glossary: Glossary;

  before(async () => {
    const res = await fetch(new URL('../../docs/glossary.md', import.meta.url));
    expect(res.ok, 'docs/glossary.md is served').to.be.true;
    glossary = parseGlossary(await res.text());
  });

  it('is parsed: every row has an English and a Spanish term', () => {
    expect(glossary.rows.length).to.be.greaterThan(40);
    for (const row of glossary.rows) {
      expect(row.en, row.concept).to.not.be.empty;
      expect(row.es, row.concept).to.not.be.empty;
    }
    expect([...glossary.quoted]).to.not.be.empty;
    for (const key of glossary.quoted) expect(english, key).to.have.property(key);
  });

  it('does not contradict itself: no term is a variant to avoid', () => {
    const found: string[] = [];
    for (const row of glossary.rows)
      for (const other of glossary.rows) {
        for (const t of row.en)
          for (const v of other.notEn) if (v.test(t)) found.push(`"${t}" vs ${v.source}`);
        for (const t of row.es)
          for (const v of other.notEs) if (v.test(t)) found.push(`"${t}" vs ${v.source}`);
      }
    expect(found).to.deep.equal([]);
  });

  it('covers every catalogue: each Spanish key has its English message here', () => {
    expect(Object.keys(spanish).filter((k) => !(k in english))).to.deep.equal([]);
  });

  it('the English catalogues follow it', () => {
    expect(contradictions(glossary, english, 'en')).to.deep.equal([]);
  });

  it('the Spanish catalogue follows it', () => {
    expect(contradictions(glossary, spanish, 'es')).to.deep.equal([]);
  });

  it('finds a contradicting entry (the check itself can fail)', () => {
    const bad: Catalogue = {
      ...english,
      'forgot-password.back-to-login': 'Back to Login',
      'verify.code-label': 'Verification code',
      'password.cant-have': 'Password Can’t Have',
      'portal-home.menu.logout': 'Logout',
      'create-password.channel.sms': 'Send me a text message at {masked}',
    };
    const found = contradictions(glossary, bad, 'en').join('\n');
    expect(found).to.contain('forgot-password.back-to-login');
    expect(found).to.contain(
      'verify.code-label: "Verification code" is written "Verification Code"',
    );
    expect(found).to.contain('password.cant-have');
    expect(found).to.contain('portal-home.menu.logout');
    expect(found).to.contain('create-password.channel.sms');
  });
});
