/** Every English catalogue: what a widget can show or a host can override (the i18n tests). */
import { commonEn } from '../../src/i18n/common.en.js';
import { activityLogEn } from '../../src/elements/activity-log/activity-log.messages.js';
import { delegateAdminEn } from '../../src/elements/delegate-admin/delegate-admin.messages.js';
import { addDelegateEn } from '../../src/elements/add-delegate/add-delegate.messages.js';
import { createPasswordEn } from '../../src/elements/create-password/create-password.messages.js';
import { forgotPasswordEn } from '../../src/elements/forgot-password/forgot-password.messages.js';
import { forgotUsernameEn } from '../../src/elements/forgot-username/forgot-username.messages.js';
import { loginEn } from '../../src/elements/login/login.messages.js';
import { loginPasskeyEn } from '../../src/elements/login/login.passkeys.messages.js';
import { myDelegatesEn } from '../../src/elements/my-delegates/my-delegates.messages.js';
import {
  passkeyEn,
  passkeyOfferEn,
} from '../../src/elements/passkey-offer/passkey-offer.messages.js';
import { passkeysEn } from '../../src/elements/passkeys/passkeys.messages.js';
import { portalHomeEn } from '../../src/elements/portal-home/portal-home.messages.js';
import { reportIssueEn } from '../../src/elements/report-issue/report-issue.messages.js';
import { typingPatternEn } from '../../src/elements/typing-pattern/typing-pattern.messages.js';
import { verifyAccountEn } from '../../src/elements/verify-account/verify-account.messages.js';
import { verifyEmailEn } from '../../src/elements/verify-email/verify-email.messages.js';

export const englishCatalogue: Record<string, string> = {
  ...commonEn,
  ...activityLogEn,
  ...addDelegateEn,
  ...delegateAdminEn,
  ...createPasswordEn,
  ...forgotPasswordEn,
  ...forgotUsernameEn,
  ...loginEn,
  ...loginPasskeyEn,
  ...myDelegatesEn,
  ...passkeyEn,
  ...passkeyOfferEn,
  ...passkeysEn,
  ...portalHomeEn,
  ...reportIssueEn,
  ...typingPatternEn,
  ...verifyAccountEn,
  ...verifyEmailEn,
};
