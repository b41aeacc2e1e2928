/**
 * The part of the `<pep-login>` machine (`login.machine.ts`) after the password's answer: the
 * typing-pattern enrollment, account verification and done. It comes with the element's later
 * chunk.
 */
import type { AdapterError } from '../../adapter/errors.js';
import { initialLoginState, type LoginEvent, type LoginState } from './login.machine.js';

export function afterLoginTransition(
  state: Exclude<LoginState, { step: 'credentials' }>,
  event: LoginEvent,
): LoginState {
  switch (state.step) {
    case 'enroll':
      switch (event.type) {
        case 'PATTERN_ENROLLED':
          return { step: 'verify', pending: event.pending };
        case 'RESTART':
          return restart(event.error);
        default:
          return state;
      }
    case 'verify':
      switch (event.type) {
        case 'VERIFIED':
          return { step: 'done', session: event.session };
        case 'RESTART':
          return restart(event.error);
        default:
          return state;
      }
    case 'done':
      return event.type === 'RESTART' ? restart(event.error) : state;
  }
}

function restart(error: AdapterError | undefined): LoginState {
  return error ? { step: 'credentials', submitting: false, error } : initialLoginState;
}
