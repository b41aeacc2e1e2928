import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { adapterError, type AdapterError } from '../../src/adapter/errors.js';
import { tokens, formStyles } from '../../src/base/styles.js';
import { commonEn } from '../../src/i18n/common.en.js';
import { formatMessage } from '../../src/i18n/format.js';
import {
  codeInput,
  errorRegion,
  FormState,
  isRetryable,
  passwordChecklist,
  passwordField,
  sharedStyles,
  stepHeading,
  textField,
} from '../../src/shared/index.js';

const t = (k: string, p?: Record<string, string | number>) =>
  formatMessage((commonEn as Record<string, string>)[k] ?? k, p);

class BlocksHarness extends LitElement {
  static override styles = [tokens, formStyles, sharedStyles];
  static override properties = {
    name: { state: true },
    code: { state: true },
    pw: { state: true },
    visible: { state: true },
    error: { state: true },
  };
  name = '';
  code = '';
  pw = '';
  visible = false;
  error: AdapterError | null = null;
  retries = 0;
  form = new FormState<'name' | 'code' | 'password'>(this, ['name', 'code', 'password']);

  errors() {
    return {
      name: this.name ? null : 'Enter a name.',
      code: this.code.length === 8 ? null : 'Enter the code.',
      password: this.pw ? null : 'Enter a password.',
    };
  }

  override render() {
    const e = this.errors();
    return html`${stepHeading('Create New Password', t('common.step-of', { step: 4, total: 4 }))}
      ${errorRegion({
        message: this.error ? t(`error.${this.error.code}`) : null,
        key: this.error,
        retry: isRetryable(this.error)
          ? { label: t('common.retry'), onRetry: () => (this.retries += 1) }
          : null,
      })}
      <form
        novalidate
        @submit=${(ev: Event) => {
          ev.preventDefault();
          this.form.submit();
          void this.form.focusFirstInvalid(this.errors());
        }}
      >
        ${textField({
          id: 'name',
          label: 'Name',
          hint: 'Your name',
          value: this.name,
          error: this.form.errorFor('name', e.name),
          onInput: (v) => (this.name = v),
          onBlur: () => this.form.touch('name'),
        })}
        ${codeInput({
          label: 'Code',
          value: this.code,
          error: this.form.errorFor('code', e.code),
          onInput: (v) => (this.code = v),
          onBlur: () => this.form.touch('code'),
        })}
        ${passwordField({
          id: 'password',
          label: 'New Password',
          value: this.pw,
          visible: this.visible,
          onToggle: () => (this.visible = !this.visible),
          onInput: (v) => (this.pw = v),
          error: this.form.errorFor('password', e.password),
          describedBy: 'password-rules',
          t,
        })}
        ${passwordChecklist({ password: this.pw, context: { username: 'janedoe1' }, t })}
        <button type="submit">Go</button>
      </form>`;
  }
}
customElements.define('blocks-harness', BlocksHarness);

const q = <T extends Element>(el: BlocksHarness, s: string) => el.shadowRoot!.querySelector<T>(s)!;

async function type(el: BlocksHarness, sel: string, value: string) {
  const input = q<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  return input;
}

