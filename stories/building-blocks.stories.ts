import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { tokens, formStyles } from '../src/base/styles.js';
import { commonEn } from '../src/i18n/common.en.js';
import { formatMessage } from '../src/i18n/format.js';
import {
  codeInput,
  errorRegion,
  passwordChecklist,
  passwordField,
  sharedStyles,
  stepHeading,
  textField,
} from '../src/shared/index.js';
import { adapterError } from '../src/adapter/errors.js';

const t = (key: string, params?: Record<string, string | number>) =>
  formatMessage((commonEn as Record<string, string>)[key] ?? key, params);

/** A showcase of the shared building blocks every widget is made of (stories only). */
class PepStoryBlocks extends LitElement {
  static override styles = [
    tokens,
    formStyles,
    sharedStyles,
    css`
      :host {
        max-width: 28rem;
      }
    `,
  ];

  @property() error: 'none' | 'field' | 'network' = 'none';
  @state() private username = 'jsmith01';
  @state() private code = '';
  @state() private password = 'Delegate#2026';
  @state() private visible = false;

  override render() {
    const adapterFailure = this.error === 'network' ? adapterError('NETWORK') : null;
    return html`<div class="card">
      ${stepHeading('Create New Password', t('common.step-of', { step: 4, total: 4 }))}
      <form @submit=${(e: Event) => e.preventDefault()}>
        ${textField({
          id: 'username',
          label: 'Username',
          value: this.username,
          autocomplete: 'username',
          hint: 'At least 7 letters or digits.',
          error: this.error === 'field' ? t('field.username.too-short') : null,
          onInput: (v) => (this.username = v),
        })}
        ${codeInput({
          label: 'Verification Code',
          value: this.code,
          onInput: (v) => (this.code = v),
        })}
        ${passwordField({
          id: 'password',
          label: 'New Password',
          value: this.password,
          visible: this.visible,
          onToggle: () => (this.visible = !this.visible),
          onInput: (v) => (this.password = v),
          describedBy: 'policy',
          t,
        })}
        ${passwordChecklist({
          id: 'policy',
          password: this.password,
          context: { username: this.username },
          showHistory: true,
          t,
        })}
        ${errorRegion({
          message: adapterFailure ? t('error.NETWORK') : null,
          key: adapterFailure,
          retry: adapterFailure ? { label: t('common.retry'), onRetry: () => {} } : null,
        })}
        <div class="actions">
          <button class="primary" part="submit-button" type="submit">Create Password</button>
        </div>
      </form>
    </div>`;
  }
}
if (!customElements.get('pep-story-blocks'))
  customElements.define('pep-story-blocks', PepStoryBlocks);

const meta: Meta = {
  title: 'Building blocks/Form parts',
  render: (args) => html`<pep-story-blocks error=${args['error']}></pep-story-blocks>`,
  argTypes: { error: { control: 'inline-radio', options: ['none', 'field', 'network'] } },
  args: { error: 'none' },
};
export default meta;

type Story = StoryObj;
export const AllParts: Story = {};
export const FieldError: Story = { args: { error: 'field' } };
export const RetryableAdapterError: Story = { args: { error: 'network' } };
