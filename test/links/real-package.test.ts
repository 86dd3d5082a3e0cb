// Acceptance on the real package from the real registry: @workos/mcp-docs-server 0.1.0 → 0.2.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkReport } from '../../src/links/index.ts';
import { checkLinks, resolveRoute } from '../../src/services/links.ts';
import { renderNetlify } from '../../src/links/redirects.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import type { FileChange } from '../../src/types.ts';
import { testContext } from '../support/context.ts';
import { expectRedirectsNeverLie, followNetlify, parseNetlify } from './support/redirect-invariant.ts';
import { pageRoutes } from './support/real-pairs.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';

const NAME = '@workos/mcp-docs-server';
const ROOT = '.docs/organized/docs/';

/**
 * Every link of 0.2.0 the checker calls broken, each confirmed by reading the published pages:
 * - attributes: the page has no "auto-mapped"/"custom-mapped" heading in any version;
 * - events: a relative link, so the browser asks for /reference/organization-domain, which 0.2.0 removed;
 * - auth0-enterprise-connection: relative `admin-portal` from /integrations/… is /integrations/admin-portal;
 * - rbac/integration: /rbac has no `assignments` page or section (the page is /rbac/idp-role-assignment);
 * - the reference navigation: error-codes is /reference/authkit/cli-auth/error-codes, not under device-code;
 * - invitation/send: there is no /authkit/roles (the page is /authkit/roles-and-permissions);
 * - workos-connect/applications: the heading became "Enabling Client ID Metadata Document (CIMD)".
 */
const REALLY_BROKEN_IN_0_2_0 = [
  'directory-sync/understanding-events.mdx /directory-sync/attributes/custom-attributes/auto-mapped-attributes',
  'directory-sync/understanding-events.mdx /directory-sync/attributes/custom-attributes/custom-mapped-attributes',
  'events/index.mdx reference/organization-domain',
  'integrations/auth0-enterprise-connection.mdx admin-portal',
  'rbac/integration.mdx /rbac/assignments/idp-role-assignment',
  'reference/_navigation.mdx /reference/authkit/cli-auth/device-code/error-codes',
  'reference/authkit/invitation/send.mdx /authkit/roles',
  'reference/workos-connect/applications/index.mdx /authkit/mcp/integrating/enabling-client-id-metadata-document',
];

describe('links of the real @workos/mcp-docs-server, 0.1.0 → 0.2.0', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let report: LinkReport;
  beforeAll(async () => {
    database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    ctx = await testContext(database, { NPM_REGISTRY: 'https://registry.npmjs.org/' });
    const synced = await syncPackage(ctx, NAME, { versions: ['0.1.0', '0.2.0'] });
    expect(synced.failed).toEqual([]);
    report = await checkLinks(ctx, { package: NAME, from: '0.1.0', to: '0.2.0' });
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('moves every user-management page to its authkit page, or says why not and what is closest', () => {
    const pages = report.routes.filter((entry) => /^\/(reference\/)?user-management(\/|$)/.test(entry.route));
    expect(pages.length).toBeGreaterThan(100);
    for (const entry of pages) {
      if (entry.status === 'moved') {
        expect(entry.to, entry.route).toMatch(/^\/(reference\/)?authkit(\/|$)/);
      } else {
        expect(entry.status, entry.route).toBe('removed');
        expect(entry.reason, entry.route).toBeTruthy();
        expect(entry.candidate, entry.route).not.toBeNull();
      }
    }
    expect(pages.find((entry) => entry.route === '/user-management/users-organizations')).toMatchObject({ status: 'moved', to: '/authkit/users-organizations', inferred: true });
  });

  it('shows all 117 git renames of pages: moved to the new route, or same where the route did not change', async () => {
    const diff = await getVersionDiff(ctx, { package: NAME, from: '0.1.0', to: '0.2.0' });
    const renames = diff.files.filter((file): file is Extract<FileChange, { status: 'renamed' }> => file.status === 'renamed' && file.oldPath.startsWith(ROOT));
    expect(renames).toHaveLength(117);
    const byPath = new Map(report.routes.map((entry) => [entry.path, entry]));
    let moved = 0;
    for (const rename of renames) {
      const entry = byPath.get(rename.oldPath)!;
      expect(entry, rename.oldPath).toBeDefined();
      expect(entry.toPath, rename.oldPath).toBe(rename.path);
      // `x.mdx` → `x/index.mdx` keeps the route: redirecting it to itself would loop.
      if (entry.status === 'same') expect(entry.to).toBe(entry.route);
      else {
        expect(entry.status).toBe('moved');
        moved++;
      }
    }
    expect(moved).toBe(111);
  });

  it('reports only links of 0.2.0 that are really broken', () => {
    const found = report.internal.map((broken) => `${broken.file.slice(ROOT.length)} ${broken.target}`);
    expect(found.length).toBeLessThanOrEqual(REALLY_BROKEN_IN_0_2_0.length);
    expect(found.sort()).toEqual([...REALLY_BROKEN_IN_0_2_0].sort());
    expect(report.counts.links.to.checked).toBeGreaterThan(2_500);
    const cimd = report.internal.find((broken) => broken.target.endsWith('enabling-client-id-metadata-document'))!;
    expect(cimd.fix?.target).toBe('/authkit/mcp/integrating/enabling-client-id-metadata-document-cimd');
  });

  it('keeps its acceptance numbers: 123 moved routes, each with a target, and 8 broken links', () => {
    expect(report.counts.routes.moved).toBe(123);
    expect(report.routes.filter((entry) => entry.status === 'moved').every((entry) => entry.to !== null)).toBe(true);
    expect(report.counts.internal).toBe(8);
    expect(report.warnings.filter((warning) => warning.blocking)).toEqual([]);
  });

  it('never lets a splat catch a removed page: the 4 removed pages under moved folders answer 404 first', async () => {
    expect(report.redirects.gone.map((gone) => gone.route)).toEqual(['/reference/user-management/access-token', '/user-management/authkit', '/user-management/entitlements', '/user-management/widgets']);
    const rules = parseNetlify(renderNetlify(report.redirects, { package: NAME, from: '0.1.0', to: '0.2.0', basePath: '' }));
    expect(followNetlify(rules, '/user-management/widgets')).toBeNull();
    expectRedirectsNeverLie(report, await pageRoutes(ctx, NAME, '0.2.0'));
  });

  it('writes one Netlify splat per folder that moved as a whole', () => {
    const lines = renderNetlify(report.redirects, { package: NAME, from: '0.1.0', to: '0.2.0', basePath: '' })
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(3);
    expect(lines.filter((line) => line.includes('/*'))).toEqual([
      expect.stringMatching(/^\/reference\/user-management\/\* +\/reference\/authkit\/:splat +301$/),
      expect.stringMatching(/^\/user-management\/\* +\/authkit\/:splat +301$/),
    ]);
  });

  it('resolves an old route to its new page', async () => {
    const resolution = await resolveRoute(ctx, { package: NAME, route: '/user-management/sso', to: 'latest' });
    expect(resolution).toMatchObject({ from: '0.1.0', to: '0.2.0', status: 'moved', target: '/authkit/sso' });
  });
});
