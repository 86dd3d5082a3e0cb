// The browser tests need nothing installed by hand: without CHROMIUM_PATH they run the Chromium that
// an npm dev dependency ships, and a Chromium that cannot be found is a failure, never a skip.
import { describe, expect, it } from 'vitest';
import { chooseChromium, launchChromium } from '../support/browser.ts';

describe('the test browser launcher', () => {
  it('uses the Chromium shipped by @sparticuz/chromium when CHROMIUM_PATH is unset', async () => {
    const choice = await chooseChromium({});
    expect(choice.source).toBe('@sparticuz/chromium');
    expect(choice.executablePath).toMatch(/docdelta-chromium-[\d.]+\/chromium$/);
    // Asked again (as every test file does), it reuses the unpacked copy.
    expect(await chooseChromium({})).toEqual(choice);
  });

  it('refuses a CHROMIUM_PATH that is not an executable instead of skipping', async () => {
    await expect(chooseChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
  });

  it('launches a headless Chromium that renders a page', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>docdelta</h1></main>');
      expect(await page.locator('h1').textContent()).toBe('docdelta');
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
