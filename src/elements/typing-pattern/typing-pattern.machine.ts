/**
 * The `<pep-typing-pattern>` flow as a pure state machine: three typed attempts of the sample
 * sentence → submit to the adapter (enroll or verify) → its answer. No DOM, no adapter.
 *
 * The samples (with their raw key timings) live only in this state, inside the element; they
 * leave it only through the adapter call.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { TypingSample } from '../../adapter/types.js';

/** How many times the sentence is typed. */
export const ATTEMPTS = 3;

/** Why the last attempt was not recorded (or what just happened), shown to the user. */
type TypingNotice =
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

type VoidReason = 'backspace' | 'paste' | 'ime';

export type TypingState =
  | { step: 'typing'; samples: TypingSample[]; notice?: TypingNotice; error?: AdapterError }
  | { step: 'ready'; samples: TypingSample[]; submitting: boolean; error?: AdapterError }
  | { step: 'done' }
  /** The pattern cannot be used now (locked after failures, or not enrolled). */
  | { step: 'unavailable'; error: AdapterError }
  /** The pending login is void: log in again. */
  | { step: 'expired' };

export type TypingEvent =
  /** One attempt finished; `text` is the sentence it must equal. */
  | { type: 'ATTEMPT'; sample: TypingSample; text: string }
  | { type: 'VOID'; reason: VoidReason }
  /** Throw away every attempt and type the sentence three times again. */
  | { type: 'START_OVER' }
  | { type: 'SUBMIT' }
  /** The adapter accepted the samples. */
  | { type: 'SUCCEEDED' }
  /** The submission failed (the adapter's answer, or a network failure). */
  | { type: 'FAILED'; error: AdapterError }
  /** `reset()`: attempt 1 again from any step (a pending submission is abandoned). */
  | { type: 'RESET' };

export const initialTypingState: TypingState = { step: 'typing', samples: [] };

export function transition(state: TypingState, event: TypingEvent): TypingState {
  if (event.type === 'RESET') return initialTypingState;
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
        case 'SUCCEEDED':
          return state.submitting ? { step: 'done' } : state;
        case 'FAILED':
          return state.submitting ? failed(state, event.error) : state;
        default:
          return state;
      }
    case 'done':
    case 'unavailable':
    case 'expired':
      return state;
  }
}

/** The flow after a failed submission. */
function failed(state: Extract<TypingState, { step: 'ready' }>, error: AdapterError): TypingState {
  switch (error.code) {
    case 'PATTERN_MISMATCH':
      // The last allowed failure turns the pattern off until a code verification.
      if ((error as AdapterError<'PATTERN_MISMATCH'>).data.attemptsLeft <= 0)
        return { step: 'unavailable', error };
      return { step: 'typing', samples: [], error };
    case 'PATTERN_INVALID_SAMPLES':
      // The three attempts are spent: type them again.
      return { step: 'typing', samples: [], error };
    case 'PATTERN_UNAVAILABLE':
      return { step: 'unavailable', error };
    case 'FLOW_EXPIRED':
      return { step: 'expired' };
    default:
      // Network and other failures: keep the attempts, let the user retry.
      return { ...state, submitting: false, error };
  }
}
