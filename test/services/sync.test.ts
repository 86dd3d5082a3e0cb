import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { listVersions } from '../../src/services/catalog.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { ingestFailures, versionFiles, versions } from '../../src/store/schema/index.ts';
import { findPackage } from '../../src/store/packages.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { testContext } from '../support/context.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, shasum, sri } from '../support/tarballs.ts';

let counter = 0;
const nextName = () => `@fixture/docs-${process.pid}-${++counter}`;

const v1 = packageTgz({ 'package.json': '{"name":"x"}', 'docs/index.mdx': '---\ntitle: Home\n---\n# Home\n', 'docs/guide.mdx': '# Guide\n\nSee [home](/).\n' });
const v2 = packageTgz({ 'package.json': '{"name":"x"}', 'docs/index.mdx': '---\ntitle: Home\n---\n# Home\n', 'docs/guide.mdx': '# Guide\n\nChanged.\n', 'docs/new.mdx': '# New\n' });

describe.each(testDrivers())('sync from a registry on %s', (driver) => {
  let database: TestDatabase;
  let registry: FakeRegistry;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    registry = await startFakeRegistry();
    ctx = await testContext(database, { NPM_REGISTRY: registry.url });
  });
  afterAll(async () => {
    await registry?.close();
    await database?.close();
  });

  async function versionCount(name: string) {
    const pkg = await findPackage(ctx.db, name);
    if (!pkg) return 0;
    const [row] = await ctx.db.select({ n: count() }).from(versions).where(eq(versions.packageId, pkg.id));
    return Number(row!.n);
  }

  it('ingests every version, then a second sync fetches and writes nothing', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }, { version: '1.1.0', tarball: v2, integrity: sri(v2), deprecated: 'old' }] });
    const first = await syncPackage(ctx, name);
    expect(first.ingested.map((v) => [v.version, v.files])).toEqual([['1.0.0', 3], ['1.1.0', 4]]);
    const listed = await listVersions(ctx, name);
    expect(listed.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
    expect(listed.versions[1]!.deprecated).toBe('old');
    expect(listed.versions[0]!.publishedAt).toMatch(/^2025-01-01/);

    const requestsBefore = registry.tarballRequests;
    const second = await syncPackage(ctx, name);
    expect(second).toMatchObject({ ingested: [], alreadyStored: 2, failed: [] });
    expect(registry.tarballRequests).toBe(requestsBefore);
  });

  it('refuses a tampered tarball after one retry, marks the version failed and stores nothing', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }] });
    registry.setTarballBehaviour('1.0.0', { replaceWith: v2 });
    const before = registry.tarballRequests;
    const report = await syncPackage(ctx, name);
    registry.setTarballBehaviour('1.0.0', undefined);
    expect(report.failed).toEqual([expect.objectContaining({ version: '1.0.0', code: 'INTEGRITY' })]);
    expect(registry.tarballRequests - before).toBe(2);
    expect(await versionCount(name)).toBe(0);
    const pkg = await findPackage(ctx.db, name);
    const failures = await ctx.db.select().from(ingestFailures).where(eq(ingestFailures.packageId, pkg!.id));
    expect(failures[0]).toMatchObject({ version: '1.0.0', code: 'INTEGRITY' });

    const retried = await syncPackage(ctx, name);
    expect(retried.ingested.map((v) => v.version)).toEqual(['1.0.0']);
    expect(await ctx.db.select().from(ingestFailures).where(eq(ingestFailures.packageId, pkg!.id))).toEqual([]);
  });

  it('persists nothing when the connection resets after 90% of the download', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }] });
    registry.setTarballBehaviour('1.0.0', { resetAfterFraction: 0.9 });
    const report = await syncPackage(ctx, name);
    registry.setTarballBehaviour('1.0.0', undefined);
    expect(report.failed[0]?.code).toBe('UPSTREAM');
    expect(await versionCount(name)).toBe(0);
    expect(await ctx.snapshots.read(name, '1.0.0')).toBeNull();
  });

  it('verifies with the sha1 shasum when there is no integrity, and refuses when there is neither', async () => {
    const name = nextName();
    registry.setPackage({
      name,
      versions: [
        { version: '1.0.0', tarball: v1, integrity: null, shasum: shasum(v1) },
        { version: '1.1.0', tarball: v2, integrity: null, shasum: null },
      ],
    });
    const report = await syncPackage(ctx, name);
    expect(report.ingested.map((v) => v.version)).toEqual(['1.0.0']);
    expect(report.failed).toEqual([expect.objectContaining({ version: '1.1.0', code: 'INTEGRITY' })]);
  });

  it('refuses tarball URLs off the registry origin (SSRF)', async () => {
    const name = nextName();
    registry.setPackage({
      name,
      versions: [
        { version: '1.0.0', tarball: v1, integrity: sri(v1), tarballUrl: 'http://169.254.169.254/latest/meta-data/x.tgz' },
        { version: '1.1.0', tarball: v2, integrity: sri(v2), tarballUrl: 'https://evil.example/x.tgz' },
      ],
    });
    const report = await syncPackage(ctx, name);
    expect(report.failed.map((f) => [f.version, f.code])).toEqual([['1.0.0', 'INVALID_INPUT'], ['1.1.0', 'INVALID_INPUT']]);
    expect(report.failed[0]!.message).toMatch(/refusing/);
  });

  it('marks a tracked package that was unpublished instead of crashing, and never stores a new unpublished one', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }] });
    await syncPackage(ctx, name);
    const unpublished = { name, versions: [], document: { name, time: { unpublished: { time: '2024-01-01T00:00:00Z' } } } };
    registry.setPackage(unpublished);
    const report = await syncPackage(ctx, name);
    expect(report).toMatchObject({ unpublished: true, ingested: [], failed: [] });
    expect((await findPackage(ctx.db, name))?.unpublishedAt).toBeInstanceOf(Date);

    const fresh = nextName();
    registry.setPackage({ ...unpublished, name: fresh, document: { ...unpublished.document, name: fresh } });
    await expect(syncPackage(ctx, fresh)).rejects.toThrow(/no versions to sync \(it was unpublished\); nothing was stored/);
    expect(await findPackage(ctx.db, fresh)).toBeUndefined();
  });

  it('leaves no trace of a new package when a named version is not on the registry', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }] });
    await expect(syncPackage(ctx, name, { versions: ['1.0.0', '9.9.9'] })).rejects.toThrow(/has no version 9\.9\.9; it has 1\.0\.0/);
    expect(await findPackage(ctx.db, name)).toBeUndefined();
  });

  it('ingests the named versions only and re-ingests offline from the verified snapshot', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }, { version: '1.1.0', tarball: v2, integrity: sri(v2) }] });
    const report = await syncPackage(ctx, name, { versions: ['1.1.0'] });
    expect(report.ingested.map((v) => v.version)).toEqual(['1.1.0']);
    await expect(syncPackage(ctx, name, { versions: ['9.9.9'] })).rejects.toThrow(/has no version 9\.9\.9/);
    expect(await ctx.snapshots.read(name, '1.1.0')).not.toBeNull();

    // A fresh database, no network: the snapshot alone is enough.
    const offlineDb = await openTestDatabase('pglite');
    try {
      const offline = { ...ctx, database: offlineDb, db: offlineDb.db };
      const again = await syncPackage(offline, name, { offline: true });
      expect(again.ingested.map((v) => [v.version, v.files])).toEqual([['1.1.0', 4]]);
    } finally {
      await offlineDb.close();
    }
  });

  it('leaves no partial version when the write fails after N files, and a rerun stores one copy', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v2, integrity: sri(v2) }] });
    const failing = await syncPackage(ctx, name, {
      writeHooks: {
        onFilesWritten: () => {
          throw new Error('process killed');
        },
      },
    });
    expect(failing.failed).toHaveLength(1);
    expect(await versionCount(name)).toBe(0);
    const ok = await syncPackage(ctx, name);
    expect(ok.ingested).toHaveLength(1);
    const pkg = await findPackage(ctx.db, name);
    const [row] = await ctx.db.select({ id: versions.id }).from(versions).where(eq(versions.packageId, pkg!.id));
    const [files] = await ctx.db.select({ n: count() }).from(versionFiles).where(eq(versionFiles.versionId, row!.id));
    expect(Number(files!.n)).toBe(4);
  });
});
