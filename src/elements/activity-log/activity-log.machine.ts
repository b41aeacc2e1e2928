/**
 * Pure state machine of `<pep-activity-log>`: the first page (loading / ready / failed), "Show
 * more" (the next page, appended), and a failure of either with its Try again.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { ActivityEntry, ActivityPage } from '../../adapter/types.js';

export interface ActivityLogState {
  /** `loading` the first page; `ready`; `failed` (no page yet). */
  list: 'loading' | 'ready' | 'failed';
  /** The entries loaded so far, newest first. */
  entries: ActivityEntry[];
  /** The cursor of the next page; null when there is no more. */
  next: string | null;
  /** A "Show more" in flight. */
  more: boolean;
  /** The last failure, and what its Try again repeats. */
  error: AdapterError | null;
  retry: 'LOAD' | 'MORE' | null;
}

export type ActivityLogEvent =
  | { type: 'LOAD' }
  | { type: 'LOAD_OK'; page: ActivityPage }
  | { type: 'LOAD_FAIL'; error: AdapterError }
  | { type: 'MORE' }
  | { type: 'MORE_OK'; page: ActivityPage }
  | { type: 'MORE_FAIL'; error: AdapterError };

export const initialActivityLog = (): ActivityLogState => ({
  list: 'loading',
  entries: [],
  next: null,
  more: false,
  error: null,
  retry: null,
});

export function activityLogTransition(
  state: ActivityLogState,
  event: ActivityLogEvent,
): ActivityLogState {
  switch (event.type) {
    case 'LOAD':
      return initialActivityLog();
    case 'LOAD_OK':
      if (state.list !== 'loading') return state;
      return { ...state, list: 'ready', entries: event.page.entries, next: event.page.nextCursor };
    case 'LOAD_FAIL':
      if (state.list !== 'loading') return state;
      return { ...state, list: 'failed', error: event.error, retry: 'LOAD' };
    case 'MORE':
      if (state.list !== 'ready' || state.more || state.next === null) return state;
      return { ...state, more: true, error: null, retry: null };
    case 'MORE_OK': {
      if (!state.more) return state;
      // An entry recorded between two pages may come twice: keep the first.
      const seen = new Set(state.entries.map((e) => e.id));
      return {
        ...state,
        more: false,
        entries: [...state.entries, ...event.page.entries.filter((e) => !seen.has(e.id))],
        next: event.page.nextCursor,
      };
    }
    case 'MORE_FAIL':
      if (!state.more) return state;
      return { ...state, more: false, error: event.error, retry: 'MORE' };
  }
}
