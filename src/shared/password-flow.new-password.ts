import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AdapterError } from '../adapter/errors.js';
import type { AuthAdapter, PasswordFlowPurpose } from '../adapter/types.js';
import { offerCredential } from '../base/credentials.js';
import { addLateEnglish } from '../base/pep-element.js';
import { formStyles } from '../base/styles.js';
import { failedPasswordRules } from '../core/password-policy.js';
import type { MessageParams } from '../i18n/format.js';
import { passwordEn } from '../i18n/password.en.js';
import { CredentialForm, submitOnEnter } from './credential-form.js';
import { errorRegion } from './error-region.js';
import { loadedCommonPasswordCheck, newPasswordFields } from './password-checklist.js';
import type { PasswordFlowEvent, PasswordFlowState } from './password-flow.machine.js';
import { passwordStyles } from './password-styles.js';
import { sharedStyles } from './styles.js';

// Step 4 of the password flow, Create New Password (spec slides 7 and 19): New Password with the
// live "Password Must Have / Can't Have" checklist, Confirm Password, their checks, and saving
// the password.
// The one lazily loaded module of `<pep-create-password>` and `<pep-forgot-password>`: not on
// their first screen (Find Account), fetched while the code step shows and awaited with the
// code's check, so the step is there when the code is accepted.

// The checklist's words come with it (after a host's `messages` and the active language).
addLateEnglish(passwordEn);

type NewPasswordField = 'password' | 'confirm';

/** Codes of a Set Password failure that concern the New Password field. */
const PASSWORD_FIELD_CODES = new Set(['PASSWORD_POLICY', 'PASSWORD_REUSED']);

/**
 * What the step reads and calls of its element (`PasswordFlowElement`); the element itself
 * holds the step's light-DOM credential form.
 */
