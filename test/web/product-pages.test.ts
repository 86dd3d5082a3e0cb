// Every capability has a page, reached from where a user looks: the upgrade view from a diff (the
// redirects to paste, copied and downloaded), a page's history from its file row (across renames),
// the changelog and its Atom feed from the home page, job runs and the schedule — in Chromium
// against a real server over the real pipeline's data. Every page is also loaded at 390 px wide:
// nothing may scroll sideways, and no page may log an error or break the CSP.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/services/jobs/run-job.ts';
import { horizontalOverflow, isNotFoundLoadError, POLL, screenshot, watchPage } from './page-watch.ts';
import { openWebSession, PACKAGE, seedWebFixture, type WebSession } from './web-fixture.ts';

const DOCS = '.docs/organized/docs';
const UPGRADE = `/p/${PACKAGE}/upgrade/1.0.0...2.0.0`;
const HISTORY = `/p/${PACKAGE}/history?path=${encodeURIComponent(`${DOCS}/authkit/users.mdx`)}`;

/** Every page of the site, with what shows it has drawn, and the screenshot's name. */
const PAGES = [
  { name: 'home', path: '/', ready: '.card-list' },
  { name: 'package', path: `/p/${PACKAGE}`, ready: 'table.versions' },
  { name: 'diff', path: `/p/${PACKAGE}/diff/1.0.0...2.0.0`, ready: '.file-list > li' },
  { name: 'upgrade', path: UPGRADE, ready: '.redirect-output:not(:empty)' },
  { name: 'history', path: HISTORY, ready: 'table.history' },
  { name: 'changelog', path: `/p/${PACKAGE}/changelog`, ready: 'article.changelog h2' },
  { name: 'status', path: '/status', ready: 'table.runs' },
  { name: 'not-found', path: `/p/@nobody/nothing`, ready: '.error-panel', missing: true },
];

