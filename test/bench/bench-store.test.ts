import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobCount, databaseBytes, dropCachedDiffs, emptyDatabase, tableBytes } from '../../bench/bench-store.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import { listPackages } from '../../src/services/catalog.ts';
import { settleCachedDiffWrites } from '../../src/store/diff-cache.ts';
import { diffCache } from '../../src/store/schema/index.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';

describe.each(testDrivers())('the bench store on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
  });
  // A diff is answered before its cache row is written (store/diff-cache.ts): count once it is.
  const cachedDiffs = async () => {
    await settleCachedDiffWrites(ctx.db);
    return Number((await ctx.db.select({ n: count() }).from(diffCache))[0]!.n);
  };
  afterAll(async () => {
    await database?.close();
  });

  it('empties every table, so a cold run starts like a first sync, and the database stays usable', async () => {
    await seedFixture(ctx, '@bench-test/one');
    expect(await blobCount(ctx.db)).toBeGreaterThan(0);
    await emptyDatabase(ctx.db);
    expect(await blobCount(ctx.db)).toBe(0);
    expect(await listPackages(ctx)).toEqual([]);
    await seedFixture(ctx, '@bench-test/one');
    expect((await listPackages(ctx)).map((pkg) => pkg.versions)).toEqual([2]);
  });

  it('drops cached diffs so the next diff is computed again', async () => {
    await seedFixture(ctx, '@bench-test/two');
    const request = { package: '@bench-test/two', from: '1.0.0', to: '2.0.0' };
    const first = await getVersionDiff(ctx, request);
    expect(await cachedDiffs()).toBe(1);
    await dropCachedDiffs(ctx.db);
    expect(await cachedDiffs()).toBe(0);
    const again = await getVersionDiff(ctx, request);
    expect(await cachedDiffs()).toBe(1);
    expect(again).toEqual(first);
  });

  it('measures the database and each docdelta table in bytes', async () => {
    const tables = await tableBytes(ctx.db);
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['blobs', 'doc_meta', 'version_files', 'versions', 'packages']));
    expect(tables.blobs).toBeGreaterThan(0);
    expect(await databaseBytes(ctx.db)).toBeGreaterThan(tables.blobs!);
  });
});
