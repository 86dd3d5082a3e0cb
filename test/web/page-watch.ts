// What every browser test watches on a page: console errors and warnings, uncaught page errors,
// Content-Security-Policy violations (reported through the console by a listener added before any
// page script runs) and dialogs — plus the screenshots the README shows.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Waits in expect.poll: a loaded machine (two cores, the whole suite at once) is slower than 1 s. */
export const POLL = { timeout: 15_000 };

export interface PageWatch {
  page: Page;
  problems: string[];
  dialogs: string[];
}

export interface WatchOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export async function watchPage(browser: Browser, options: WatchOptions = {}): Promise<PageWatch> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  page.on('close', () => {
    context.close().catch(() => {});
  });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // Runs in the page: the console is how a violation reaches the test's listener.
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, problems, dialogs };
}

/**
 * Chrome's own console line for a response with an error status. A page that is *about* a missing
 * thing (a 404 page, an unknown package) gets it from the browser, not from its own code.
 */
export const isNotFoundLoadError = (problem: string) => /^console error: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/.test(problem);

/** How far the page is wider than its viewport (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const ARTIFACTS = path.resolve('test-artifacts');
const SCREENSHOTS = path.resolve('docs/screenshots');

/**
 * A full-page screenshot into test-artifacts/; with UPDATE_SCREENSHOTS=1 also into
 * docs/screenshots/ (the README's pictures), so a plain test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    // Rows off screen skip painting (content-visibility: auto); a full-page picture needs them all.
    document.querySelectorAll<HTMLElement>('li.file').forEach((row) => {
      row.style.contentVisibility = 'visible';
    });
    window.scrollTo(0, 0);
  });
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    await fs.copyFile(file, path.join(SCREENSHOTS, `${name}.png`));
  }
}
