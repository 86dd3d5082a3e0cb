// pino from the real registry: README-style docs (the package's own README.md plus docs/*.md, linked
// as `/docs/api.md` from the README) and `<a id=…>` anchors written without quotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkReport } from '../../src/links/link-report.ts';
import { listVersions } from '../../src/services/catalog.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { checkRealPair, realContext, syncReal } from './support/real-pairs.ts';

describe('links of the real pino docs, 9.0 → 10.0', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let report: LinkReport;
  beforeAll(async () => {
    database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    ctx = await realContext(database);
    await syncReal(ctx, 'pino', ['9.0.0', '10.0.0']);
    report = await checkRealPair(ctx, 'pino', '9.0.0', '10.0.0');
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('serves the package root at / (README is the home page), as its links say', async () => {
    const listed = await listVersions(ctx, 'pino', { docs: true });
    for (const version of listed.versions) expect(version.docs!.roots, version.version).toMatchObject([{ folder: '', route: '/', basis: 'links' }]);
    expect(report.routes.find((entry) => entry.path === 'README.md')?.route).toBe('/');
    expect(report.routes.find((entry) => entry.path === 'docs/api.md')?.route).toBe('/docs/api');
  });

  it('resolves unquoted <a id=…> anchors; what is left is a link to a page that does not exist', () => {
    expect(report.internal.map((link) => `${link.file} ${link.target}`)).toEqual(['docs/diagnostics.md tc']);
    expect(report.counts.links.to.checked).toBeGreaterThan(200);
  });
});
