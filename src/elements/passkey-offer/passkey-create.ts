/**
 * Creating a passkey, the one flow `<pep-passkey-offer>` and `<pep-passkeys>` share: the
 * backend's registration options, the browser's dialog (`shared/webauthn.ts`), the backend's
 * verification; and the words for each way it can fail.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { AuthAdapter, Passkey } from '../../adapter/types.js';
import type { MessageParams } from '../../i18n/format.js';
import { createPasskey } from '../../shared/webauthn.js';
import type { PasskeyProblem } from './passkey-offer.machine.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** A passkey was created and registered (its id is the public credential id). */
    'pep-passkey-created': { passkey: Passkey };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-passkey-created': CustomEvent<{ passkey: Passkey }>;
  }
}

/** An element's abortable adapter call (`PepElement.call`). */
type Call = <T>(fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>) => Promise<T>;

/** A passkey, a failure to show, or `null`: aborted (the element left; show nothing). */
export type CreateOutcome =
  | { ok: true; passkey: Passkey }
  | { ok: false; problem: PasskeyProblem | null };

/**
 * Run the whole creation. `signal` aborts the browser's dialog (the element was removed); the
 * adapter calls are aborted by the element itself (`call`).
 */
export async function createPasskeyFlow(
  call: Call,
  name: string,
  signal: AbortSignal,
): Promise<CreateOutcome> {
  const fail = (error: AdapterError): CreateOutcome => ({
    ok: false,
    problem: error.code === 'ABORTED' ? null : { kind: 'adapter', error },
  });
  let registration;
  try {
    registration = await call((a, s) => a.startPasskeyRegistration({ signal: s }));
  } catch (e) {
    return fail(e as AdapterError);
  }
  const result = await createPasskey(registration.options, { signal });
  if (!result.ok)
    return {
      ok: false,
      problem: result.reason === 'aborted' ? null : { kind: 'webauthn', reason: result.reason },
    };
  try {
    const passkey = await call((a, s) =>
      a.finishPasskeyRegistration(
        { ceremonyId: registration.ceremonyId, response: result.response, name },
        { signal: s },
      ),
    );
    return { ok: true, passkey };
  } catch (e) {
    return fail(e as AdapterError);
  }
}

/** The message key of a failure, or `null`: the adapter error's own message. */
export function problemKey(problem: PasskeyProblem): string | null {
  if (problem.kind === 'webauthn') return `passkey.problem.${problem.reason}`;
  const { error } = problem;
  if (error.code === 'PASSKEY_REJECTED') {
    const reason = (error.data as { reason?: string }).reason;
    return reason === 'invalid' ? 'passkey.problem.invalid' : 'passkey.problem.expired';
  }
  return null;
}

/**
 * A default name for a new passkey: "Passkey on Linux" (the platform the browser reports),
 * at most 64 characters; the user can rename it on My Information.
 */
export function defaultPasskeyName(t: (key: string, params?: MessageParams) => string): string {
  const nav = globalThis.navigator as Navigator & { userAgentData?: { platform?: string } };
  const platform = (nav?.userAgentData?.platform || nav?.platform || '').trim();
  const name = t('passkey.default-name', { device: platform || t('passkey.this-device') });
  return [...name].slice(0, 64).join('').trim();
}
