// Tracking and untracking packages from the home page, in Chromium, through the server's real
// POST/DELETE /packages behind its API token; the package tracked is a real one, from the real
// npm registry.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { POLL, watchPage } from './page-watch.ts';
import { openWebSession, type WebSession } from './web-fixture.ts';

const TOKEN = 'browser-test-token-0123456789abcdef';
const REAL = '@workos/mcp-docs-server';

const cardNames = (page: Page) => page.locator('.card-list .card-title').allTextContents();

describe('package management on the home page', () => {
  let web: WebSession;

  beforeAll(async () => {
    web = await openWebSession({
      env: { API_TOKEN: TOKEN, DOCDELTA_PACKAGES: '@fixture/docs' },
      seed: async (ctx) => {
        await seedFixture(ctx);
        await seedPackage(ctx, '@fixture/spare', [{ version: '0.1.0', files: { 'docs/a.md': '# Only here\n' } }]);
      },
    });
  });
  afterAll(() => web?.close());

  it('asks for the token, refuses a wrong one, and tracks a real npm package with the right one', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/`);
    const panel = page.locator('details.package-admin');
    await panel.locator('summary').click();
    await panel.locator('.track-name').fill(REAL);
    await panel.locator('button', { hasText: 'Track' }).click();
    expect(await panel.locator('.admin-status').textContent()).toBe('Enter the API token first.');

    await panel.locator('.token-input').fill('not-the-token-at-all-000');
    await panel.locator('button', { hasText: 'Track' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), POLL).toMatch(/^Could not track it: /);

    await panel.locator('.token-input').fill(TOKEN);
    await panel.locator('button', { hasText: 'Track' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), { timeout: 30_000 }).toBe(`${REAL}: now tracked; the next sync stores its versions.`);
    expect(await cardNames(page)).toContain(REAL);

    // A name the registry lacks: refused, and said why.
    await panel.locator('.track-name').fill('@fixture/no-such-package-anywhere');
    await panel.locator('button', { hasText: 'Track' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), { timeout: 30_000 }).toMatch(/^Could not track it: .*nothing was stored/);
    expect(await cardNames(page)).not.toContain('@fixture/no-such-package-anywhere');
    // 401 and 404 answers show up in Chrome's console as failed loads; the page logs nothing itself.
    expect(problems.filter((problem) => !/Failed to load resource: the server responded with a status of 40[14]/.test(problem))).toEqual([]);
    await page.close();
  });

  it('untracks a package in two steps, keeping the token for this tab', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/`);
    await page.locator('details.package-admin summary').click();
    await page.locator('.token-input').fill(TOKEN);
    await page.locator('.token-input').dispatchEvent('change');
    const spare = page.locator('.card', { has: page.locator('.card-title', { hasText: '@fixture/spare' }) });
    await spare.locator('.untrack-button').click();
    await spare.locator('.confirm-untrack').click();
    await expect.poll(() => cardNames(page), POLL).not.toContain('@fixture/spare');
    expect(await page.locator('.admin-status').textContent()).toBe('@fixture/spare untracked.');
    expect((await web.server.get('/packages')).json().packages.map((pkg: { name: string }) => pkg.name)).not.toContain('@fixture/spare');

    // Cancel leaves the package alone.
    const docs = page.locator('.card', { has: page.locator('.card-title', { hasText: '@fixture/docs' }) });
    await docs.locator('.untrack-button').click();
    await docs.locator('button', { hasText: 'Cancel' }).click();
    expect(await cardNames(page)).toContain('@fixture/docs');

    await page.reload();
    await page.locator('details.package-admin summary').click();
    expect(await page.locator('.token-input').inputValue()).toBe(TOKEN);
    expect(problems).toEqual([]);
    await page.close();
  });
});
