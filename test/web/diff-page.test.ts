// The web diff viewer in Chromium (test/support/browser.ts picks which), driven by playwright-core, against a real server over
// the seeded fixture: summary and folder move, a renamed file opened, permalinks followed, doc
// markup shown as text with no dialog and no CSP violation (fault-cases.md row 39).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAnchor } from '../../src/api/web-urls.ts';
import { startTestServer } from '../api/harness.ts';
import { seedFixture } from '../support/seed.ts';
import { POLL, watchPage } from './page-watch.ts';
import { openWebSession, type WebSession } from './web-fixture.ts';

const ARTIFACTS = path.resolve('test-artifacts');
const DIFF_PATH = '/p/@fixture/docs/diff/1.0.0...2.0.0';

describe('the web diff viewer in Chromium', () => {
  let web: WebSession;

  beforeAll(async () => {
    // The plain API server: this page needs none of the routes the other pages add.
    web = await openWebSession({ seed: seedFixture, serve: (ctx) => startTestServer(ctx) });
    await fs.mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(() => web?.close());

  const openPage = (colorScheme: 'light' | 'dark' = 'light') => watchPage(web.browser, { colorScheme });

  // The anchor rule of src/api/web-urls.ts, which links from the digest and changelog rely on.
  const row = (page: Page, file: string) => page.locator(`li.file[id="${fileAnchor(file)}"]`);

  it('shows the summary and the folder move, opens a renamed file, and renders doc markup as text', async () => {
    const { page, problems, dialogs } = await openPage();
    await page.goto(`${web.server.url}${DIFF_PATH}`);
    await page.locator('.summary').waitFor();
    expect(await page.locator('.summary-total').textContent()).toBe('12 files changed');
    expect(await page.locator('.chips .chip').allTextContents()).toEqual(['1 added', '2 removed', '5 modified', '4 renamed']);
    const move = page.locator('.moves .move');
    expect(await move.locator('.move-path').textContent()).toBe('.docs/organized/docs/{user-management → authkit}/');
    expect(await move.textContent()).toContain('4 files, 2 edited');
    const timeToSummary = await page.evaluate(() => performance.getEntriesByName('docdelta:summary')[0]?.startTime ?? -1);
    expect(timeToSummary).toBeGreaterThan(0);
    expect(timeToSummary).toBeLessThan(3_000);

    const users = row(page, '.docs/organized/docs/authkit/users.mdx');
    expect(await users.locator('.file-path').textContent()).toBe('.docs/organized/docs/{user-management → authkit}/users.mdx');
    expect(await users.locator('.similarity').textContent()).toBe('96%');
    expect(await users.locator('.doc-changes').textContent()).toContain('sections addedRemove a user');
    await users.locator('.file-head').click();
    await users.locator('.d2h-wrapper').waitFor();
    expect(await users.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    // Word-level highlight: only the changed word is marked inside the changed lines.
    expect(await users.locator('.d2h-del del').allTextContents()).toEqual(['Delete']);
    expect(await users.locator('.d2h-ins ins').allTextContents()).toEqual(['Remove']);

    const unsafe = row(page, '.docs/organized/docs/unsafe.mdx');
    expect(await unsafe.locator('.file-title').textContent()).toBe('Unsafe <script>alert(1)</script>');
    await unsafe.locator('.file-head').click();
    await unsafe.locator('.d2h-wrapper').waitFor();
    expect(await unsafe.locator('.file-body').textContent()).toContain('<img src=x onerror="alert(2)">');
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('main script').length,
      handlers: Array.from(document.querySelectorAll('main *')).filter((element) => Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on'))).length,
    }));
    expect(injected).toEqual({ images: 0, scripts: 0, handlers: 0 });

    await page.locator('.segment', { hasText: 'Split' }).click();
    await users.locator('.d2h-file-side-diff').first().waitFor();
    // From the top, so the sticky toolbar sits where it belongs in the full-page capture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'diff-page.png'), fullPage: true });
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows permalinks: clicked, loaded fresh, and by a renamed file\'s old name', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${web.server.url}${DIFF_PATH}`);
    const sso = row(page, '.docs/organized/docs/sso.mdx');
    await sso.locator('.permalink').click();
    expect(new URL(page.url()).hash).toBe('#file-docs-organized-docs-sso-mdx');
    await sso.locator('.d2h-wrapper').waitFor();

    await page.goto(`${web.server.url}${DIFF_PATH}#file-docs-organized-docs-user-management-sessions-mdx`);
    const sessions = row(page, '.docs/organized/docs/authkit/sessions.mdx');
    await sessions.locator('.file-body .note').waitFor();
    expect(await sessions.locator('.file-body').textContent()).toBe('Renamed without content changes.');
    expect(await sessions.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(200);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the file list by path and by status', async () => {
    const { page, problems } = await openPage('dark');
    await page.goto(`${web.server.url}${DIFF_PATH}`);
    await page.locator('.file-list > li').first().waitFor();
    await page.locator('.filter-input').fill('authkit');
    await expect.poll(() => page.locator('.file-list > li:visible').count(), POLL).toBe(5);
    expect(await page.locator('.counter').textContent()).toBe('5 of 12 files');
    await page.locator('.chip-renamed').click();
    await expect.poll(() => page.locator('.file-list > li:visible').count(), POLL).toBe(1);
    await page.locator('.filter-input').fill('');
    await page.locator('.chip-renamed').click();
    await expect.poll(() => page.locator('.file-list > li:visible').count(), POLL).toBe(12);
    await page.locator('.moves button', { hasText: 'show files' }).click();
    await expect.poll(() => page.locator('.file-list > li:visible').count(), POLL).toBe(5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'diff-page-dark.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes from the package list to a diff by picking two versions', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${web.server.url}/`);
    await page.locator('a.card-title', { hasText: '@fixture/docs' }).click();
    await page.locator('table.versions').waitFor();
    expect(await page.locator('table.versions tbody tr td.date').allTextContents()).toEqual(['Jan 8, 2025', 'Jan 1, 2025']);
    expect(await page.locator('table.versions tbody tr td.num').allTextContents()).toEqual(['11', '12']);
    await page.locator('button', { hasText: 'Compare' }).click();
    await page.locator('.summary').waitFor();
    expect(new URL(page.url()).pathname).toBe(DIFF_PATH);
    await page.goBack();
    await page.locator('table.versions').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('strips anything active from rendered diff HTML, should diff2html ever pass it through', async () => {
    const { page, problems, dialogs } = await openPage();
    await page.goto(`${web.server.url}/`);
    await page.locator('.card-list').waitFor();
    const hostile =
      '<div class="d2h-wrapper" onclick="alert(1)"><img src=x onerror="alert(2)"><script>alert(3)</script>' +
      '<a href="javascript:alert(4)" class="d2h-file-name">x</a><a href="#d2h-1">ok</a><span style="color:red" class="d2h-ins">t</span>' +
      '<iframe srcdoc="<script>alert(5)</script>"></iframe><svg onload="alert(6)"><path d="M0 0"/></svg></div>';
    // A string, not a function: the test runner would rewrite a dynamic import() in function source.
    const cleaned = await page.evaluate(`(async () => {
      const { sanitizedFragment } = await import('/assets/views/sanitize.js');
      const holder = document.createElement('div');
      holder.append(sanitizedFragment(${JSON.stringify(hostile)}));
      document.body.append(holder);
      return holder.innerHTML;
    })()`);
    expect(cleaned).toBe('<div class="d2h-wrapper"><a class="d2h-file-name">x</a><a href="#d2h-1">ok</a><span class="d2h-ins">t</span><svg><path d="M0 0"></path></svg></div>');
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    // Parsing hostile markup makes Chrome refuse (and report) the inline handlers and style under
    // the page's CSP; nothing else may show up, and nothing ran.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !/Content Security Policy|CSP violation: (script|style)-src-attr/.test(problem))).toEqual([]);
    await page.close();
  });

  it('shows an API error as text, naming the versions that exist', async () => {
    const { page } = await openPage();
    await page.goto(`${web.server.url}/p/@fixture/docs/diff/1.0.0...9.9.9`);
    await page.locator('.error-panel').waitFor();
    expect(await page.locator('.error-message').textContent()).toBe('@fixture/docs has no stored version "9.9.9"; stored: 1.0.0, 2.0.0');
    await page.close();
  });
});
