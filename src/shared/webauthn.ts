/**
 * The browser side of passkeys (WebAuthn): the only module that calls `navigator.credentials`
 * for them. The elements turn what it answers into their own messages.
 *
 * ```ts
 * import { createPasskey, getPasskey, passkeysSupported, cancelPasskeyRequest } from '../../shared/webauthn.js';
 * if (!passkeysSupported()) return nothing;          // no WebAuthn: no passkey UI at all
 * const { ceremonyId, options } = await adapter.startPasskeyRegistration();
 * const result = await createPasskey(options);       // { ok: true, response } | { ok: false, reason }
 * if (result.ok) await adapter.finishPasskeyRegistration({ ceremonyId, response: result.response, name });
 * else show(`…${result.reason}`);                    // 'cancelled', 'already-registered', …
 * ```
 *
 * - `createPasskey` / `getPasskey` never throw: a failure is `{ ok: false, reason }`.
 * - One request at a time: starting one aborts the one in flight (a conditional / autofill
 *   request is aborted before any modal request, as WebAuthn requires); that one then answers
 *   `reason: 'aborted'`, which the caller ignores. `cancelPasskeyRequest()` aborts it too (e.g.
 *   when the element that started it is removed), and so does the caller's own `signal`.
 * - `@simplewebauthn/browser` (the JSON ⇄ ArrayBuffer work) is loaded by dynamic `import()`
 *   with the first request (or `preloadWebAuthn()`), so no element's first screen carries it.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * Why a passkey request did not give a credential:
 * - `cancelled`: the person dismissed the browser's dialog, or it timed out (`NotAllowedError`);
 * - `already-registered`: this authenticator already holds a passkey of this account
 *   (`InvalidStateError`, registration only);
 * - `security`: the page's origin does not match the relying party (`SecurityError`);
 * - `unsupported`: no WebAuthn in this browser, or no authenticator that can do what is asked
 *   (`NotSupportedError`, `ConstraintError`, conditional mediation unavailable);
 * - `aborted`: aborted by a newer request, `cancelPasskeyRequest()` or the caller's signal
 *   (not the person's doing: show nothing);
 * - `failed`: anything else, including the WebAuthn library failing to load (retryable).
 */
export type PasskeyFailureReason =
  | 'cancelled'
  | 'already-registered'
  | 'security'
  | 'unsupported'
  | 'aborted'
  | 'failed';

/** What `createPasskey` / `getPasskey` answer. */
export type PasskeyResult<T> =
  | { ok: true; response: T }
  | { ok: false; reason: PasskeyFailureReason };

/** True when this browser has WebAuthn (`PublicKeyCredential` and `navigator.credentials`). */
export function passkeysSupported(): boolean {
  return (
    typeof globalThis.PublicKeyCredential === 'function' &&
    typeof globalThis.navigator?.credentials?.create === 'function' &&
    typeof globalThis.navigator.credentials.get === 'function'
  );
}

/**
 * True when the browser offers passkeys in an input's autofill (conditional mediation,
 * `PublicKeyCredential.isConditionalMediationAvailable()`); false without WebAuthn or on error.
 */
export async function conditionalMediationAvailable(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  try {
    return (await PublicKeyCredential.isConditionalMediationAvailable?.()) === true;
  } catch {
    return false;
  }
}

/**
 * True when this device has its own authenticator that verifies the person (fingerprint, face,
 * screen lock): `PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()`. False
 * without WebAuthn or on error. (`<pep-login>` offers to create a passkey only then.)
 */
export async function platformAuthenticatorAvailable(): Promise<boolean> {
  if (!passkeysSupported()) return false;
  try {
    return (await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()) === true;
  } catch {
    return false;
  }
}

/** The failure reason of an error thrown by `navigator.credentials` (or the library). */
export function passkeyFailureReason(error: unknown): PasskeyFailureReason {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
      return 'cancelled';
    case 'InvalidStateError':
      return 'already-registered';
    case 'SecurityError':
      return 'security';
    case 'NotSupportedError':
    case 'ConstraintError':
      return 'unsupported';
    case 'AbortError':
      return 'aborted';
    default:
      return 'failed';
  }
}

