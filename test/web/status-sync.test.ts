// "Run a sync now" on the status page: POST /sync with the API token, a real sync of a package
// tracked from a local folder, and the run listed on the page afterwards.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackLocalPackage } from '../../src/services/track.ts';
import { tempDir } from '../support/context.ts';
import { POLL, watchPage } from './page-watch.ts';
import { openWebSession, type WebSession } from './web-fixture.ts';

const TOKEN = 'status-test-token-0123456789abcdef';
const NAME = '@fixture/local-docs';

describe('syncing from the status page', () => {
  let web: WebSession;

  beforeAll(async () => {
    const folder = await tempDir('docdelta-local-docs-');
    await fs.mkdir(path.join(folder, 'docs'));
    await fs.writeFile(path.join(folder, 'package.json'), JSON.stringify({ name: NAME, version: '1.0.0' }));
    await fs.writeFile(path.join(folder, 'docs', 'index.md'), '# Local docs\n\nHello.\n');
    web = await openWebSession({
      env: { API_TOKEN: TOKEN, DOCDELTA_PACKAGES: NAME },
      seed: async (ctx) => {
        await trackLocalPackage(ctx, { path: folder });
      },
    });
  });
  afterAll(() => web?.close());

  it('runs a sync with the API token and lists the run', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/status`);
    const panel = page.locator('details.sync-panel');
    await panel.locator('summary').click();
    await panel.locator('button', { hasText: 'Sync now' }).click();
    expect(await panel.locator('.admin-status').textContent()).toBe('Enter the API token first.');

    await panel.locator('.token-input').fill('a-wrong-token-0123456789');
    await panel.locator('button', { hasText: 'Sync now' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), POLL).toMatch(/^Could not sync: /);

    await panel.locator('.token-input').fill(TOKEN);
    await panel.locator('button', { hasText: 'Sync now' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), { timeout: 30_000 }).toMatch(/^Run #\d+: ok; 1 new version stored\.$/);
    const run = page.locator('table.runs tbody tr').first();
    expect(await run.locator('td').allTextContents()).toEqual([
      'sync',
      expect.stringMatching(/ UTC$/),
      expect.stringMatching(/ (ms|s)$/),
      'api',
      expect.stringMatching(/^ok/),
    ]);
    expect((await web.server.get('/versions?package=%40fixture%2Flocal-docs')).json().versions.map((entry: { version: string }) => entry.version)).toEqual(['1.0.0']);

    // Nothing new the second time; the page lists both runs.
    await panel.locator('button', { hasText: 'Sync now' }).click();
    await expect.poll(() => panel.locator('.admin-status').textContent(), { timeout: 30_000 }).toMatch(/^Run #\d+: ok; 0 new versions stored\.$/);
    await expect.poll(() => page.locator('table.runs tbody tr').count(), POLL).toBe(2);
    // The refused token shows in Chrome's console as a failed load; the page logs nothing itself.
    expect(problems.filter((problem) => !/Failed to load resource: the server responded with a status of 401/.test(problem))).toEqual([]);
    await page.close();
  });
});
