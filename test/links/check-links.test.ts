// The link checker end to end: the seeded fixture through the real pipeline and storage, on every driver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, resolveRoute } from '../../src/services/links.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { updatePackage } from '../../src/store/packages.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { APP_BASE_URL, type AppFixture, createAppFixture } from './support/app-fixture.ts';

describe.each(testDrivers())('links on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let app: AppFixture;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/links');
    app = await createAppFixture();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('maps every page of from and reports what the upgrade breaks, with fixes', async () => {
    const report = await checkLinks(ctx, { package: '@fixture/links', from: '1.0.0', to: '2.0.0' });
    const routes = Object.fromEntries(report.routes.map((entry) => [entry.route, entry.status === 'removed' ? 'removed' : `${entry.status} ${entry.to}`]));
    expect(routes).toEqual({
      '/': 'same /',
      '/glossary': 'same /glossary',
      '/legacy/old-api': 'removed',
      '/sso': 'same /sso',
      '/unsafe': 'same /unsafe',
      '/user-management': 'moved /authkit',
      '/user-management/mfa': 'removed',
      '/user-management/organizations': 'moved /authkit/organizations',
      '/user-management/sessions': 'moved /authkit/sessions',
      '/user-management/users': 'moved /authkit/users',
    });
    expect(report.routes.find((entry) => entry.route === '/user-management/users')!.removedAnchors).toEqual(['delete-a-user']);
    expect(report.internal).toEqual([]);
    expect(report.upgrade.map((broken) => [broken.target, broken.fix?.target, broken.alsoAt])).toEqual([
      ['/user-management/sessions#refresh', '/authkit/sessions#refresh', 0],
      // Linked from the home page and the navigation file.
      ['/user-management/users', '/authkit/users', 1],
    ]);
    expect(report.counts).toMatchObject({ broken: 2, internal: 0, upgrade: 2, scan: null, routes: { same: 4, moved: 4, removed: 2 } });
    expect(report.redirects.rules.filter((rule) => rule.splat).map((rule) => `${rule.from} ${rule.to}`)).toEqual(['/user-management /authkit']);
  });

  it('resolves a route, its anchor following the page, from the oldest version that has it', async () => {
    const moved = await resolveRoute(ctx, { package: '@fixture/links', route: '/user-management/sessions#refresh', to: 'latest' });
    expect(moved).toMatchObject({ from: '1.0.0', to: '2.0.0', status: 'moved', target: '/authkit/sessions#refresh', inferred: false });
    const section = await resolveRoute(ctx, { package: '@fixture/links', route: '/user-management/users/delete-a-user' });
    expect(section).toMatchObject({ status: 'moved', target: '/authkit/users' });
    expect(section.fix?.note).toContain('section delete-a-user no longer exists');
    const same = await resolveRoute(ctx, { package: '@fixture/links', route: '/glossary/acs-url' });
    expect(same).toMatchObject({ status: 'same', target: '/glossary/acs-url' });
    const removed = await resolveRoute(ctx, { package: '@fixture/links', route: '/user-management/mfa', from: '1.0.0', to: '2.0.0' });
    expect(removed).toMatchObject({ status: 'removed', target: null });
    expect(removed.reason).toContain('/authkit/mfa does not exist');
  });

  it('says so when no stored version has the route, and refuses what is not a route', async () => {
    await expect(resolveRoute(ctx, { package: '@fixture/links', route: '/never/existed' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveRoute(ctx, { package: '@fixture/links', route: 'mailto:a@b.c' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(checkLinks(ctx, { package: '@fixture/links', from: '1.0.0', to: '9.9.9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('scans an outside folder for links of every kind and reports file:line, breakage and the replacement', async () => {
    const report = await checkLinks(ctx, { package: '@fixture/links', from: '1.0.0', to: '2.0.0', scanDir: app.dir, baseUrl: APP_BASE_URL });
    const hits = report.scan!.hits.map((hit) => `${hit.file}:${hit.line} ${hit.target} ${hit.status}${hit.replacement ? ` -> ${hit.replacement}` : ''}`);
    expect(hits.sort()).toEqual([
      'config/links.json:2 https://docs.example.com/docs/user-management moved -> https://docs.example.com/docs/authkit',
      'content/nav.yaml:3 /docs/user-management/organizations moved -> /docs/authkit/organizations',
      'help/faq.md:3 /docs/user-management/mfa removed',
      'help/faq.md:3 https://docs.example.com/docs/sso#setup ok',
      'help/faq.md:4 /docs/nowhere broken',
      'lib/legacy.js:1 /docs/legacy/old-api removed',
      'public/index.html:2 /docs/glossary/acs-url ok',
      'src/app.tsx:2 https://docs.example.com/docs/user-management/users#create-a-user moved -> https://docs.example.com/docs/authkit/users#create-a-user',
      'src/app.tsx:4 /docs/user-management/sessions moved -> /docs/authkit/sessions',
    ]);
    expect(report.scan!.stats).toMatchObject({ files: 6, skippedLarge: 1, skippedLinks: 2, truncated: false });
    // When scanning, `broken` is the scanned folder's links: the question was "which of OUR links break".
    expect(report.broken.every((broken) => broken.scope === 'scan')).toBe(true);
    expect(report.counts.scan).toBe(7);
    const mfa = report.scan!.hits.find((hit) => hit.target === '/docs/user-management/mfa')!;
    expect(mfa).toMatchObject({ breaks: true, replacement: null });
  });

  it('reads link conventions from the package options, validated', async () => {
    await seedPackage(ctx, '@fixture/conventions', [
      { version: '1.0.0', files: { '.docs/organized/docs/glossary.mdx': '# Glossary\n\n## ACS URL\n\nText.\n', '.docs/organized/docs/index.mdx': '# Home\n\n[ACS](/glossary/acs-url)\n' } },
      { version: '1.1.0', files: { '.docs/organized/docs/glossary.mdx': '# Glossary\n\n## ACS URL\n\nText.\n', '.docs/organized/docs/index.mdx': '# Home\n\n[ACS](/glossary/acs-url) again\n' } },
    ]);
    const check = () => checkLinks(ctx, { package: '@fixture/conventions', from: '1.0.0', to: '1.1.0' });
    expect((await check()).counts.internal).toBe(0);
    await updatePackage(ctx.db, '@fixture/conventions', { options: { links: { sectionRoutes: false } } });
    const strict = await check();
    expect(strict.internal.map((broken) => `${broken.target} ${broken.code}`)).toEqual(['/glossary/acs-url no-page']);
    expect(strict.conventions.sectionRoutes).toBe(false);
    await updatePackage(ctx.db, '@fixture/conventions', { options: { links: { sectionRoutes: 'yes' } } });
    await expect(check()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
