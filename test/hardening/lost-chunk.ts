/**
 * Helpers of the lost-chunk tests (`lost-chunk-*.test.ts`): make one chunk's requests fail for
 * this test page (`fail-requests`, scripts/wtr-fail-requests.mjs), and wait for the widget's
 * retryable network failure.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '../support/registration.js';

/** Fail the requests whose URL matches `urlPattern` (`*` wildcards); `null` lets them through. */
export function failRequests(urlPattern: string | null): Promise<unknown> {
  return executeServerCommand('fail-requests', { urlPattern });
}

/** Wait for `el`'s Try again button; its alert region must say the server was not reached. */
export async function expectNetworkFailure(el: Element): Promise<void> {
  const root = el.shadowRoot!;
  await until(() => !!root.querySelector('[part~="retry-button"]'), 4000, 'Try again');
  expect(root.querySelector('[role="alert"]')!.textContent).to.contain(
    'We could not reach the server',
  );
}
