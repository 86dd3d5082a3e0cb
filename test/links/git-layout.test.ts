// A git repository's docs folder with the traits real sites have: pages under `content/` served at
// `/docs` (learned from the pages' own links), Next.js route groups, README pages as their folder's
// route, and links out of the tracked folder. Built here, tracked and synced like any git package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNetlify } from '../../src/links/redirects.ts';
import { listVersions } from '../../src/services/catalog.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { checkLinks } from '../../src/services/links.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { trackGitPackage } from '../../src/services/track.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { createRepo, type FixtureRepo } from '../source-git/fixture-repo.ts';
import { expectRedirectsNeverLie, parseNetlify } from './support/redirect-invariant.ts';
import { pageRoutes } from './support/real-pairs.ts';


const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\n${body}\n`;
const prose = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `${topic} paragraph ${i + 1} explains one detail of ${topic.toLowerCase()}.`).join('\n\n');

const V1 = {
  'README.md': '# The product\n',
  'content/README.md': page('Docs', 'Start with [install](/docs/install), then the [guides](/docs/guides). See the [repository](../README.md).'),
  'content/(getting-started)/install.md': page('Install', `${prose('Install', 3)}\n\nNext: [quickstart](/docs/quickstart) and [auth](/docs/guides/auth#setup).`),
  'content/(getting-started)/quickstart.md': page('Quickstart', `${prose('Quickstart', 3)}\n\n[Sessions](/docs/guides/sessions) · [license](../../LICENSE.md)`),
  'content/guides/README.md': page('Guides', `[Auth](/docs/guides/auth), [sessions](/docs/guides/sessions), [users](/docs/guides/users). ${prose('Guides', 2)}`),
  'content/guides/auth.md': page('Auth', `## Setup\n\n${prose('Auth', 4)}\n\nBack to [install](/docs/install).`),
  'content/guides/sessions.md': page('Sessions', `## Refresh\n\n${prose('Sessions', 4)}\n\n[Users](/docs/guides/users)`),
  'content/guides/users.md': page('Users', `${prose('Users', 4)}\n\n[Auth](/docs/guides/auth)`),
};
// 2.0: guides/ became authentication/ (users dropped), the route group was renamed (routes unchanged).
const V2 = {
  'content/README.md': page('Docs', 'Start with [install](/docs/install), then [authentication](/docs/authentication). See the [repository](../README.md).'),
  'content/(getting-started)/install.md': null,
  'content/(getting-started)/quickstart.md': null,
  'content/(start)/install.md': page('Install', `${prose('Install', 3)}\n\nNext: [quickstart](/docs/quickstart) and [auth](/docs/authentication/auth#setup).`),
  'content/(start)/quickstart.md': page('Quickstart', `${prose('Quickstart', 3)}\n\n[Sessions](/docs/authentication/sessions) · [license](../../LICENSE.md)`),
  'content/guides/README.md': null,
  'content/guides/auth.md': null,
  'content/guides/sessions.md': null,
  'content/guides/users.md': null,
  'content/authentication/README.md': page('Guides', `[Auth](/docs/authentication/auth), [sessions](/docs/authentication/sessions). ${prose('Guides', 2)}`),
  'content/authentication/auth.md': page('Auth', `## Setup\n\n${prose('Auth', 4)}\n\nBack to [install](/docs/install).`),
  'content/authentication/sessions.md': page('Sessions', `## Refresh\n\n${prose('Sessions', 4)}`),
};

describe('a git docs folder with a route prefix, route groups and README pages', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let repo: FixtureRepo;
  beforeAll(async () => {
    [database, repo] = await Promise.all([openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite'), createRepo()]);
    ctx = await testContext(database);
    await repo.commitAndTag(V1, 'v1.0.0', '2025-01-01T10:00:00Z');
    await repo.commitAndTag(V2, 'v2.0.0', '2025-02-01T10:00:00Z');
    await trackGitPackage(ctx, { location: repo.dir, docs: 'content', name: 'site-docs' });
    expect((await syncPackage(ctx, 'site-docs')).failed).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await repo?.dispose();
  });

  it('serves the tracked folder at the prefix its links use, without route groups, README as the folder', async () => {
    const listed = await listVersions(ctx, 'site-docs', { docs: true });
    for (const version of listed.versions) {
      expect(version.docs!.roots, version.version).toMatchObject([{ folder: 'content/', route: '/docs', basis: 'settings' }]);
      expect(version.docs!.roots[0]!.why).toMatch(/internal links/);
    }
    expect([...(await pageRoutes(ctx, 'site-docs', 'v1.0.0'))].sort()).toEqual(['/docs', '/docs/guides', '/docs/guides/auth', '/docs/guides/sessions', '/docs/guides/users', '/docs/install', '/docs/quickstart']);
  });

  it('checks every link, calls none broken, and counts the ones leaving the folder as outside', async () => {
    const report = await checkLinks(ctx, { package: 'site-docs', from: 'v1.0.0', to: 'v2.0.0' });
    expect(report.internal).toEqual([]);
    expect(report.counts.links.from.outside).toBe(2);
    expect(report.counts.links.to.outside).toBe(2);
    expect(report.counts.links.from.checked).toBeGreaterThan(10);
    expect(report.warnings).toEqual([]);
  });

  it('maps the move, keeps group-renamed pages where they were, and writes redirects without route groups', async () => {
    const report = await checkLinks(ctx, { package: 'site-docs', from: 'v1.0.0', to: 'v2.0.0' });
    const entry = (route: string) => report.routes.find((candidate) => candidate.route === route);
    expect(entry('/docs/install')).toMatchObject({ status: 'same' });
    expect(entry('/docs/guides/auth')).toMatchObject({ status: 'moved', to: '/docs/authentication/auth' });
    expect(entry('/docs/guides/users')).toMatchObject({ status: 'removed' });
    const text = renderNetlify(report.redirects, { package: 'site-docs', from: 'v1.0.0', to: 'v2.0.0', basePath: '' });
    expect(text.split('\n').filter((line) => !line.startsWith('#') && line.includes('('))).toEqual([]);
    expect(parseNetlify(text)).toEqual([
      { from: '/docs/guides', to: '/docs/authentication', status: 301 },
      { from: '/docs/guides/users', to: '/404.html', status: 404 },
      { from: '/docs/guides/*', to: '/docs/authentication/:splat', status: 301 },
    ]);
    expectRedirectsNeverLie(report, await pageRoutes(ctx, 'site-docs', 'v2.0.0'));
  });
});
