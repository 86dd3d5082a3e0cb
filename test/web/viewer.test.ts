// The diff viewer on a par with a code review's compare view, in Chromium against a real server:
// keyboard navigation, a filter that survives a reload, "open all" that counts what the filter
// shows, hidden lines revealed between hunks, a split view that wraps and keeps both sides level,
// whitespace hidden on request, no-break spaces made visible, frontmatter diffed word by word, and
// a file tree that follows the filter.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPackage } from '../support/seed.ts';
import { POLL, screenshot, watchPage } from './page-watch.ts';
import { openWebSession, PACKAGE, seedWebFixture, type WebSession } from './web-fixture.ts';

const LATEST = `/p/${PACKAGE}/diff/2.0.0...3.0.0`;
const MOVE = `/p/${PACKAGE}/diff/1.0.0...2.0.0`;
const MANY = '@fixture/many';

const row = (page: Page, name: string) => page.locator(`li.file[id="file-docs-organized-docs-${name}-mdx"]`);
const shownRows = (page: Page) => page.locator('.file-list > li:visible');

/** 70 pages, all edited: more than "open all" may open at once. */
function manyPages(edit: string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`docs/${i < 5 ? 'guides' : 'reference'}/page-${i}.md`, `# Page ${i}\n\n${edit} text.\n`]));
}

