import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { runSync, trackedPackageNames } from '../../src/services/sync.ts';
import { findPackage } from '../../src/store/packages.ts';
import { diffCache, jobRuns } from '../../src/store/schema/index.ts';
import { listVersionRows } from '../../src/store/versions.ts';
import { testContext } from '../support/context.ts';
import { type Driver, openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';

let counter = 0;
const nextName = () => `@sync-job/docs-${process.pid}-${++counter}`;

const tarball = (step: number) =>
  packageTgz({
    'package.json': '{"name":"x"}',
    'docs/index.mdx': `---\ntitle: Home\n---\n# Home\n\nStep ${step}.\n`,
    [`docs/page-${step}.mdx`]: `# Page ${step}\n`,
  });
const release = (version: string, step: number) => {
  const bytes = tarball(step);
  return { version, tarball: bytes, integrity: sri(bytes) };
};

describe.each(testDrivers())('the sync job on %s', (driver: Driver) => {
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

  async function cachedPairs(name: string): Promise<string[]> {
    const pkg = await findPackage(ctx.db, name);
    const rows = await ctx.db.select().from(diffCache);
    const out: string[] = [];
    for (const row of rows) {
      if (row.result.package === pkg!.name) out.push(`${row.result.from}→${row.result.to}`);
    }
    return out.sort();
  }

  it('ingests new versions, precomputes each one’s diff from its predecessor, and records the run', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [release('1.0.0', 1), release('1.1.0', 2)] });
    const summary = await runSync(ctx, { packages: [name], trigger: 'schedule', slot: new Date('2031-01-01T00:15:00Z') });
    expect(summary).toMatchObject({ job: 'sync', status: 'ok', counts: { packages: 1, synced: 1, ingested: 2, failedPackages: 0 } });
    expect(await cachedPairs(name)).toEqual(['1.0.0→1.1.0']);
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, summary.runId!));
    expect(row).toMatchObject({ job: 'sync', trigger: 'schedule', status: 'ok', counts: { ingested: 2, slot: '2031-01-01T00:15:00.000Z' }, error: null });

    const again = await runSync(ctx, { packages: [name] });
    expect(again.counts).toMatchObject({ ingested: 0, alreadyStored: 2 });
  });

  it('precomputes both neighbours of a version that lands between two stored ones', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [release('1.0.0', 1), release('1.2.0', 3)] });
    await runSync(ctx, { packages: [name] });
    expect(await cachedPairs(name)).toEqual(['1.0.0→1.2.0']);
    registry.setPackage({ name, versions: [release('1.0.0', 1), release('1.1.0', 2), release('1.2.0', 3)] });
    await runSync(ctx, { packages: [name] });
    expect(await cachedPairs(name)).toEqual(['1.0.0→1.1.0', '1.0.0→1.2.0', '1.1.0→1.2.0']);
    const pkg = await findPackage(ctx.db, name);
    const rows = await listVersionRows(ctx.db, pkg!.id);
    const [from, to] = ['1.1.0', '1.2.0'].map((version) => rows.find((row) => row.version === version));
    const cached = await ctx.db.select().from(diffCache).where(and(eq(diffCache.fromVersionId, from!.id), eq(diffCache.toVersionId, to!.id)));
    expect(cached[0]!.result.summary).toMatchObject({ added: 1, removed: 1 });
  });

  it('keeps going when one package fails, and records the run as failed with what went wrong', async () => {
    const good = nextName();
    const missing = nextName();
    registry.setPackage({ name: good, versions: [release('1.0.0', 1)] });
    const summary = await runSync(ctx, { packages: [missing, good] });
    expect(summary.status).toBe('failed');
    expect(summary.counts).toMatchObject({ packages: 2, synced: 1, ingested: 1, failedPackages: 1 });
    expect(summary.error).toContain(missing);
    const [row] = await ctx.db.select().from(jobRuns).where(eq(jobRuns.id, summary.runId!));
    expect(row).toMatchObject({ status: 'failed', error: summary.error });
  });

  it('records a tampered version as a failed version and tries again on the next run', async () => {
    const name = nextName();
    const good = release('1.0.0', 1);
    registry.setPackage({ name, versions: [good] });
    registry.setTarballBehaviour('1.0.0', { replaceWith: tarball(9) });
    const failed = await runSync(ctx, { packages: [name] });
    registry.setTarballBehaviour('1.0.0', undefined);
    expect(failed).toMatchObject({ status: 'failed', counts: { failedVersions: 1, ingested: 0 } });
    expect(failed.error).toMatch(new RegExp(`${name.replace(/[/@-]/g, '.')}@1\\.0\\.0: INTEGRITY`));
    const retried = await runSync(ctx, { packages: [name] });
    expect(retried).toMatchObject({ status: 'ok', counts: { ingested: 1 } });
  });

  it('syncs the configured packages and every stored package that can be polled, when none are named', async () => {
    const configuredName = nextName();
    registry.setPackage({ name: configuredName, versions: [release('1.0.0', 1)] });
    const configured = await testContext(database, { NPM_REGISTRY: registry.url, DOCDELTA_PACKAGES: configuredName });
    const expected = await trackedPackageNames(configured);
    expect(expected[0]).toBe(configuredName);
    expect(expected.length).toBeGreaterThan(1);
    const summary = await runSync(configured);
    expect(summary.details!.packages.map((entry) => entry.package)).toEqual(expected);
    expect(summary.details!.packages[0]).toMatchObject({ package: configuredName, ingested: ['1.0.0'] });
  });
});
