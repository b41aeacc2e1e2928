import { portalHomePageEn } from './portal-home.page.messages.js';
import { portalHomeStatusEn } from './portal-home.status.messages.js';

/**
 * English for `<pep-portal-home>`: UI words and the spec's explanations (slides 20–22). Names,
 * links, contacts and resource groups are NOT here: they come from the host's `PortalConfig`.
 * The element loads the loading / signed-out part with it and the rest with its signed-in page.
 */
export const portalHomeEn = { ...portalHomeStatusEn, ...portalHomePageEn } as const;

export type PortalHomeMessageKey = keyof typeof portalHomeEn;
