// Packages as first-class objects: a refused track stores nothing; untrack frees exactly what only
// that package used. On both drivers, against a local stand-in registry (a 404 is a registry answer
// these tests need on demand).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { packageOverview, trackNpmPackage, untrackPackage } from '../../src/services/packages.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { findPackage } from '../../src/store/packages.ts';
import { trackGitPackage } from '../../src/services/track.ts';
import { tempDir, testContext } from '../support/context.ts';
import { openTestDatabase, testDrivers, type TestDatabase } from '../support/databases.ts';
import { startFakeRegistry, type FakeRegistry } from '../support/fake-registry.ts';
import { FIXTURE_V1, FIXTURE_V2, seedFixture, seedPackage } from '../support/seed.ts';
import { packageTgz, sri } from '../support/tarballs.ts';

describe.each(testDrivers())('packages on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let registry: FakeRegistry;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    registry = await startFakeRegistry();
    ctx = await testContext(database, { NPM_REGISTRY: registry.url, DOCDELTA_PACKAGES: '@fixture/docs' });
    await seedFixture(ctx, '@fixture/docs');
    // A second package that shares every 1.0.0 file and adds one of its own.
    await seedPackage(ctx, '@fixture/other', [{ version: '1.0.0', files: { ...FIXTURE_V1, 'extra.md': 'only in other\n' } }]);
  });
  afterAll(async () => {
    await registry?.close();
    await database?.close();
  });

  it('refuses to track a name the registry does not have, names the near miss, and stores nothing', async () => {
    const before = await tableCounts(ctx.db);
    await expect(trackNpmPackage(ctx, '@fixture/docss')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no package "@fixture\/docss"; nothing was stored; did you mean "@fixture\/docs"\?/),
    });
    await expect(trackNpmPackage(ctx, 'Not A Name')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('refuses a git repository that cannot be read, and stores nothing', async () => {
    const before = await tableCounts(ctx.db);
    const notARepository = await tempDir('docdelta-not-a-repo-');
    await expect(trackGitPackage(ctx, { location: notARepository, docs: 'docs', name: 'unreadable-docs' })).rejects.toThrow(/nothing was stored/);
    expect(await findPackage(ctx.db, 'unreadable-docs')).toBeUndefined();
    expect(await tableCounts(ctx.db)).toEqual(before);
  });

  it('syncs a mistyped name without storing it, and records when a stored package was last synced', async () => {
    const before = await tableCounts(ctx.db);
    await expect(syncPackage(ctx, '@fixture/docss')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/nothing was stored; did you mean "@fixture\/docs"\?/),
    });
    registry.setPackage({ name: 'empty-docs', versions: [] });
    await expect(syncPackage(ctx, 'empty-docs')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no versions to sync; nothing was stored/) });
    expect(await tableCounts(ctx.db)).toEqual(before);

    const tarball = packageTgz({ 'package.json': '{"name":"synced-docs","version":"1.0.0"}', 'docs/a.md': '# A\n' });
    registry.setPackage({ name: 'synced-docs', versions: [{ version: '1.0.0', tarball, integrity: sri(tarball) }] });
    const report = await syncPackage(ctx, 'synced-docs');
    expect(report.failed).toEqual([]);
    expect(report.ingested.map((version) => version.version)).toEqual(['1.0.0']);
    const synced = (await packageOverview(ctx)).find((entry) => entry.name === 'synced-docs');
    expect(synced).toMatchObject({ source: 'npm', versions: 1, lastSyncedAt: expect.any(String) });
    // Untracking also deletes the package's downloaded tarballs, and says how many and how big.
    expect(await ctx.snapshots.listVersions('synced-docs')).toEqual(['1.0.0']);
    expect(await untrackPackage(ctx, 'synced-docs', { dryRun: true })).toMatchObject({ tarballs: 1, tarballBytes: tarball.byteLength });
    expect(await ctx.snapshots.listVersions('synced-docs')).toEqual(['1.0.0']);
    expect(await untrackPackage(ctx, 'synced-docs')).toMatchObject({ removed: true, tarballs: 1, tarballBytes: tarball.byteLength });
    expect(await ctx.snapshots.listVersions('synced-docs')).toEqual([]);
  });

  it('tracks a name the registry has, without fetching any version', async () => {
    registry.setPackage({ name: 'real-docs', versions: [{ version: '1.0.0', tarball: packageTgz({ 'package.json': '{"name":"real-docs","version":"1.0.0"}' }) }] });
    const downloads = registry.tarballRequests;
    const result = await trackNpmPackage(ctx, 'real-docs');
    expect(result).toMatchObject({ outcome: 'created', versions: 1 });
    expect(registry.tarballRequests).toBe(downloads);
    expect((await trackNpmPackage(ctx, 'real-docs')).outcome).toBe('unchanged');
    const overview = await packageOverview(ctx);
    expect(overview.map((entry) => [entry.name, entry.source, entry.versions])).toEqual([
      ['@fixture/docs', 'local', 2],
      ['@fixture/other', 'local', 1],
      ['real-docs', 'npm', 0],
    ]);
    expect(overview[0]).toMatchObject({ latest: '2.0.0', configured: true, lastIngestedAt: expect.any(String) });
  });

  it('untracks a package with its versions, cached diffs and the blobs no other package holds', async () => {
    await getVersionDiff(ctx, { package: '@fixture/docs', from: '1.0.0', to: '2.0.0' });
    const before = await tableCounts(ctx.db);
    expect(before.diffCache).toBeGreaterThan(0);
    // Contents only @fixture/docs holds: its 2.0.0 files that are not byte-identical to a 1.0.0 file.
    const v1 = new Set(Object.values(FIXTURE_V1));
    const onlyDocs = new Set(Object.values(FIXTURE_V2).filter((content) => !v1.has(content))).size;

    const planned = await untrackPackage(ctx, '@fixture/docs', { dryRun: true });
    expect(planned).toMatchObject({ removed: false, versions: 2, blobs: onlyDocs, diffs: before.diffCache });
    expect(await tableCounts(ctx.db)).toEqual(before);

    // A package that is not from npm has no tarballs of its own: a file at its folder's place stays.
    const stray = path.join(ctx.config.snapshotsDir, '@fixture__docs', '9.9.9.tgz');
    await fs.mkdir(path.dirname(stray), { recursive: true });
    await fs.writeFile(stray, 'not this package’s');
    const done = await untrackPackage(ctx, '@fixture/docs');
    expect(done).toMatchObject({ removed: true, versions: 2, blobs: onlyDocs, configured: true, tarballs: 0 });
    expect(await fs.readFile(stray, 'utf8')).toBe('not this package’s');
    const after = await tableCounts(ctx.db);
    expect(before.blobs - after.blobs).toBe(onlyDocs);
    expect(after).toMatchObject({ packages: before.packages - 1, versions: before.versions - 2, diffCache: 0 });
    expect(await findPackage(ctx.db, '@fixture/docs')).toBeUndefined();
    // The other package still reads every file it shared.
    const other = await getVersionDiff(ctx, { package: '@fixture/other', from: '1.0.0', to: '1.0.0' });
    expect(other.files).toEqual([]);
    await expect(untrackPackage(ctx, '@fixture/docs')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(untrackPackage(ctx, '@fixture/othr')).rejects.toMatchObject({ message: expect.stringContaining('did you mean "@fixture/other"?') });
  });
});
