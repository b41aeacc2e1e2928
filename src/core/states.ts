/**
 * The US states a delegate can be assigned to: the only list of them. Widgets, adapters and
 * backends take it from here (`adapter/types.ts` re-exports it as part of the contract).
 */

/** The five states a delegate can be assigned to (spec: IL, MT, NM, OK, TX). */
export type StateCode = 'IL' | 'MT' | 'NM' | 'OK' | 'TX';
export const STATE_CODES: readonly StateCode[] = ['IL', 'MT', 'NM', 'OK', 'TX'];
