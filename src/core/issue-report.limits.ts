/**
 * The limits and field names of a *Report an Issue* submission, apart from its validation
 * (`issue-report.ts`): what the widget's form needs to render (the file input's `accept`, the
 * size in its hint) without the checks, which load later.
 */
export const ISSUE_TEXT_MAX_LENGTH = 5000;
export const ISSUE_NAME_MAX_LENGTH = 200;
/** Screenshots: images only, at most 5 MB. */
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;
export const SCREENSHOT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];
/** How far in the future `observedAt` may be (clock skew between the user and the server). */
export const OBSERVED_AT_MAX_SKEW_MS = 5 * 60 * 1000;

export type IssueReportField =
  | 'description'
  | 'stepsTaken'
  | 'clientName'
  | 'agentName'
  | 'producerId'
  | 'productType'
  | 'state'
  | 'observedAt'
  | 'screenshot';
