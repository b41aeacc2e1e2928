/**
 * English of `<pep-report-issue>` that shows only once the user has acted: the field checks'
 * messages, the attached screenshot and the Issue Reported step. In the element's later chunk (`report-issue.steps.ts`).
 */
export const reportIssueStepsEn = {
  'report-issue.screenshot-preview': 'Preview of {name}',
  'report-issue.screenshot-attached': 'Attached: {name} ({size})',
  'report-issue.screenshot-remove': 'Remove screenshot',
  'report-issue.screenshot-removed': 'Screenshot removed.',
  'report-issue.done-title': 'Issue Reported',
  'report-issue.done': 'Thank you. Your issue was sent to the support team.',
  'report-issue.ticket': 'Ticket reference: {ticketId}',
  'report-issue.another': 'Report another issue',
  'field.invalid-date': 'Enter a valid date and time.',
  'field.description.required': 'Describe the issue or the error message.',
  'field.stepsTaken.required': 'Enter the steps you took before the error.',
  'field.agentName.required': 'Enter the agent name.',
  'field.producerId.required': 'Enter the producer ID.',
  'field.productType.required': 'Choose a product type.',
  'field.productType.not-allowed': 'Choose one of the listed product types.',
  'field.state.required': 'Choose a state.',
  'field.observedAt.required': 'Enter the date and time the issue was observed.',
  'field.observedAt.invalid-date': 'Enter a valid date and time that is not in the future.',
} as const;
