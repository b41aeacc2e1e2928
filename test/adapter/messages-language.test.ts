/**
 * Issue 23, item 11: every email and text message the engine sends, in English and in Spanish,
 * follows docs/glossary.md (no variant it forbids in that language), and a Spanish delegate's
 * message is Spanish through and through (no English line left in it).
 */
import { expect } from '@open-wc/testing';
import {
  accountNoticeMessage,
  codeMessage,
  invitationMessage,
  passwordChangedMessage,
  usernameReminderMessage,
  type AccountNotice,
  type OutgoingMessage,
} from '../../src/adapter/engine/messages.js';
import type { DelegateInput, Language } from '../../src/adapter/types.js';

const PHONE = '1-888-706-0583';

function person(language: Language): Omit<DelegateInput, 'states'> {
  return {
    username: 'janedoe01',
    email: 'jane.doe@example.com',
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '+13125550101',
    language,
  };
}

/** Every message an account can receive, by name. */
function allMessages(language: Language): Record<string, OutgoingMessage> {
  const p = person(language);
  const notices: AccountNotice[] = ['unlocked', 'deactivated', 'reactivated', 'pattern-reset'];
  return {
    'code email': codeMessage(p, 'email', 'ABCD2345', PHONE),
    'code sms': codeMessage(p, 'sms', 'ABCD2345', PHONE),
    invitation: invitationMessage(
      p,
      { firstName: 'Pat', lastName: 'Morgan' },
      'https://portal.example/#/verify-email?token=t',
      PHONE,
    ),
    'password created': passwordChangedMessage(p, 'create', PHONE),
    'password updated': passwordChangedMessage(p, 'reset', PHONE),
    'username reminder': usernameReminderMessage(p.email, [p.username], PHONE, language),
    ...Object.fromEntries(
      notices.flatMap((n) => [
        [`${n} by the help desk`, accountNoticeMessage(p, n, { role: 'help-desk' }, PHONE)],
        [
          `${n} by the producer`,
          accountNoticeMessage(
            p,
            n,
            { role: 'producer', firstName: 'Pat', lastName: 'Morgan' },
            PHONE,
          ),
        ],
      ]),
    ),
  };
}

/** The glossary's forbidden variants per language (its tables' last two columns). */
async function forbidden(): Promise<Record<Language, { source: string; re: RegExp }[]>> {
  const res = await fetch(new URL('../../docs/glossary.md', import.meta.url));
  expect(res.ok, 'docs/glossary.md is served').to.equal(true);
  const out: Record<Language, { source: string; re: RegExp }[]> = { en: [], es: [] };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of (await res.text()).split('\n')) {
    if (!line.startsWith('|') || /^\|\s*(---|Concept\b|Key\b)/.test(line)) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    if (cells.length !== 6) continue;
    for (const [lang, cell] of [
      ['en', cells[4]!],
      ['es', cells[5]!],
    ] as const) {
      for (const m of cell.matchAll(/`([^`]+)`/g)) {
        const source = m[1]!.replace(/\\\|/g, '|');
        const re = /^\/(.+)\/([a-z]*)$/.exec(source);
        out[lang].push({
          source,
          re: re ? new RegExp(re[1]!, re[2]) : new RegExp(escape(source)),
        });
      }
    }
  }
  expect(out.en.length, 'variants found').to.be.greaterThan(40);
  return out;
}

describe('emails and text messages in the delegate language (issue 23)', () => {
  it('follow the glossary in English and in Spanish', async () => {
    const variants = await forbidden();
    const found: string[] = [];
    for (const lang of ['en', 'es'] as const) {
      for (const [name, m] of Object.entries(allMessages(lang))) {
        for (const v of variants[lang]) {
          // A link is an address, not words.
          const text = `${m.subject ?? ''}\n${m.text}`.replace(/https?:\/\/\S+/g, '');
          if (v.re.test(text)) found.push(`${lang} ${name}: uses ${v.source}`);
        }
      }
    }
    expect(found).to.deep.equal([]);
  });

  it('a Spanish message has no English line; the English one has no Spanish line', () => {
    const en = allMessages('en');
    const es = allMessages('es');
    const english = /\b(Hello|Username|Questions|Your|You|The|If you|password|account)\b/;
    const spanish = /\b(Hola|Nombre de usuario|Preguntas|[Ss]u|contraseña|cuenta|código)\b/;
    for (const name of Object.keys(en)) {
      const a = en[name]!;
      const b = es[name]!;
      expect(b.to, name).to.equal(a.to);
      expect(b.channel, name).to.equal(a.channel);
      expect(`${b.subject ?? ''}\n${b.text}`, `Spanish ${name}`).to.not.match(english);
      expect(`${a.subject ?? ''}\n${a.text}`, `English ${name}`).to.not.match(spanish);
      expect(`${b.subject ?? ''}\n${b.text}`, `Spanish ${name}`).to.match(spanish);
    }
  });

  it('no language (an account written before 0005) is English', () => {
    const { language: _, ...legacy } = person('es');
    expect(codeMessage(legacy, 'sms', 'ABCD2345', PHONE).text).to.equal(
      allMessages('en')['code sms']!.text,
    );
  });
});
