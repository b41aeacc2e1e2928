/**
 * The `<pep-typing-pattern>` flow as a pure state machine: three typed attempts of the sample
 * sentence → submit to the adapter (enroll or verify) → its answer
 * (`typing-pattern.steps.machine.ts`, loaded with the submission). No DOM, no adapter.
 *
 * The samples (with their raw key timings) live only in this state, inside the element; they
 * leave it only through the adapter call.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { TypingSample } from '../../adapter/types.js';

/** How many times the sentence is typed. */
export const ATTEMPTS = 3;

/** Why the last attempt was not recorded (or what just happened), shown to the user. */
export type TypingNotice =
  /** The attempt was recorded. */
  | 'recorded'
  /** The typed text is not the sentence. */
  | 'mismatch'
  /** Backspace / Delete was used: corrections make the rhythm unusable. */
  | 'backspace'
  /** Paste (or drop) was blocked. */
  | 'paste'
  /** An input method editor composed characters: key timings cannot be measured. */
  | 'ime';

export type VoidReason = 'backspace' | 'paste' | 'ime';

export type TypingState =
  | { step: 'typing'; samples: TypingSample[]; notice?: TypingNotice; error?: AdapterError }
  | { step: 'ready'; samples: TypingSample[]; submitting: boolean; error?: AdapterError }
  | { step: 'done' }
  /** The pattern cannot be used now (locked after failures, or not enrolled). */
  | { step: 'unavailable'; error: AdapterError }
  /** The pending login is void: log in again. */
  | { step: 'expired' };

export type TypingStep = TypingState['step'];

export type TypingEvent =
  /** One attempt finished; `text` is the sentence it must equal. */
  | { type: 'ATTEMPT'; sample: TypingSample; text: string }
  | { type: 'VOID'; reason: VoidReason }
  /** Throw away every attempt and type the sentence three times again. */
  | { type: 'START_OVER' }
  | { type: 'SUBMIT' }
  /**
   * The submission failed before the adapter answered (e.g. its module could not be fetched).
   * The adapter's answers are {@link answered} in `typing-pattern.steps.machine.ts`.
   */
  | { type: 'FAILED'; error: AdapterError };

export const initialTypingState: TypingState = { step: 'typing', samples: [] };

export function transition(state: TypingState, event: TypingEvent): TypingState {
  switch (state.step) {
    case 'typing':
      switch (event.type) {
        case 'ATTEMPT': {
          if (event.sample.text !== event.text)
            return { step: 'typing', samples: state.samples, notice: 'mismatch' };
          const samples = [...state.samples, event.sample];
          return samples.length >= ATTEMPTS
            ? { step: 'ready', samples, submitting: false }
            : { step: 'typing', samples, notice: 'recorded' };
        }
        case 'VOID':
          return { step: 'typing', samples: state.samples, notice: event.reason };
        case 'START_OVER':
          return initialTypingState;
        default:
          return state;
      }
    case 'ready':
      switch (event.type) {
        case 'SUBMIT':
          if (state.submitting) return state;
          return { step: 'ready', samples: state.samples, submitting: true };
        case 'START_OVER':
          return state.submitting ? state : initialTypingState;
        case 'FAILED':
          // Keep the attempts, let the user retry.
          return state.submitting ? { ...state, submitting: false, error: event.error } : state;
        default:
          return state;
      }
    case 'done':
    case 'unavailable':
    case 'expired':
      return state;
  }
}
