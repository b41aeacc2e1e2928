/**
 * Pure state machine of `<pep-passkey-offer>`: whether the offer shows on this device (the
 * 30-day *Not now* and the passkey created here, kept in a small record), and the steps of
 * creating one.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { Passkey } from '../../adapter/types.js';
import type { PasskeyFailureReason } from '../../shared/webauthn.js';

/** How long *Not now* keeps the offer away on this device. */
export const OFFER_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;

/** What the device remembers about the offer (in localStorage, per account). */
export interface OfferRecord {
  /** *Not now* was chosen: not offered again before this time (epoch ms). */
  snoozedUntil?: number;
  /** A passkey was created on this device (or the authenticator already held one). */
  created?: boolean;
}

/** Whether to offer a passkey now, given the device's record. */
export function shouldOffer(record: OfferRecord | null, now: number): boolean {
  if (!record) return true;
  if (record.created) return false;
  return !(typeof record.snoozedUntil === 'number' && now < record.snoozedUntil);
}

/** The record after *Not now* at `now`. */
export const snoozed = (record: OfferRecord | null, now: number): OfferRecord => ({
  ...record,
  snoozedUntil: now + OFFER_SNOOZE_MS,
});

/** The record once this device holds a passkey of the account. */
export const created = (record: OfferRecord | null): OfferRecord => ({ ...record, created: true });

/** Parse a stored record; anything malformed counts as none. */
export function parseOfferRecord(text: string | null): OfferRecord | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object') return null;
    const o = v as Record<string, unknown>;
    const record: OfferRecord = {};
    if (typeof o['snoozedUntil'] === 'number') record.snoozedUntil = o['snoozedUntil'];
    if (o['created'] === true) record.created = true;
    return record;
  } catch {
    return null;
  }
}

/** Why creating a passkey failed: the browser's answer, or the backend's. */
export type PasskeyProblem =
  | { kind: 'webauthn'; reason: Exclude<PasskeyFailureReason, 'aborted'> }
  | { kind: 'adapter'; error: AdapterError };

/** How the offer ended (`pep-passkey-offer-done`). */
export type OfferOutcome = 'created' | 'dismissed' | 'not-offered';

export type PasskeyOfferState =
  /** Not decided yet (the device's record not read). */
  | { step: 'idle' }
  /** "Create a passkey for faster sign-in", with the last failure if any. */
  | { step: 'offer'; problem: PasskeyProblem | null }
  /** The browser's dialog or the backend is at work. */
  | { step: 'creating' }
  | { step: 'created'; passkey: Passkey }
  /** Over: nothing shows (`outcome` says why). */
  | { step: 'done'; outcome: OfferOutcome };

export type PasskeyOfferEvent =
  /** Decide whether to offer (`offer`: WebAuthn present and the device's record allows it). */
  | { type: 'START'; offer: boolean }
  | { type: 'CREATE' }
  | { type: 'CREATED'; passkey: Passkey }
  | { type: 'FAILED'; problem: PasskeyProblem }
  /** The browser's request was aborted (element removed, another request): back to the offer. */
  | { type: 'ABORTED' }
  | { type: 'NOT_NOW' }
  /** Continue after the success message. */
  | { type: 'FINISH' };

export const initialPasskeyOffer = (): PasskeyOfferState => ({ step: 'idle' });

/** True when the same action may succeed if tried again (the offer keeps Create a passkey). */
export function canRetry(problem: PasskeyProblem | null): boolean {
  if (!problem) return true;
  if (problem.kind === 'webauthn')
    return problem.reason === 'cancelled' || problem.reason === 'failed';
  return !['NOT_AUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(problem.error.code);
}

export function passkeyOfferTransition(
  state: PasskeyOfferState,
  event: PasskeyOfferEvent,
): PasskeyOfferState {
  switch (event.type) {
    case 'START':
      if (state.step !== 'idle') return state;
      return event.offer
        ? { step: 'offer', problem: null }
        : { step: 'done', outcome: 'not-offered' };
    case 'CREATE':
      if (state.step !== 'offer' || !canRetry(state.problem)) return state;
      return { step: 'creating' };
    case 'CREATED':
      return state.step === 'creating' ? { step: 'created', passkey: event.passkey } : state;
    case 'FAILED':
      return state.step === 'creating' ? { step: 'offer', problem: event.problem } : state;
    case 'ABORTED':
      return state.step === 'creating' ? { step: 'offer', problem: null } : state;
    case 'NOT_NOW':
      return state.step === 'offer' ? { step: 'done', outcome: 'dismissed' } : state;
    case 'FINISH':
      return state.step === 'created' ? { step: 'done', outcome: 'created' } : state;
  }
}