describe('the product in the browser', () => {
  let web: WebSession;

  beforeAll(async () => {
    web = await openWebSession({
      seed: async (ctx) => {
        await seedWebFixture(ctx);
        // A real run through the job machinery, so the status page has something to show.
        await runJob(ctx, 'sync', { trigger: 'manual' }, async () => ({ counts: { packages: 1, ingested: 3 } }));
      },
    });
  });
  afterAll(() => web?.close());

  it('goes from a diff to the upgrade view, shows the /user-management/* splat rule, and copies and downloads it', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.server.url });
    await page.goto(`${web.server.url}/p/${PACKAGE}/diff/1.0.0...2.0.0`);
    await page.locator('.tabs a', { hasText: 'Links & redirects' }).click();
    await page.locator('.redirect-output:not(:empty)').waitFor();
    expect(new URL(page.url()).pathname).toBe(UPGRADE);

    expect(await page.locator('table.rules tr.rule-splat .rule-from').textContent()).toBe('/user-management/*');
    expect(await page.locator('table.rules tr.rule-splat .rule-to').textContent()).toBe('/authkit/*');
    await expect.poll(() => page.locator('.redirect-output').textContent(), POLL).toContain('/user-management/*  /authkit/:splat  301');
    // The removed /user-management/mfa answers 404 before the splat could send it to a page that does not exist.
    const netlify = (await page.locator('.redirect-output').textContent())!;
    expect(netlify).toMatch(/\/user-management\/mfa\s+\/404\.html\s+404/);
    expect(netlify.indexOf('/404.html  404')).toBeLessThan(netlify.indexOf('/user-management/*  /authkit/:splat'));
    await page.locator('.copy-button').click();
    await expect.poll(() => page.locator('.copy-status').textContent(), POLL).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/user-management/*  /authkit/:splat  301');

    // Next.js cannot answer 404 from redirects(), so a folder holding a removed page is written out page
    // by page rather than as a `:path*` rule; the tab is in the URL so a reload keeps it.
    await page.locator('[role=tab]', { hasText: 'Next.js' }).click();
    await expect.poll(() => page.locator('.redirect-output').textContent(), POLL).toContain('"source": "/user-management/sessions"');
    expect(await page.locator('.redirect-output').textContent()).not.toContain('/user-management/:path*');
    expect(new URL(page.url()).searchParams.get('format')).toBe('nextjs');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-button').click()]);
    expect(download.suggestedFilename()).toBe('docs-redirects.js');
    expect(await fs.readFile((await download.path())!, 'utf8')).toContain('"destination": "/authkit/sessions"');

    await page.locator('[role=tab]', { hasText: 'JSON' }).click();
    const json = JSON.parse((await page.locator('.redirect-output').textContent())!);
    expect(json.rules).toContainEqual(expect.objectContaining({ from: '/user-management', to: '/authkit', splat: true }));

    // Broken links come with their fixes; the route map explains the removed pages.
    expect(await page.locator('table.broken .link-fix').allTextContents()).toContain('/authkit/sessions#refresh');
    expect(await page.locator('table.routes tr.route-removed code').first().textContent()).toBe('/legacy/old-api');

    // Our own links, pasted: checked in the page against the route map.
    await page.locator('.paste-box').fill('Read https://example.com/docs/user-management/users#create-a-user, then [SSO](/docs/sso); /docs/legacy/old-api is gone.');
    await page.locator('.base-path').fill('/docs');
    await expect.poll(() => page.locator('table.pasted tbody tr').count(), POLL).toBe(3);
    expect(await page.locator('.paste-summary').textContent()).toBe('3 links found; 2 need attention.');
    expect(await page.locator('table.pasted tr.pasted-moved td').nth(2).textContent()).toBe('/authkit/users#create-a-user');
    expect(await page.locator('table.pasted tr.pasted-removed code').textContent()).toBe('/docs/legacy/old-api');
    expect(await page.locator('table.pasted tr.pasted-ok code').textContent()).toBe('/docs/sso');
    // The same base path prefixes the redirect files.
    await expect.poll(async () => JSON.parse((await page.locator('.redirect-output').textContent())!).basePath, POLL).toBe('/docs');
    await page.locator('[role=tab]', { hasText: 'Netlify' }).click();
    await expect.poll(() => page.locator('.redirect-output').textContent(), POLL).toContain('/docs/user-management/*  /docs/authkit/:splat  301');
    await page.locator('.base-path').fill('not a path');
    await expect.poll(() => page.locator('.base-label .error-message').textContent(), POLL).toBe('A base path looks like /docs.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a renamed page’s history from its file row, listing its versions under both names', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/p/${PACKAGE}/diff/1.0.0...2.0.0`);
    const row = page.locator(`li.file[data-status="renamed"]`, { hasText: 'Users' }).first();
    await row.locator('.history-link').click();
    await page.locator('table.history').waitFor();
    expect(decodeURIComponent(new URL(page.url()).search)).toBe(`?path=${DOCS}/authkit/users.mdx`);

    const rows = page.locator('table.history tbody tr');
    const cells = async (index: number) => (await rows.nth(index).locator('td').allTextContents()).map((text) => text.trim());
    expect(await rows.count()).toBe(3);
    expect((await cells(0)).slice(0, 3)).toEqual(['3.0.0', 'Jan 15, 2025', `${DOCS}/authkit/users.mdx`]);
    expect(await cells(1)).toEqual(['2.0.0', 'Jan 8, 2025', `${DOCS}/authkit/users.mdx`, `renamed from ${DOCS}/user-management/users.mdx +1 −1 · diff 1.0.0 → 2.0.0`]);
    expect((await cells(2)).slice(0, 3)).toEqual(['1.0.0', 'Jan 1, 2025', `${DOCS}/user-management/users.mdx`]);
    expect(await page.locator('.known-name').allTextContents()).toEqual([`${DOCS}/authkit/users.mdx`, `${DOCS}/user-management/users.mdx`]);

    // Asked by the old name, the same history.
    await page.goto(`${web.server.url}/p/${PACKAGE}/history?path=${encodeURIComponent(`${DOCS}/user-management/users.mdx`)}`);
    await page.locator('table.history').waitFor();
    expect(await page.locator('table.history tbody tr').count()).toBe(3);

    // Each change links into that version's diff, at the file.
    await page.locator('table.history a', { hasText: 'diff 1.0.0 → 2.0.0' }).click();
    await page.locator(`li.file[id="file-docs-organized-docs-authkit-users-mdx"] .d2h-wrapper`).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('advertises the changelog’s Atom feed on the home page, in <head> and as a visible link', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/`);
    await page.locator('.card-list').waitFor();
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await alternate.getAttribute('href')).toBe('/changelog.xml');
    expect(await page.locator('.feed-button').isVisible()).toBe(true);
    expect(await page.locator('.feed-button').getAttribute('href')).toBe('/changelog.xml');
    const feed = await web.server.get('/changelog.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

    await page.locator('.card-links a', { hasText: 'Changelog' }).click();
    await page.locator('article.changelog h2').first().waitFor();
    expect(await page.locator('article.changelog h2').allTextContents()).toEqual(['3.0.0 (2025-01-15)', '2.0.0 (2025-01-08)', '1.0.0 (2025-01-01)']);
    expect(await page.locator('.feed-button').getAttribute('href')).toBe('/changelog.xml?package=%40fixture%2Fdocs');
    // Links in the changelog lead to this site's diff pages, in place.
    await page.locator('article.changelog a', { hasText: 'See the full diff' }).first().click();
    await page.locator('.summary').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${PACKAGE}/diff/2.0.0...3.0.0`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows job runs and the schedule', async () => {
    const { page, problems } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/`);
    await page.locator('.topnav a', { hasText: 'Status' }).click();
    await page.locator('table.runs').waitFor();
    const run = page.locator('table.runs tbody tr').first();
    expect(await run.locator('td').first().textContent()).toBe('sync');
    expect(await run.locator('.status-word').textContent()).toBe('ok');
    expect(await run.textContent()).toContain('ingested 3');
    expect(await page.locator('.schedule').textContent()).toContain('*/15 * * * *');
    // Sync fires every quarter hour: its next run is at most 15 minutes off; it last ran just now.
    expect(await page.locator('.schedule tbody tr').first().locator('.next-run').textContent()).toMatch(/ UTC \(in ([1-9]|1[0-5]) min\)$/);
    expect(await page.locator('.schedule tbody tr').first().locator('.run-status-ok').textContent()).toBe('ok');
    expect(await page.locator('.schedule').textContent()).toContain('SLACK_WEBHOOK_URL is not set');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers an unknown URL with an HTML page in a browser and with JSON for API clients', async () => {
    const { page, problems } = await watchPage(web.browser);
    const response = await page.goto(`${web.server.url}/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('.error-panel h1').textContent()).toBe('Not found');
    expect(await page.locator('.error-message').textContent()).toBe('no route for GET /no/such/page');

    // An API URL opened in the browser: the service's own message, as a page.
    const apiError = await page.goto(`${web.server.url}/diff?package=${encodeURIComponent(PACKAGE)}&from=1.0.0&to=9.9.9`);
    expect(apiError?.status()).toBe(404);
    expect(await page.locator('.error-message').textContent()).toContain('no stored version "9.9.9"');

    // The message is text in the page, whatever the URL held.
    const hostile = await web.server.get(`/history?path=${encodeURIComponent('<script>alert(1)</script>')}`, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(hostile.status).toBe(404);
    expect(hostile.headers.vary).toContain('Accept');
    expect(hostile.text).toContain('<p class="error-message">&lt;script&gt;alert(1)&lt;/script&gt; is in no stored version of @fixture/docs</p>');
    expect(hostile.text).not.toContain('<script>');

    for (const accept of [undefined, 'application/json', '*/*']) {
      const api = await web.server.get('/no/such/page', accept ? { Accept: accept } : {});
      expect(api.status).toBe(404);
      expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(api.json()).toEqual({ code: 'NOT_FOUND', message: 'no route for GET /no/such/page' });
    }
    // Two 404 documents, reported as such by Chrome; the pages themselves log nothing and break no CSP.
    expect(problems.length).toBe(2);
    expect(problems.filter((problem) => !isNotFoundLoadError(problem))).toEqual([]);
    await page.close();
  });

  it('never offers an unknown package a link back to itself', async () => {
    const { page } = await watchPage(web.browser);
    await page.goto(`${web.server.url}/p/@nobody/nothing/diff/1.0.0...2.0.0`);
    await page.locator('.error-panel').waitFor();
    const back = page.locator('.error-panel p a');
    expect(await back.textContent()).toBe('Back to all packages');
    expect(await back.getAttribute('href')).toBe('/');
    // A known package with a missing version leads back to that package.
    await page.goto(`${web.server.url}/p/${PACKAGE}/diff/1.0.0...9.9.9`);
    await page.locator('.error-panel').waitFor();
    expect(await page.locator('.error-panel p a').getAttribute('href')).toBe(`/p/${PACKAGE}`);
    await page.close();
  });

  for (const width of [1280, 390]) {
    for (const entry of PAGES) {
      it(`draws the ${entry.name} page at ${width} px without sideways scrolling, console errors or CSP violations`, async () => {
        const { page, problems, dialogs } = await watchPage(web.browser, { width, height: width === 390 ? 844 : 900 });
        await page.goto(`${web.server.url}${entry.path}`);
        await page.locator(entry.ready).first().waitFor();
        if (entry.name === 'diff') {
          // Open a file, so the overflow check covers a drawn diff too.
          await page.locator('li.file .file-head').first().click();
          await page.locator('li.file .d2h-wrapper').first().waitFor();
        }
        expect(await horizontalOverflow(page)).toBe(0);
        if (entry.name === 'package') {
          // The versions table fits too, rather than scrolling inside its box.
          const inner = await page.locator('.table-scroll').evaluate((element) => element.scrollWidth - element.clientWidth);
          expect(inner).toBe(0);
        }
        await screenshot(page, width === 390 ? `${entry.name}-mobile` : entry.name);
        await page.waitForTimeout(100);
        // On the not-found page, Chrome itself reports the 404 it was given; nothing else may show up.
        expect(entry.missing ? problems.filter((problem) => !isNotFoundLoadError(problem)) : problems).toEqual([]);
        expect(dialogs).toEqual([]);
        await page.close();
      });
    }
  }
});
