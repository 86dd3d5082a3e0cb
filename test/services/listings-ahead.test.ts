// A sync started with the registry's answer already on its way (the CLI asks while the database
// opens) uses that answer instead of asking again; answers nobody takes are abandoned, not awaited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { ListingsAhead } from '../../src/services/listings-ahead.ts';
import { runSync, syncPackage } from '../../src/services/sync.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { waitFor } from '../support/wait-for.ts';

let counter = 0;
const nextName = () => `@fixture/ahead-${process.pid}-${++counter}`;
const tgz = packageTgz({ 'package.json': '{"name":"x"}', 'docs/index.mdx': '# Home\n' });

describe.each(testDrivers())('listings fetched ahead, on %s', (driver) => {
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

  it('a sync uses the answer asked for ahead: one request for the package document', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: tgz, integrity: sri(tgz) }] });
    const before = registry.packumentRequests;
    const ahead = new ListingsAhead(ctx.config, [name]);
    expect(await waitFor(() => registry.packumentRequests === before + 1, 10_000)).toBe(true);
    const run = await runSync(ctx, { packages: [name], listingsAhead: ahead, trigger: 'cli' });
    ahead.cancel();
    expect(run.status).toBe('ok');
    expect(run.details?.reports[0]?.ingested.map((version) => version.version)).toEqual(['1.0.0']);
    expect(registry.packumentRequests).toBe(before + 1);
  });

  it('a failed answer fails that sync as asking then would have: a name the registry lacks stores nothing', async () => {
    const name = nextName();
    const ahead = new ListingsAhead(ctx.config, [name]);
    await expect(syncPackage(ctx, name, { listingsAhead: ahead })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    ahead.cancel();
  });

  it('is taken once: a second sync of the same name asks the registry afresh', async () => {
    const name = nextName();
    registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: tgz, integrity: sri(tgz) }] });
    const before = registry.packumentRequests;
    const ahead = new ListingsAhead(ctx.config, [name]);
    await syncPackage(ctx, name, { listingsAhead: ahead });
    await syncPackage(ctx, name, { listingsAhead: ahead });
    ahead.cancel();
    expect(registry.packumentRequests).toBe(before + 2);
  });

  it('abandons answers nobody took: the request is closed rather than waited for', async () => {
    registry.setPackumentDelay(30_000);
    try {
      const before = { requests: registry.packumentRequests, abandoned: registry.abandonedPackuments };
      const ahead = new ListingsAhead(ctx.config, [nextName(), 'not a valid name!']);
      expect(await waitFor(() => registry.packumentRequests === before.requests + 1, 10_000)).toBe(true);
      ahead.cancel();
      expect(await waitFor(() => registry.abandonedPackuments === before.abandoned + 1, 10_000)).toBe(true);
      expect(registry.packumentRequests).toBe(before.requests + 1);
    } finally {
      registry.setPackumentDelay(0);
    }
  });

  it('offline, nothing is asked ahead for the sync to take', async () => {
    const name = nextName();
    const before = registry.packumentRequests;
    const ahead = new ListingsAhead(ctx.config, [name]);
    expect(await waitFor(() => registry.packumentRequests === before + 1, 10_000)).toBe(true);
    const report = await syncPackage(ctx, name, { listingsAhead: ahead, offline: true, versions: ['1.0.0'] });
    expect(report.failed.map((failure) => failure.code)).toEqual(['INVALID_INPUT']);
    // The offline sync did not take (and so did not use) the answer: it is still there to abandon.
    expect(ahead.take(name)).toBeDefined();
    ahead.cancel();
  });
});