export interface NewPasswordHost extends ReactiveControllerHost, HTMLElement {
  readonly state: PasswordFlowState;
  readonly values: Readonly<Record<NewPasswordField, string>>;
  showPassword?: boolean;
  showConfirm?: boolean;
  /** The password last sent to setPassword (its adapter error applies while unchanged). */
  refusedPassword?: string | null;
  /** The last adapter action, repeated by "Try again" after a retryable failure. */
  retryAction?: () => void;
  /** Forgot Password's screens (else Create Password's). */
  readonly forgot: boolean;
  /** The Log In page (Back to Log In); no link is shown when empty. */
  readonly loginHref: string;
  /** Where the flow ends after the save ("Go to Log In"); `loginHref` when empty. */
  readonly doneHref: string;
  /** The element's `FormState` (its fields include these two). */
  readonly form: {
    errorFor(field: NewPasswordField, message: string | null): string | null;
    touch(field: NewPasswordField): void;
    /** Whether the field's errors show (left or submitted). */
    shows(field: NewPasswordField): boolean;
    submit(): void;
    focusFirstInvalid(errors: Partial<Record<NewPasswordField, unknown>>): Promise<unknown>;
  };
  setValue(field: NewPasswordField, value: string): void;
  send(event: PasswordFlowEvent): void;
  call<T>(fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Feed a failed call to the machine (unless the element aborted it itself). */
  fail(err: unknown, type: 'SET_FAIL'): AdapterError | null;
  /** Announce the saved password (each tag has its event); `false` when the host cancelled it. */
  passwordSaved(username: string, purpose: PasswordFlowPurpose): boolean;
  t(key: string, params?: MessageParams): string;
  words(key: string, params?: MessageParams): string;
  errorMessage(error: AdapterError): string;
  heading(title: string): TemplateResult;
  renderError(message?: string | null): TemplateResult;
  submitButton(label: string, busyLabel: string, pending: boolean): TemplateResult;
  requestUpdate(): void;
}

/**
 * The step's form in the element's light DOM (`CredentialForm`), so that password managers that
 * do not look into shadow roots see the username and the new password: created with the step's
 * first render (this module is the flows' lazy one, so it is not on their first screen).
 */
const credentialForms = new WeakMap<NewPasswordHost, CredentialForm>();

function credentials(host: NewPasswordHost): CredentialForm {
  let form = credentialForms.get(host);
  if (!form) {
    form = new CredentialForm(host, {
      styles: [formStyles, sharedStyles, passwordStyles],
      sync: () => readFields(host),
    });
    credentialForms.set(host, form);
  }
  return form;
}

/**
 * Take what New Password and Confirm Password hold now (a manager's or a script's fill, with
 * only `change`, only `input` or no event): before each render and at submit, on this step only.
 */
function readFields(host: NewPasswordHost): void {
  const form = credentialForms.get(host);
  if (!form || host.state.step !== 'password') return;
  for (const field of ['password', 'confirm'] as const) {
    const value = form.value(field);
    if (value !== undefined && value !== host.values[field]) host.setValue(field, value);
  }
}

/** The adapter's refusal of the password just submitted, while it is unchanged. */
function refusal(host: NewPasswordHost): AdapterError | null {
  const s = host.state;
  return s.step === 'password' &&
    s.error &&
    PASSWORD_FIELD_CODES.has(s.error.code) &&
    host.values.password === host.refusedPassword
    ? s.error
    : null;
}

/**
 * The message for the backend's refusal of a new password: a password refused as common or
 * breached (`PASSWORD_POLICY` with `not-common`) is said as such, rather than "does not meet
 * every requirement"; any other error has its usual message.
 */
function refusalText(host: NewPasswordHost, error: AdapterError): string {
  return error.is('PASSWORD_POLICY') && error.data.failed.includes('not-common')
    ? host.t('error.PASSWORD_COMMON')
    : host.errorMessage(error);
}

/** The errors of New Password and Confirm Password to show now. */
function newPasswordErrors(
  host: NewPasswordHost,
  username: string,
): { password: string | null; confirm: string | null } {
  const { password, confirm } = host.values;
  const confirmReason =
    confirm === ''
      ? host.words('confirm-required')
      : confirm !== password
        ? host.t('field.mismatch')
        : null;
  const confirmError = host.form.errorFor('confirm', confirmReason);
  const reason =
    password === ''
      ? host.t('field.password.required')
      : failedPasswordRules(password, { username, isCommon: loadedCommonPasswordCheck() }).length
        ? host.t('error.PASSWORD_POLICY')
        : null;
  const local = host.form.errorFor('password', reason);
  const refused = refusal(host);
  if (!refused) return { password: local, confirm: confirmError };
  if (!host.forgot) return { password: refusalText(host, refused), confirm: confirmError };
  // Forgot Password says a refusal under the field in its own words.
  const common = refused.is('PASSWORD_POLICY') && refused.data.failed.includes('not-common');
  return {
    password:
      local ??
      (refused.code === 'PASSWORD_REUSED'
        ? host.t('forgot-password.reused-field')
        : common
          ? host.t('error.PASSWORD_COMMON')
          : null),
    confirm: confirmError,
  };
}

/** Create / Update Password: check both fields, then save the password. */
async function save(host: NewPasswordHost, e?: Event): Promise<void> {
  e?.preventDefault();
  const s = host.state;
  if (s.step !== 'password' || s.pending) return;
  readFields(host);
  host.form.submit();
  host.refusedPassword = null;
  const errors = newPasswordErrors(host, s.username);
  if (errors.password || errors.confirm) {
    await host.form.focusFirstInvalid(errors);
    return;
  }
  const password = host.values.password;
  const { flowId } = s.flow;
  host.refusedPassword = password;
  host.retryAction = () => void save(host);
  host.send({ type: 'SET_PASSWORD' });
  try {
    await host.call((a, signal) => a.setPassword({ flowId, password }, { signal }));
    host.send({ type: 'SET_OK' });
    // Password managers may not see fields in a shadow root: offer them the new password.
    void offerCredential(s.username, password);
    // As in the guide, straight on to Log In (the confirmation shows meanwhile, and stays with
    // its link when the host cancels the event to go there itself).
    const href = doneHref(host);
    if (host.passwordSaved(s.username, s.purpose) && href) location.assign(href);
  } catch (err) {
    host.fail(err, 'SET_FAIL');
    if (refusal(host)) await host.form.focusFirstInvalid({ password: true });
  }
}

/**
 * Step 4 (its heading, the fields with the checklist, the error region, the submit), or the
 * confirmation once the password is saved.
 */
export function renderNewPassword(
  host: NewPasswordHost,
  s: Extract<PasswordFlowState, { step: 'password' | 'done' }>,
): TemplateResult {
  return s.step === 'done' ? renderSaved(host, s.username) : renderStep(host, s);
}

function renderStep(
  host: NewPasswordHost,
  s: Extract<PasswordFlowState, { step: 'password' }>,
): TemplateResult {
  const onSubmit = (e: Event) => void save(host, e);
  const form = credentials(host);
  const fields = newPasswordFields({
    host,
    values: host.values,
    visible: { password: !!host.showPassword, confirm: !!host.showConfirm },
    onToggle: (f) =>
      f === 'password'
        ? (host.showPassword = !host.showPassword)
        : (host.showConfirm = !host.showConfirm),
    onInput: (f, v) => host.setValue(f, v),
    onBlur: (f) => host.form.touch(f),
    t: (k, p) => host.t(k, p),
    labels: { password: host.words('new-password'), confirm: host.words('confirm-password') },
    errors: newPasswordErrors(host, s.username),
    context: { username: s.username },
    // Broken rules get their ✗ once New Password's errors show (left or submitted).
    showFailed: host.form.shows('password'),
    id: (name) => form.id(name),
  });
  // The credential form, in the element's light DOM: the account's username (hidden, for the
  // manager to save the new password under), the two fields with the checklist, and a hidden
  // submit button for managers that click one. The step's Save button stays in the shadow
  // layout (its own `<form>` around the slot); Enter in a field submits (`submitOnEnter`).
  // `method="post"`: a direct `form.submit()` never puts a password in a URL.
  const slot = form.render(
    html`<form
      method="post"
      novalidate
      @submit=${onSubmit}
      @keydown=${submitOnEnter}
      @change=${() => host.requestUpdate()}
    >
      <input type="text" name="username" autocomplete="username" .value=${s.username} hidden />
      ${fields}
      <button type="submit" hidden tabindex="-1">${host.words('submit')}</button>
    </form>`,
  );
  const submit = host.submitButton(host.words('submit'), host.words('saving'), s.pending);
  if (host.forgot)
    return html`<form part="form" novalidate @submit=${onSubmit}>
      ${host.heading(host.words('password-title'))}
      <p>${host.words('password-text')}</p>
      ${slot} ${host.renderError(s.error ? refusalText(host, s.error) : undefined)}
      <div class="actions">${submit}</div>
    </form>`;
  const fieldLevel = !!s.error && PASSWORD_FIELD_CODES.has(s.error.code);
  return html`${host.heading(host.words('password-title'))}
    <p>${host.words('password-text')}</p>
    ${host.renderError(fieldLevel ? host.t('common.error-summary') : undefined)}
    <form part="form" novalidate @submit=${onSubmit}>
      ${slot}
      <div class="actions">${submit}</div>
    </form>`;
}

/** Where the flow ends after the save: `doneHref`, else `loginHref` ('' for nowhere). */
function doneHref(host: NewPasswordHost): string {
  return host.doneHref || host.loginHref;
}

/** The confirmation, with the way to Log In. */
function renderSaved(host: NewPasswordHost, username: string): TemplateResult {
  const href = doneHref(host);
  const login = href
    ? host.forgot
      ? html`<p><a href=${href} part="link">${host.words('login')}</a></p>`
      : html`<div class="actions">
          <a class="primary" part="login-link submit-button" href=${href}>${host.words('login')}</a>
        </div>`
    : nothing;
  if (host.forgot)
    return html`<div part="form">
      ${host.heading(host.words('done-title'))}
      <p class="success" role="status">${host.words('done-text')}</p>
      ${errorRegion({})} ${login}
    </div>`;
  return html`${host.heading(host.words('done-title'))} ${errorRegion({})}
    <p class="success">${host.words('done-text', { username })}</p>
    ${login}`;
}
