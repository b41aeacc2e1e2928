import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { elementsFromManifest, parseTokens } from '../scripts/theming-reference.mjs';
import { tokens } from '../src/base/styles.js';
import type { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import type { PendingLogin, Session } from '../src/adapter/types.js';
import '../src/define.js';
import { demoPortalConfig } from '../demo/portal-config.js';
import { JANE, storyWorld, latestToken } from './registration.story-helpers.js';

/**
 * The design system from the code: the token table is parsed from `tokens` in
 * `src/base/styles.ts` and the part lists come from `custom-elements.json` (the same sources as
 * `docs/theming.md`). Use the toolbar's Theme and Language switchers with every story.
 */
const meta: Meta = {
  title: 'Design system/Theming',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const JANE_PASSWORD = 'Sunny-Day-42x';

interface World {
  adapter: MemoryAdapter;
  token: string;
  pending: PendingLogin;
  session: Session | null;
}

/** A producer (signed in), Jane active, a fresh invitation link, and a pending login of Jane. */
async function world(): Promise<World> {
  const { adapter } = await storyWorld({ delegates: [JANE], activate: true });
  const result = await adapter.login({ username: JANE.username, password: JANE_PASSWORD });
  if (result.status !== 'verification-required') throw new Error('expected a pending login');
  await adapter.admin.signIn('demoproducer');
  const session = await adapter.getSession();
  await adapter.addDelegate({ ...JANE, username: 'samlee0001', email: 'sam.lee@example.com' });
  return { adapter, token: latestToken(adapter), pending: result.pending, session };
}

/** Each widget in its first step. */
function widget(tag: string, w: World): TemplateResult {
  const a = w.adapter;
  switch (tag) {
    case 'pep-login':
      return html`<pep-login .adapter=${a}></pep-login>`;
    case 'pep-verify-account':
      return html`<pep-verify-account .adapter=${a} .pending=${w.pending}></pep-verify-account>`;
    case 'pep-typing-pattern':
      return html`<pep-typing-pattern
        mode="enroll"
        .adapter=${a}
        .pending=${w.pending}
      ></pep-typing-pattern>`;
    case 'pep-add-delegate':
      return html`<pep-add-delegate .adapter=${a}></pep-add-delegate>`;
    case 'pep-my-delegates':
      return html`<pep-my-delegates .adapter=${a}></pep-my-delegates>`;
    case 'pep-verify-email':
      return html`<pep-verify-email .adapter=${a} token=${w.token}></pep-verify-email>`;
    case 'pep-create-password':
      return html`<pep-create-password .adapter=${a}></pep-create-password>`;
    case 'pep-forgot-username':
      return html`<pep-forgot-username .adapter=${a}></pep-forgot-username>`;
    case 'pep-forgot-password':
      return html`<pep-forgot-password .adapter=${a}></pep-forgot-password>`;
    case 'pep-report-issue':
      return html`<pep-report-issue .adapter=${a} .session=${w.session}></pep-report-issue>`;
    case 'pep-portal-home':
      return html`<pep-portal-home
        .adapter=${a}
        .session=${w.session}
        .portalConfig=${demoPortalConfig}
      ></pep-portal-home>`;
    default:
      return html`<p>No example for &lt;${tag}&gt;.</p>`;
  }
}

const loaders = [async () => ({ world: await world() })];

// ------------------------------------------------------------------------------------------
// Token reference
// ------------------------------------------------------------------------------------------

const swatch = (value: string | undefined) =>
  value && /^#|^rgb/.test(value)
    ? html`<span
        style="display:inline-block;width:1.25rem;height:1.25rem;vertical-align:middle;border:1px solid #888;border-radius:3px;background:${value}"
      ></span>`
    : nothing;

/** Every `--pep-*` token with its light and dark default, or the token it falls back to. */
export const TokenReference: Story = {
  render: () => {
    const rows = parseTokens(tokens.cssText);
    return html`<table style="border-collapse:collapse;font:14px system-ui">
      <caption style="text-align:start;font-weight:600;padding-bottom:8px">
        Design tokens (parsed from src/base/styles.ts)
      </caption>
      <thead>
        <tr>
          <th scope="col" style="text-align:start;padding:4px 12px">Token</th>
          <th scope="col" style="text-align:start;padding:4px 12px">Light default</th>
          <th scope="col" style="text-align:start;padding:4px 12px">Dark default</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (t) =>
            html`<tr>
              <td style="padding:4px 12px"><code>${t.name}</code></td>
              ${t.fallsBackTo
                ? html`<td colspan="2" style="padding:4px 12px">
                    falls back to <code>${t.fallsBackTo}</code>
                  </td>`
                : html`<td style="padding:4px 12px">${swatch(t.light)} <code>${t.light}</code></td>
                    <td style="padding:4px 12px">${swatch(t.dark)} <code>${t.dark}</code></td>`}
            </tr>`,
        )}
      </tbody>
    </table>`;
  },
};

// ------------------------------------------------------------------------------------------
// Brand example: only tokens and parts
// ------------------------------------------------------------------------------------------

const brandCss = `
  .insurer-brand {
    --pep-color-primary: #00539b;
    --pep-color-primary-hover: #003f75;
    --pep-color-focus: #00539b;
    --pep-color-surface-alt: #eef4fa;
    --pep-color-highlight: #fdf0c2;
    --pep-radius: 2px;
    --pep-card-radius: 10px;
    --pep-card-shadow: 0 2px 10px rgb(0 40 80 / 0.18);
    --pep-font-family: Georgia, 'Times New Roman', serif;
    --pep-font-size-large: 1.5rem;
    --pep-control-height: 3rem;
    display: flex;
    flex-wrap: wrap;
    gap: 2rem;
    align-items: flex-start;
  }
  .insurer-brand > * {
    flex: 1 1 20rem;
  }
  /* The brand's dark variant: the theme switcher sets theme="dark" on <html>. */
  [theme='dark'] .insurer-brand {
    --pep-color-primary: #8cc4ff;
    --pep-color-primary-hover: #b5d9ff;
    --pep-color-focus: #8cc4ff;
    --pep-color-surface-alt: #1c2733;
    --pep-color-highlight: #4a3f12;
  }
  @media (prefers-color-scheme: dark) {
    :root:not([theme='light']) .insurer-brand {
      --pep-color-primary: #8cc4ff;
      --pep-color-primary-hover: #b5d9ff;
      --pep-color-focus: #8cc4ff;
      --pep-color-surface-alt: #1c2733;
      --pep-color-highlight: #4a3f12;
    }
  }
  .insurer-brand *::part(step-heading) {
    border-bottom: 3px solid #f2a900;
    padding-bottom: 0.25rem;
  }
  .insurer-brand *::part(submit-button) {
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .insurer-brand *::part(link) {
    font-weight: 600;
  }
`;

/** The insurer's blue: a stylesheet of `--pep-*` tokens and `::part()` rules, nothing else. */
export const Brand: Story = {
  loaders,
  render: (_args, { loaded }) => {
    const w = loaded['world'] as World;
    return html`<style>
        ${brandCss}
      </style>
      <div class="insurer-brand">
        ${widget('pep-login', w)} ${widget('pep-forgot-password', w)}
        ${widget('pep-add-delegate', w)}
      </div>`;
  },
};

// ------------------------------------------------------------------------------------------
// Parts, outlined, per element (from custom-elements.json)
// ------------------------------------------------------------------------------------------

const elements = elementsFromManifest(manifest);
const COLOURS = ['#d1006b', '#0072b2', '#009e73', '#e69f00', '#7a3eb1', '#c0392b', '#00838f'];

function partsStory(tag: string): Story {
  const parts = elements.find((e) => e.tag === tag)?.parts ?? [];
  const css = parts
    .map(
      (p, i) =>
        `.parts-demo ${tag}::part(${p.name}) { outline: 2px dashed ${COLOURS[i % COLOURS.length]}; outline-offset: 1px; }`,
    )
    .join('\n');
  return {
    loaders,
    render: (_args, { loaded }) =>
      html`<style>
          ${css}
        </style>
        <div
          class="parts-demo"
          style="display:grid;grid-template-columns:minmax(0,2fr) minmax(12rem,1fr);gap:2rem"
        >
          <div>${widget(tag, loaded['world'] as World)}</div>
          <dl style="font:14px system-ui;margin:0">
            ${parts.map(
              (p, i) =>
                html`<dt style="font-weight:600">
                    <span
                      aria-hidden="true"
                      style="display:inline-block;width:1.5rem;border-top:2px dashed ${COLOURS[
                        i % COLOURS.length
                      ]};vertical-align:middle"
                    ></span>
                    <code>::part(${p.name})</code>
                  </dt>
                  <dd style="margin:0 0 6px 2rem">${p.description}</dd>`,
            )}
          </dl>
        </div>`,
  };
}

export const PartsLogin = partsStory('pep-login');
export const PartsVerifyAccount = partsStory('pep-verify-account');
export const PartsTypingPattern = partsStory('pep-typing-pattern');
export const PartsAddDelegate = partsStory('pep-add-delegate');
export const PartsMyDelegates = partsStory('pep-my-delegates');
export const PartsVerifyEmail = partsStory('pep-verify-email');
export const PartsCreatePassword = partsStory('pep-create-password');
export const PartsForgotUsername = partsStory('pep-forgot-username');
export const PartsForgotPassword = partsStory('pep-forgot-password');
export const PartsReportIssue = partsStory('pep-report-issue');
export const PartsPortalHome = partsStory('pep-portal-home');