describe('shared building blocks', () => {
  let el: BlocksHarness;
  beforeEach(async () => {
    el = await fixture<BlocksHarness>(fhtml`<blocks-harness></blocks-harness>`);
  });

  it('is accessible', async () => {
    await expect(el).to.be.accessible();
  });

  it('stepHeading renders a focusable h2 with the step line', () => {
    const h = q<HTMLElement>(el, 'h2');
    expect(h.hasAttribute('data-step-heading')).to.equal(true);
    expect(h.getAttribute('tabindex')).to.equal('-1');
    expect(h.getAttribute('part')).to.equal('step-heading');
    expect(h.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Step 4 of 4 Create New Password');
  });

  it('textField binds label, hint and error', async () => {
    const input = q<HTMLInputElement>(el, '#name');
    expect(q(el, 'label[for=name]').textContent).to.equal('Name');
    expect(input.getAttribute('aria-describedby')).to.equal('name-hint');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    input.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('name-hint name-error');
    expect(q(el, '#name-error').textContent).to.equal('Enter a name.');
    await type(el, '#name', 'Jane');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(q(el, '#name-error').textContent).to.equal('');
  });

  it('codeInput normalises a pasted code with spaces and dashes', async () => {
    const input = q<HTMLInputElement>(el, '#code');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('text');
    expect(Number(input.getAttribute('maxlength'))).to.be.greaterThan(' abcd - efgh '.length);
    await type(el, '#code', ' abcd - efgh ');
    expect(el.code).to.equal('ABCDEFGH');
    expect(input.value).to.equal('ABCDEFGH');
    await type(el, '#code', 'ABCDEFGH ');
    expect(input.value).to.equal('ABCDEFGH');
  });

  it('passwordField toggles visibility with aria-pressed and a constant name', async () => {
    const input = q<HTMLInputElement>(el, '#password');
    const button = q<HTMLButtonElement>(el, '[part=toggle-button]');
    expect(input.type).to.equal('password');
    expect(input.getAttribute('autocomplete')).to.equal('new-password');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent!.trim()).to.equal('Show password');
    expect(input.getAttribute('aria-describedby')).to.equal('password-rules');
    button.click();
    await el.updateComplete;
    expect(input.type).to.equal('text');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Show password');
  });

  it('passwordChecklist follows the typed password', async () => {
    const met = () =>
      [...el.shadowRoot!.querySelectorAll('[part=checklist] li[data-met=true]')].map((li) =>
        li.getAttribute('data-rule'),
      );
    await type(el, '#password', 'abc');
    expect(met()).to.deep.equal([
      'lowercase',
      'no-username',
      'no-name',
      'no-triple',
      'no-edge-space',
    ]);
    await type(el, '#password', 'Sunny-Day-42x');
    expect(met()).to.have.length(9);
    await type(el, '#password', 'Janedoe1!xyz');
    expect(met()).to.not.include('no-username');
    const li = q(el, 'li[data-rule=digit]');
    expect(li.textContent!.replace(/\s+/g, ' ')).to.contain('A number (0–9): met');
    expect(q(el, 'li[data-rule=no-username]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Your username: not met',
    );
    expect(q(el, 'li[data-rule=history]').textContent).to.contain('10 previously used');
  });

  it('FormState shows errors on submit and focuses the first invalid field', async () => {
    await type(el, '#name', 'Jane');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    expect(q(el, '#code-error').textContent).to.equal('Enter the code.');
    expect(q(el, '#password-error').textContent).to.equal('Enter a password.');
    expect(el.form.submitted).to.equal(true);
    el.form.reset();
    await el.updateComplete;
    expect(q(el, '#code-error').textContent).to.equal('');
  });

  it('errorRegion is always present and offers retry only for retryable errors', async () => {
    const region = q<HTMLElement>(el, '[role=alert]');
    expect(region.getAttribute('part')).to.equal('error');
    expect(region.textContent!.trim()).to.equal('');
    el.error = adapterError('NETWORK');
    await el.updateComplete;
    expect(q(el, '[role=alert]')).to.equal(region);
    expect(region.textContent).to.contain('could not reach the server');
    const first = region.querySelector('.alert');
    q<HTMLButtonElement>(el, '[part=retry-button]').click();
    expect(el.retries).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(region);
    el.error = adapterError('NETWORK');
    await el.updateComplete;
    expect(region.querySelector('.alert')).to.not.equal(first);
    el.error = adapterError('CODE_EXPIRED');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('isRetryable', () => {
    expect(isRetryable(adapterError('TIMEOUT'))).to.equal(true);
    expect(isRetryable(adapterError('UNAVAILABLE'))).to.equal(true);
    expect(isRetryable(adapterError('LINK_USED'))).to.equal(false);
    expect(isRetryable(null)).to.equal(false);
  });
});
