import type { commonEn } from './common.en.js';
import type { activityLogEn } from '../elements/activity-log/activity-log.messages.js';
import type { addDelegateEn } from '../elements/add-delegate/add-delegate.messages.js';
import type { createPasswordEn } from '../elements/create-password/create-password.messages.js';
import type { delegateAdminEn } from '../elements/delegate-admin/delegate-admin.messages.js';
import type { forgotPasswordEn } from '../elements/forgot-password/forgot-password.messages.js';
import type { forgotUsernameEn } from '../elements/forgot-username/forgot-username.messages.js';
import type { loginEn } from '../elements/login/login.messages.js';
import type { loginPasskeyEn } from '../elements/login/login.passkeys.messages.js';
import type { myDelegatesEn } from '../elements/my-delegates/my-delegates.messages.js';
import type {
  passkeyEn,
  passkeyOfferEn,
} from '../elements/passkey-offer/passkey-offer.messages.js';
import type { passkeysEn } from '../elements/passkeys/passkeys.messages.js';
import type { portalHomeEn } from '../elements/portal-home/portal-home.messages.js';
import type { reportIssueEn } from '../elements/report-issue/report-issue.messages.js';
import type { typingPatternEn } from '../elements/typing-pattern/typing-pattern.messages.js';
import type { verifyAccountEn } from '../elements/verify-account/verify-account.messages.js';
import type { verifyEmailEn } from '../elements/verify-email/verify-email.messages.js';

/**
 * Every message key of the library: the common catalogue plus each element's `*.messages.ts`.
 * A translation is typed `satisfies LocaleCatalogue`, so a key missing from it (or a key that no
 * longer exists in English) fails `tsc`. Type-only imports: nothing English is bundled with it.
 */
type MessageKey =
  | keyof typeof commonEn
  | keyof typeof activityLogEn
  | keyof typeof addDelegateEn
  | keyof typeof delegateAdminEn
  | keyof typeof createPasswordEn
  | keyof typeof forgotPasswordEn
  | keyof typeof forgotUsernameEn
  | keyof typeof loginEn
  | keyof typeof loginPasskeyEn
  | keyof typeof myDelegatesEn
  | keyof typeof passkeyEn
  | keyof typeof passkeyOfferEn
  | keyof typeof passkeysEn
  | keyof typeof portalHomeEn
  | keyof typeof reportIssueEn
  | keyof typeof typingPatternEn
  | keyof typeof verifyAccountEn
  | keyof typeof verifyEmailEn;

/** A complete translation: one string per message key, with the same `{placeholders}`. */
export type LocaleCatalogue = Record<MessageKey, string>;