type Library = typeof import('@simplewebauthn/browser');
let library: Promise<Library> | undefined;

/** Fetch the WebAuthn library ahead of the first request (e.g. when a passkey button shows). */
export function preloadWebAuthn(): Promise<Library> {
  return (library ??= import('@simplewebauthn/browser').catch((e: unknown) => {
    library = undefined; // tried again by the next request
    throw e;
  }));
}

/** The request in flight: aborting it cancels the library's ceremony. */
let current: AbortController | undefined;

/** Abort the passkey request in flight, if any (it answers `reason: 'aborted'`). */
export function cancelPasskeyRequest(): void {
  current?.abort();
}

/** True while a request (modal or conditional) waits for the person or the authenticator. */
export function passkeyRequestPending(): boolean {
  return current !== undefined;
}

async function run<T>(
  signal: AbortSignal | undefined,
  ceremony: (lib: Library) => Promise<T>,
): Promise<PasskeyResult<T>> {
  if (!passkeysSupported()) return { ok: false, reason: 'unsupported' };
  // Already aborted (e.g. an autofill request stopped while it waited): it must not abort the
  // request in flight, which may be the modal one that replaced it.
  if (signal?.aborted) return { ok: false, reason: 'aborted' };
  // A newer request replaces the one in flight (a conditional request before a modal one).
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort);
  if (signal?.aborted) controller.abort();
  try {
    let lib: Library;
    try {
      lib = await preloadWebAuthn();
    } catch {
      return { ok: false, reason: controller.signal.aborted ? 'aborted' : 'failed' };
    }
    if (controller.signal.aborted) return { ok: false, reason: 'aborted' };
    const cancel = () => lib.WebAuthnAbortService.cancelCeremony();
    controller.signal.addEventListener('abort', cancel);
    try {
      const response = await ceremony(lib);
      if (controller.signal.aborted) return { ok: false, reason: 'aborted' };
      return { ok: true, response };
    } catch (e) {
      return { ok: false, reason: controller.signal.aborted ? 'aborted' : passkeyFailureReason(e) };
    } finally {
      controller.signal.removeEventListener('abort', cancel);
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    if (current === controller) current = undefined;
  }
}

/**
 * Create a passkey with the registration options from `adapter.startPasskeyRegistration()`;
 * pass `response` to `adapter.finishPasskeyRegistration()`.
 */
export function createPasskey(
  options: PublicKeyCredentialCreationOptionsJSON,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PasskeyResult<RegistrationResponseJSON>> {
  return run(signal, (lib) => lib.startRegistration({ optionsJSON: options }));
}

/**
 * Sign in with a passkey, with the options from `adapter.startPasskeySignIn()`; pass
 * `response` to `adapter.finishPasskeySignIn()`.
 *
 * `autofill: true` starts a conditional request: the browser offers the passkeys in the
 * autofill of an input with `autocomplete="username webauthn"` (the caller renders it; it may
 * be in a shadow root), and the promise waits until one is chosen or the request is aborted
 * (by the next request, such as the Sign in with a passkey button, or `cancelPasskeyRequest()`).
 * Without conditional mediation it answers `unsupported` at once.
 */
export async function getPasskey(
  options: PublicKeyCredentialRequestOptionsJSON,
  { signal, autofill = false }: { signal?: AbortSignal; autofill?: boolean } = {},
): Promise<PasskeyResult<AuthenticationResponseJSON>> {
  if (autofill && !(await conditionalMediationAvailable()))
    return { ok: false, reason: 'unsupported' };
  return run(signal, (lib) =>
    lib.startAuthentication({
      optionsJSON: options,
      useBrowserAutofill: autofill,
      // The input may sit in a shadow root, where the library's document query cannot see it.
      verifyBrowserAutofillInput: false,
    }),
  );
}
