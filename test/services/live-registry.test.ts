// Against the real npm registry: the real package, as a user would sync it.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVersions } from '../../src/services/catalog.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { blobs } from '../../src/store/schema/index.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { testContext } from '../support/context.ts';

const NAME = '@workos/mcp-docs-server';

describe('sync of the real @workos/mcp-docs-server', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    ctx = await testContext(database, { NPM_REGISTRY: 'https://registry.npmjs.org/' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores 0.1.0 and 0.2.0 with 455 and 563 files, shared content stored once', async () => {
    const report = await syncPackage(ctx, NAME, { versions: ['0.1.0', '0.2.0'] });
    expect(report.failed).toEqual([]);
    const listed = await listVersions(ctx, NAME);
    expect(listed.versions.map((v) => [v.version, v.files])).toEqual([['0.1.0', 455], ['0.2.0', 563]]);
    expect(listed.versions.every((v) => v.publishedAt && !Number.isNaN(Date.parse(v.publishedAt)))).toBe(true);
    const [row] = await ctx.db.select({ n: count() }).from(blobs);
    expect(Number(row!.n)).toBeLessThan(455 + 563);
  }, 120_000);
});
