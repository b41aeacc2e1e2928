import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { AuthAdapter } from '../../adapter/types.js';
import {
  adapterContext,
  configContext,
  DEFAULT_CONFIG,
  type PepConfig,
} from '../../base/context.js';

/**
 * Provides one adapter (and host configuration) to every pep-* element inside it.
 *
 * @summary Gives one adapter and configuration to every widget inside it.
 *
 * @slot - The widgets that use this adapter.
 */
export class PepAuthProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  #adapter = new ContextProvider(this, { context: adapterContext });
  #config = new ContextProvider(this, { context: configContext, initialValue: DEFAULT_CONFIG });

  /** The backend adapter every descendant widget uses. */
  @property({ attribute: false })
  get adapter(): AuthAdapter | undefined {
    return this.#adapter.value;
  }
  set adapter(value: AuthAdapter | undefined) {
    this.#adapter.setValue(value);
  }

  /** Internet Help Desk phone number shown by the widgets. */
  @property({ attribute: 'help-desk-phone' })
  get helpDeskPhone(): string {
    return this.#config.value.helpDeskPhone;
  }
  set helpDeskPhone(value: string) {
    this.config = { ...this.#config.value, helpDeskPhone: value };
  }

  /** The whole configuration object. */
  @property({ attribute: false })
  get config(): PepConfig {
    return this.#config.value;
  }
  set config(value: PepConfig) {
    this.#config.setValue({ ...DEFAULT_CONFIG, ...value });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