describe('the diff viewer', () => {
  let web: WebSession;

  beforeAll(async () => {
    web = await openWebSession({
      seed: async (ctx) => {
        await seedWebFixture(ctx);
        await seedPackage(ctx, MANY, [
          { version: '1.0.0', files: manyPages('First') },
          { version: '2.0.0', files: manyPages('Second') },
        ]);
      },
    });
  });
  afterAll(() => web?.close());

  it('walks the files with j and k, focuses the filter with /, and lists the keys with ?', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}${LATEST}`);
    await shownRows(page).first().waitFor();
    const files = await page.locator('.file-list > li').evaluateAll((items) => items.map((item) => item.id));
    const current = () => page.locator('.file-list > li.current').getAttribute('id');

    await page.keyboard.press('j');
    expect(await current()).toBe(files[0]);
    await page.locator('.file-list > li.current .d2h-wrapper').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current()).toBe(files[2]);
    expect(await page.locator('.file-list > li.current .toggle').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('k');
    expect(await current()).toBe(files[1]);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('filter-input'))).toBe(true);
    // Typed into the box, j is a letter, not a shortcut.
    await page.keyboard.type('j');
    expect(await page.locator('.filter-input').inputValue()).toBe('j');
    expect(await current()).toBe(files[1]);
    await page.locator('.filter-input').fill('');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await page.keyboard.press('?');
    const help = page.locator('dialog.shortcut-help');
    await help.waitFor();
    expect(await help.locator('dt').allTextContents()).toEqual(['j', 'k', '/', '?', 'Esc']);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the filter and the status chips in the URL, so a reload shows the same files', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}${MOVE}`);
    await shownRows(page).first().waitFor();
    await page.locator('.filter-input').fill('authkit');
    await expect.poll(() => shownRows(page).count(), POLL).toBe(5);
    await page.locator('.chip-added').click();
    await expect.poll(() => shownRows(page).count(), POLL).toBe(4);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('authkit');
    expect(url.searchParams.get('status')).toBe('removed,modified,renamed');
    const before = await shownRows(page).evaluateAll((items) => items.map((item) => item.id));

    await page.reload();
    await shownRows(page).first().waitFor();
    await expect.poll(() => shownRows(page).evaluateAll((items) => items.map((item) => item.id)), POLL).toEqual(before);
    expect(await page.locator('.filter-input').inputValue()).toBe('authkit');
    expect(await page.locator('.chip-added').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.counter').textContent()).toBe('4 of 13 files');
    // The tree shows the same four files.
    expect(await page.locator('.file-tree li.tree-leaf:visible').count()).toBe(4);

    // Back and forward keep working through a permalink after the address was rewritten.
    await row(page, 'authkit-users').locator('.permalink').click();
    await row(page, 'authkit-users').locator('.d2h-wrapper').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('authkit');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('counts "open all" after the filter applies, and opens exactly the files shown', async () => {
    const { page, problems } = await watchPage(web.browser);
    const fileRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/diff/file') fileRequests.push(request.url());
    });
    await page.goto(`${web.server.url}/p/${MANY}/diff/1.0.0...2.0.0`);
    await expect.poll(() => page.locator('.file-list > li').count(), POLL).toBe(70);
    expect(await page.locator('.open-all').isDisabled()).toBe(true);

    await page.locator('.filter-input').fill('guides');
    await expect.poll(() => shownRows(page).count(), POLL).toBe(5);
    expect(await page.locator('.open-all').isDisabled()).toBe(false);
    await page.locator('.open-all').click();
    await expect.poll(() => page.locator('.file-list > li .d2h-wrapper').count(), POLL).toBe(5);
    expect(fileRequests.length).toBe(5);

    await page.locator('.filter-input').fill('');
    await expect.poll(() => shownRows(page).count(), POLL).toBe(70);
    expect(await page.locator('.open-all').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reveals hidden lines between hunks, 20 at a time, and joins hunks when the gap is gone', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}${LATEST}`);
    const reference = row(page, 'reference');
    await reference.locator('.file-head').click();
    await reference.locator('.d2h-wrapper').waitFor();
    const body = reference.locator('.file-body');
    // File line k + 10 reads "Reference line k": the second hunk starts at line 62 ("… 52.").
    expect(await body.textContent()).not.toContain('Reference line 51.');
    const between = reference.locator('.expand-button', { hasText: 'of 49 hidden lines' });
    expect(await between.textContent()).toBe('↑ 20 of 49 hidden lines');
    await between.click();
    await expect.poll(() => body.textContent(), POLL).toContain('Reference line 32.');
    expect(await body.textContent()).not.toContain('Reference line 31.');
    await reference.locator('.expand-button', { hasText: '↑ 20 of 29 hidden lines' }).click();
    await reference.locator('.expand-button', { hasText: '↑ 9 hidden lines' }).click();
    // One hunk now: nothing is hidden between the two edits any more.
    await expect.poll(() => reference.locator('.expand-button', { hasText: '↑' }).count(), POLL).toBe(0);
    expect(await body.textContent()).toContain('Reference line 13.');
    expect(await reference.locator('.expand-button', { hasText: '↓' }).textContent()).toBe('↓ 2 hidden lines');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('wraps long lines in the split view and keeps both sides in one table that scrolls as one', async () => {
    const { page, problems } = await watchPage(web.browser, { width: 1000 });
    await page.goto(`${web.server.url}${LATEST}`);
    await page.locator('.segment', { hasText: 'Split' }).click();
    const reference = row(page, 'reference');
    await reference.locator('.file-head').click();
    await reference.locator('.split-table').waitFor();
    expect(await reference.locator('.d2h-file-side-diff').count()).toBe(1);
    const long = reference.locator('tr.split-row', { hasText: 'word39' }).last();
    const cells = await long.locator('td').evaluateAll((tds) => tds.map((td) => ({ top: Math.round(td.getBoundingClientRect().top), height: Math.round(td.getBoundingClientRect().height) })));
    expect(cells).toHaveLength(4);
    // Level: all four cells share the row's top and height; the line wrapped (several lines tall).
    expect(new Set(cells.map((cell) => cell.top)).size).toBe(1);
    expect(new Set(cells.map((cell) => cell.height)).size).toBe(1);
    expect(cells[0]!.height).toBeGreaterThan(50);
    const overflow = await reference.locator('.file-body').evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBe(0);
    await row(page, 'sso').locator('.file-head').click();
    await row(page, 'sso').locator('.nbsp-note').waitFor();
    await screenshot(page, 'diff-split');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides whitespace-only edits with ?w=1 and marks changes that are only a no-break space', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}${LATEST}?w=1`);
    expect(await page.locator('.whitespace-toggle').isChecked()).toBe(true);
    // The diff engine marks the files whose every change is whitespace (a no-break space included).
    expect(await row(page, 'glossary').locator('.ws-tag').textContent()).toBe('whitespace only');
    expect(await row(page, 'sso').locator('.ws-tag').textContent()).toBe('whitespace only');
    expect(await row(page, 'authkit-users').locator('.ws-tag').count()).toBe(0);
    const glossary = row(page, 'glossary');
    await glossary.locator('.file-head').click();
    await expect.poll(() => glossary.locator('.file-body').textContent(), POLL).toBe('Only whitespace changed. Turn off “hide whitespace” to see it.');
    await page.locator('.whitespace-toggle').uncheck();
    await glossary.locator('.d2h-wrapper').waitFor();
    expect(new URL(page.url()).searchParams.has('w')).toBe(false);
    expect(await glossary.locator('.d2h-ins').count()).toBeGreaterThan(0);

    const sso = row(page, 'sso');
    await sso.locator('.file-head').click();
    await sso.locator('.d2h-wrapper').waitFor();
    expect(await sso.locator('.nbsp-note').textContent()).toBe('1 changed line differs only in no-break spaces (marked ⍽).');
    expect(await sso.locator('.d2h-ins .nbsp').count()).toBe(1);
    expect(await sso.locator('.d2h-del .nbsp').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('diffs a long JSON frontmatter value word by word instead of cutting both sides short', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}${LATEST}`);
    const tags = row(page, 'reference').locator('.doc-changes li', { hasText: 'tags' });
    await tags.waitFor();
    expect(await tags.locator('del').allTextContents()).toEqual(['21']);
    expect(await tags.locator('ins').allTextContents()).toEqual(['twenty-one']);
    expect(await tags.locator('.word-diff').textContent()).toBe('… tag-20","tag-21twenty-one","tag-22", …');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the files as a folder tree that folds, opens a file, and follows the filter', async () => {
    const { page, problems } = await watchPage(web.browser, { width: 1280 });
    await page.goto(`${web.server.url}${MOVE}`);
    const tree = page.locator('.file-tree');
    await tree.locator('.tree-file').first().waitFor();
    expect(await tree.locator('summary').first().textContent()).toBe('.docs/organized/docs/');
    await tree.locator('.tree-file', { hasText: 'sso.mdx' }).click();
    await row(page, 'sso').locator('.d2h-wrapper').waitFor();
    expect(new URL(page.url()).hash).toBe('#file-docs-organized-docs-sso-mdx');

    const authkit = tree.locator('summary', { hasText: /^authkit\/$/ }).locator('xpath=..');
    expect(await authkit.locator('.tree-file:visible').count()).toBe(5);
    await authkit.locator('summary').click();
    expect(await authkit.locator('.tree-file:visible').count()).toBe(0);
    await authkit.locator('summary').click();

    await page.locator('.filter-input').fill('sso');
    await expect.poll(() => tree.locator('.tree-file:visible').allTextContents(), POLL).toEqual(['Msso.mdx']);
    // The tree hides for more room, and stays hidden on the next visit.
    await page.locator('.tree-toggle').click();
    expect(await tree.isVisible()).toBe(false);
    await page.reload();
    await shownRows(page).first().waitFor();
    expect(await page.locator('.file-tree').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
