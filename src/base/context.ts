import { createContext } from '@lit/context';
import type { AuthAdapter } from '../adapter/types.js';

/** The adapter every widget below a `<pep-auth-provider>` (or any ContextProvider) receives. */
export const adapterContext = createContext<AuthAdapter | undefined>(Symbol('pep-adapter'));

/** Host-wide configuration (help desk number, hrefs), provided alongside the adapter. */
export interface PepConfig {
  /** Internet Help Desk phone number shown in help texts. */
  helpDeskPhone: string;
  /**
   * Passkey UI on (`<pep-auth-provider passkeys>`): sign-in with a passkey, the offer after
   * sign-in, passkeys on My Information. Off when absent; never shown without WebAuthn.
   */
  passkeys?: boolean;
}

export const DEFAULT_CONFIG: PepConfig = {
  helpDeskPhone: '1-888-706-0583',
};

export const configContext = createContext<PepConfig>(Symbol('pep-config'));
