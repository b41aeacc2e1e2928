/**
 * English for `<pep-report-issue>`'s form: the spec's words (slide 23, "How to report an Issue").
 * What shows only after the user acted (field checks, Issue Reported) is in
 * `report-issue.steps.messages.ts`.
 */
export const reportIssueFormEn = {
  'report-issue.title': 'Report an Issue',
  'report-issue.intro':
    'If you identify any errors or are experiencing any Quoting or Enrollment issues, tell us here.',
  'report-issue.description': 'Detailed Description of Issue/Error Message (required)',
  'report-issue.steps': 'Steps taken prior to receiving the error (required)',
  'report-issue.client-name': 'Client/Contact Name (where applicable)',
  'report-issue.agent-name': 'Agent Name (required)',
  'report-issue.producer-id': 'Producer ID (required)',
  'report-issue.product-type': 'Product Type (required)',
  'report-issue.product-type-choose': 'Choose a product type',
  'report-issue.state': 'State (required)',
  'report-issue.state-choose': 'Choose a state',
  'report-issue.observed-at': 'Date/Time issue was observed (required)',
  'report-issue.observed-at-hint': 'Set to now; change it if the issue happened earlier.',
  'report-issue.screenshot': 'Screenshot',
  'report-issue.screenshot-hint':
    'Full screen screenshot preferred. An image file (PNG, JPEG, GIF or WebP) up to {max}.',
  'report-issue.submit': 'Submit',
  'report-issue.submitting': 'Submitting…',
  'report-issue.home': 'Back to Home',
  'field.screenshot.invalid-file-type':
    'The screenshot must be an image file (PNG, JPEG, GIF or WebP).',
  'field.screenshot.file-too-large': 'The screenshot is larger than {max}. Choose a smaller image.',
} as const;
