// Issue 16 item 3: a sync whose registry trickles a tarball at 1 byte/s ends at the configured
// download deadline (NPM_DOWNLOAD_TIMEOUT_MS), the version failed as UPSTREAM and nothing stored.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { findPackage } from '../../src/store/packages.ts';
import { ingestFailures, versions } from '../../src/store/schema/index.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';

describe('sync against a registry that trickles a tarball', () => {
  let database: TestDatabase;
  let registry: FakeRegistry;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    registry = await startFakeRegistry();
    ctx = await testContext(database, { NPM_REGISTRY: registry.url, NPM_DOWNLOAD_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await registry?.close();
    await database?.close();
  });

  it('fails the version as UPSTREAM at the configured deadline and stores nothing', async () => {
    const tarball = packageTgz({ 'docs/index.mdx': '# Home\n'.repeat(100) });
    registry.setPackage({ name: 'trickling-docs', versions: [{ version: '1.0.0', tarball, integrity: sri(tarball) }] });
    registry.setTarballBehaviour('1.0.0', { trickleEveryMs: 1_000 });
    const started = performance.now();
    const report = await syncPackage(ctx, 'trickling-docs');
    const ms = performance.now() - started;
    expect(report.failed).toEqual([
      expect.objectContaining({ version: '1.0.0', code: 'UPSTREAM', message: expect.stringMatching(/did not finish within 1500 ms/) }),
    ]);
    expect(ms).toBeLessThan(5_000);
    const pkg = await findPackage(ctx.db, 'trickling-docs');
    const [stored] = await ctx.db.select({ n: count() }).from(versions).where(eq(versions.packageId, pkg!.id));
    expect(Number(stored!.n)).toBe(0);
    const failures = await ctx.db.select().from(ingestFailures).where(eq(ingestFailures.packageId, pkg!.id));
    expect(failures[0]).toMatchObject({ version: '1.0.0', code: 'UPSTREAM' });
  }, 20_000);
});
