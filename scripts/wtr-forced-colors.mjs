// Web Test Runner command `emulate-forced-colors` ({ active: boolean }): turns the
// `forced-colors` media feature (Windows High Contrast) on or off through the Chrome DevTools
// Protocol. Only Chromium has it; elsewhere the command throws and tests skip.
export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.createCDPSession) throw new Error(`forced-colors emulation needs Chromium`);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
