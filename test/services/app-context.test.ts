// The composition root: what a context is made of is decided where it is built, never by what
// happens to have been imported — two contexts in one process can differ, and neither leaks into
// the other.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SYNC } from '../../src/services/app-context.ts';
import { invalidateCaches } from '../../src/services/cache-set.ts';
import type { AfterSyncStep, ServiceContext } from '../../src/services/context.ts';
import { precomputeDiffs } from '../../src/services/precompute-diffs.ts';
import { defaultSources } from '../../src/services/sources.ts';
import { runSync } from '../../src/services/sync.ts';
import { trackLocalPackage } from '../../src/services/track.ts';
import { tempDir, testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';

describe.each(testDrivers())('createAppContext on %s', (driver) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    folder = await tempDir('docdelta-root-');
    await fs.mkdir(path.join(folder, 'docs'));
    await fs.writeFile(path.join(folder, 'package.json'), JSON.stringify({ name: 'root-docs', version: '1.0.0' }));
    await fs.writeFile(path.join(folder, 'docs/index.md'), '# Home\n');
  });
  afterAll(async () => {
    await database?.close();
    if (folder) await fs.rm(folder, { recursive: true, force: true });
  });

  it('by default knows the npm, git and local sources and precomputes diffs, then empties caches', async () => {
    const ctx = await testContext(database);
    expect(Object.keys(ctx.sources).sort()).toEqual(Object.keys(defaultSources()).sort());
    expect(Object.keys(ctx.sources).sort()).toEqual(['git', 'local', 'npm']);
    expect(ctx.afterSync).toBe(DEFAULT_AFTER_SYNC);
    expect(DEFAULT_AFTER_SYNC).toEqual([precomputeDiffs, invalidateCaches]);
  });

  it('runs the after-sync steps it was given, only in its own context, and empties the caches added to it', async () => {
    const seen: string[] = [];
    const step = (label: string): AfterSyncStep => async (_ctx, pkg, report) => {
      seen.push(`${label}:${pkg.name}:${report.ingested.map((version) => version.version).join(',')}`);
    };
    const ctx: ServiceContext = await testContext(database, { DOCDELTA_PACKAGES: 'root-docs' }, { afterSync: [step('first'), step('second'), invalidateCaches] });
    const other = await testContext(database, { DOCDELTA_PACKAGES: 'root-docs' }, { afterSync: [step('other')] });
    let emptied = 0;
    ctx.caches.add({ invalidate: () => (emptied += 1) });

    await trackLocalPackage(ctx, { path: folder });
    const run = await runSync(ctx, { packages: ['root-docs'] });
    expect(run.status).toBe('ok');
    expect(seen).toEqual(['first:root-docs:1.0.0', 'second:root-docs:1.0.0']);
    expect(emptied).toBe(1);

    // Nothing new: no step runs. The other context's steps never ran at all.
    await runSync(other, { packages: ['root-docs'] });
    expect(seen).toEqual(['first:root-docs:1.0.0', 'second:root-docs:1.0.0']);
  });

  it('cannot sync a source kind it was not given, and records that as the failed run it is', async () => {
    const ctx = await testContext(database, { DOCDELTA_PACKAGES: 'root-docs' }, { sources: { npm: defaultSources().npm! } });
    const run = await runSync(ctx, { packages: ['root-docs'] });
    expect(run).toMatchObject({ status: 'failed', counts: { failedPackages: 1 } });
    expect(run.error).toMatch(/comes from a local source, which cannot be synced/);
    expect(run.runId).toEqual(expect.any(Number));
  });
});
