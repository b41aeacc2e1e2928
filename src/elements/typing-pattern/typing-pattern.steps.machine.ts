/**
 * The adapter's answer to a `<pep-typing-pattern>` submission, as a pure transition of the flow
 * (`typing-pattern.machine.ts`): loaded with the submission (`typing-pattern.steps.ts`), not up
 * front. No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import { transition, type TypingState } from './typing-pattern.machine.js';

export type TypingAnswer = { type: 'SUCCEEDED' } | { type: 'FAILED'; error: AdapterError };

/** The flow after the adapter answered a submission (only while submitting). */
export function answered(state: TypingState, answer: TypingAnswer): TypingState {
  if (state.step !== 'ready' || !state.submitting) return state;
  if (answer.type === 'SUCCEEDED') return { step: 'done' };
  const error = answer.error;
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
      return transition(state, answer);
  }
}
