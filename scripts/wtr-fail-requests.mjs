// Web Test Runner command `fail-requests` ({ urlPattern: string | null }): from now on, requests
// of the calling test page whose URL matches `urlPattern` (`*` wildcards, e.g.
// `*pep-typing-pattern.ts*`) fail as a lost connection would — as a chunk does on a flaky
// network; `null` lets them through again. Only that page is affected (the other test files
// running alongside are not), and its HTTP cache is off meanwhile, so a module another page
// already fetched is requested, and failed, again. Chromium only (DevTools Protocol).
const sessions = new Map();

export function failRequestsPlugin() {
  return {
    name: 'fail-requests',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-requests') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.createCDPSession) throw new Error('fail-requests needs Chromium');
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await page.createCDPSession();
        cdp.on('Fetch.requestPaused', ({ requestId }) => {
          cdp
            .send('Fetch.failRequest', { requestId, errorReason: 'ConnectionRefused' })
            .catch(() => {});
        });
        sessions.set(session.id, cdp);
      }
      const pattern = payload?.urlPattern ?? null;
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: pattern !== null });
      if (pattern === null) await cdp.send('Fetch.disable');
      else await cdp.send('Fetch.enable', { patterns: [{ urlPattern: pattern }] });
      return true;
    },
  };
}
