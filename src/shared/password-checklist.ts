import { html, type TemplateResult } from 'lit';
import { loadCommonPasswordCheck, type CommonPasswordCheck } from '../core/common-passwords.js';
import { evaluatePassword, type PasswordContext } from '../core/password-policy.js';
import { passwordField, type Translate } from './password-field.js';

// A module of its own, apart from `passwordField`: Log In shows a password field on its first
// screen, but the checklist (and the password policy it evaluates) only shows on the new-password
// step of Create Password and Forgot Password (`password-flow.new-password.ts`, loaded lazily).

// The common/breached password dictionary (about 200 KB gzip) is a chunk of its own: the
// new-password step starts loading it when it first renders, and its hosts render again once it
// is there. Until then the `not-common` rule shows as being checked.
let commonCheck: CommonPasswordCheck | null = null;
const waiting = new Set<{ requestUpdate(): void }>();

/**
 * The common-password check once loaded; until then `null`, and loading starts (once) in the
 * background: `host.requestUpdate()` runs when it arrives. A failed load leaves the rule pending
 * (the backend checks it anyway) and is tried again at the next call.
 */
function commonPasswordCheckFor(host: { requestUpdate(): void }): CommonPasswordCheck | null {
  if (commonCheck) return commonCheck;
  waiting.add(host);
  void loadCommonPasswordCheck().then(
    (check) => {
      commonCheck = check;
      for (const h of waiting) h.requestUpdate();
      waiting.clear();
    },
    () => waiting.clear(),
  );
  return null;
}

/** The common-password check if it has been loaded (for a step's own checks), else `null`. */
export function loadedCommonPasswordCheck(): CommonPasswordCheck | null {
  return commonCheck;
}

export interface PasswordChecklistOptions {
  /** Id of the checklist container (default `password-rules`). */
  id?: string;
  password: string;
  /**
   * Username / names the password may not contain, and the common-password check (`isCommon`;
   * without it the "A common or breached password" item shows as being checked).
   */
  context?: PasswordContext;
  /** Add the "previously used passwords" line under "Can't Have" (default true). */
  showHistory?: boolean;
  /**
   * Mark every broken rule with ✗ (e.g. once the field was left or the form submitted). Until
   * then a "Must Have" rule not met yet keeps the neutral dot; a broken "Can't Have" rule is
   * marked ✗ at once.
   */
  showFailed?: boolean;
  t: Translate;
}

/**
 * The live "Password Must Have" / "Password Can't Have" checklist from `evaluatePassword`
 * (`part="checklist"`). Each rule item has `data-rule` and `data-met="true|false"`, a visual
 * mark (✓ met, ✗ broken — see `showFailed` — else a neutral dot), and hidden text "met" /
 * "not met" for screen readers; a rule that cannot be checked yet (`not-common` until its
 * dictionary has loaded) has `data-met="pending"`, a neutral mark and "being checked". With an
 * empty password the "Can't Have" rules have nothing to check: `data-met="unchecked"`, a neutral
 * dot and "not checked yet". The history rule (last 10 passwords) can only be checked by the
 * backend, so it is listed without a state.
 */
export function passwordChecklist(o: PasswordChecklistOptions): TemplateResult {
  const id = o.id ?? 'password-rules';
  const results = evaluatePassword(o.password, o.context ?? {});
  const item = (r: { id: string; kind: string; ok: boolean; pending?: boolean }) => {
    const state =
      r.kind === 'cant' && !o.password
        ? 'unchecked'
        : r.pending
          ? 'pending'
          : r.ok
            ? 'true'
            : 'false';
    const failed = state === 'false' && (o.showFailed || r.kind === 'cant');
    const mark = { pending: '…', true: '✓', false: failed ? '✗' : '•', unchecked: '•' }[state];
    const said = {
      pending: 'password.rule-pending',
      true: 'password.rule-met',
      false: 'password.rule-not-met',
      unchecked: 'password.rule-unchecked',
    }[state];
    return html`<li data-rule=${r.id} data-met=${state} part="checklist-item">
      <span class=${failed ? 'mark failed' : 'mark'} aria-hidden="true">${mark}</span>
      <span
        >${o.t(`password.rule.${r.id}`)}<span class="visually-hidden">: ${o.t(said)}</span></span
      >
    </li>`;
  };
  return html`<div id=${id} class="checklist" part="checklist">
    <p id=${`${id}-must`} class="checklist-title">${o.t('password.must-have')}</p>
    <ul aria-labelledby=${`${id}-must`}>
      ${results.filter((r) => r.kind === 'must').map(item)}
    </ul>
    <p id=${`${id}-cant`} class="checklist-title">${o.t('password.cant-have')}</p>
    <ul aria-labelledby=${`${id}-cant`}>
      ${results.filter((r) => r.kind === 'cant').map(item)}
      ${o.showHistory === false
        ? ''
        : html`<li data-rule="history" part="checklist-item">
            <span class="mark" aria-hidden="true">•</span
            ><span>${o.t('password.rule.history')}</span>
          </li>`}
    </ul>
  </div>`;
}

export interface NewPasswordFieldsOptions {
  /** What is typed in New Password and Confirm Password. */
  values: { password: string; confirm: string };
  labels: { password: string; confirm: string };
  /** Each field's error to show now (the caller decides when). */
  errors: { password?: string | null; confirm?: string | null };
  /** Whether each field shows its text (the caller keeps this state). */
  visible: { password: boolean; confirm: boolean };
  onToggle: (field: 'password' | 'confirm') => void;
  onInput: (field: 'password' | 'confirm', value: string) => void;
  onBlur: (field: 'password' | 'confirm') => void;
  /** Username / names the password may not contain (for the checklist). */
  context: PasswordContext;
  /** Mark the checklist's broken rules with ✗ (`PasswordChecklistOptions.showFailed`). */
  showFailed?: boolean;
  /** The element: rendered again when the common-password check has loaded. */
  host: { requestUpdate(): void };
  t: Translate;
  /**
   * The id of each part (`password`, `password-rules`, `confirm`), e.g. page-unique ids in light
   * DOM (`CredentialForm.id`); the inputs keep their names. Default: the name itself.
   */
  id?: (name: string) => string;
}

/**
 * The new-password part of Create Password and Forgot Password (spec slides 7 and 19): New
 * Password with the live "Password Must Have / Can't Have" checklist it is described by, then
 * Confirm Password. Ids `password`, `password-rules` and `confirm`. Starts loading the
 * common-password check (see {@link commonPasswordCheckFor}) the first time it renders.
 */
export function newPasswordFields(o: NewPasswordFieldsOptions): TemplateResult {
  const ids = o.id ?? ((name: string) => name);
  const field = (id: 'password' | 'confirm', describedBy?: string) =>
    passwordField({
      id: ids(id),
      name: id,
      label: o.labels[id],
      value: o.values[id],
      visible: o.visible[id],
      onToggle: () => o.onToggle(id),
      onInput: (v) => o.onInput(id, v),
      onBlur: () => o.onBlur(id),
      error: o.errors[id] ?? null,
      ...(describedBy ? { describedBy } : {}),
      t: o.t,
    });
  return html`${field('password', ids('password-rules'))}
  ${passwordChecklist({
    id: ids('password-rules'),
    password: o.values.password,
    context: { ...o.context, isCommon: commonPasswordCheckFor(o.host) },
    showFailed: !!o.showFailed,
    t: o.t,
  })}
  ${field('confirm')}`;
}
