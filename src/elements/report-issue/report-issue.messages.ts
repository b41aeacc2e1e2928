import { reportIssueFormEn } from './report-issue.form.messages.js';
import { reportIssueStepsEn } from './report-issue.steps.messages.js';

/**
 * English messages of `<pep-report-issue>` (the spec's words, slide 23). The element loads its
 * form's part with it, and the part shown once the user has acted with its later chunk.
 */
export const reportIssueEn = { ...reportIssueFormEn, ...reportIssueStepsEn } as const;

export type ReportIssueMessageKey = keyof typeof reportIssueEn;
