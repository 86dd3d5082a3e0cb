// A sync started with the registry's answer already on its way (the CLI asks while the database
// opens) uses that answer instead of asking again; answers nobody takes are abandoned, not awaited.
// A sync of one package also takes its first version fetched and read ahead: one download, and the
// very rows a sync without it stores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { ListingsAhead } from '../../src/services/listings-ahead.ts';
import { runSync, syncPackage } from '../../src/services/sync.ts';
import { listVersionFiles, listVersionRows } from '../../src/store/versions.ts';
import { findPackage } from '../../src/store/packages.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { waitFor } from '../support/wait-for.ts';

let counter = 0;
const nextName = () => `@fixture/ahead-${process.pid}-${++counter}`;
const tgz = packageTgz({ 'package.json': '{"name":"x"}', 'docs/index.mdx': '# Home\n' });
const page = (title: string, extra: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\nSee [the guide](/docs/guide) and [setup](./setup.mdx).\n\n## Part\n\n${extra}\n`;
const docsTgz = (release: number) =>
  packageTgz({
    'package.json': '{"name":"x"}',
    'docs/index.mdx': page('Home', `release ${release}`),
    'docs/guide.mdx': page('Guide', 'unchanged'),
    'docs/setup.mdx': page('Setup', `step ${release}`),
    'README.md': `# Readme ${release}\n`,
  });

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

  describe('the first version, fetched and read while the database opens', () => {
    const v1 = docsTgz(1);
    const v2 = docsTgz(2);
    const publish = (name: string) => registry.setPackage({ name, versions: [{ version: '1.0.0', tarball: v1, integrity: sri(v1) }, { version: '2.0.0', tarball: v2, integrity: sri(v2) }] });
    const storedRows = async (name: string) => {
      const pkg = (await findPackage(ctx.db, name))!;
      const rows = await listVersionRows(ctx.db, pkg.id);
      return Promise.all(rows.map(async (row) => ({ version: row.version, docsRoot: row.docsRoot, files: await listVersionFiles(ctx.db, row.id) })));
    };

    it('is downloaded once, and the sync stores exactly what a sync without it stores', async () => {
      const name = nextName();
      const plain = nextName();
      publish(name);
      publish(plain);
      const before = registry.tarballRequests;
      const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0', '2.0.0'], readFirstVersion: true });
      // The first version is downloaded (and kept as a snapshot) before the sync starts. Then its
      // snapshot goes and the registry turns bad: only the files fetched ahead can still store it.
      const snapshot = path.join(ctx.config.snapshotsDir, name.replace('/', '__'), '1.0.0.tgz');
      expect(await waitFor(() => fs.existsSync(snapshot), 10_000)).toBe(true);
      fs.rmSync(snapshot);
      registry.setTarballBehaviour('1.0.0', { replaceWith: v2 });
      try {
        const run = await runSync(ctx, { packages: [name], versions: ['1.0.0', '2.0.0'], listingsAhead: ahead, trigger: 'cli' });
        expect(run.details?.reports[0]?.failed).toEqual([]);
        expect(run.details?.reports[0]?.ingested.map((version) => version.version)).toEqual(['1.0.0', '2.0.0']);
        expect(registry.tarballRequests).toBe(before + 2);
      } finally {
        ahead.cancel();
        registry.setTarballBehaviour('1.0.0', undefined);
      }

      await runSync(ctx, { packages: [plain], versions: ['1.0.0', '2.0.0'], trigger: 'cli' });
      const strip = (rows: Awaited<ReturnType<typeof storedRows>>) => rows.map((row) => ({ ...row, files: row.files.map(({ path, sha256, route, note }) => ({ path, sha256, route, note })) }));
      expect(strip(await storedRows(name))).toEqual(strip(await storedRows(plain)));
    });

    it('is dropped when the database already holds that version', async () => {
      const name = nextName();
      publish(name);
      await syncPackage(ctx, name, { versions: ['1.0.0'] });
      const before = registry.tarballRequests;
      const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0', '2.0.0'], readFirstVersion: true });
      try {
        const report = await syncPackage(ctx, name, { versions: ['1.0.0', '2.0.0'], listingsAhead: ahead });
        expect(report.alreadyStored).toBe(1);
        expect(report.ingested.map((version) => version.version)).toEqual(['2.0.0']);
      } finally {
        ahead.cancel();
      }
      // 1.0.0 was read ahead from its snapshot (the first sync kept it); only 2.0.0 was downloaded.
      expect(registry.tarballRequests - before).toBe(1);
      expect((await storedRows(name)).map((row) => row.version)).toEqual(['1.0.0', '2.0.0']);
    });

    it('fails as that version’s own ingest when its download is refused, and the sync goes on', async () => {
      const name = nextName();
      publish(name);
      registry.setTarballBehaviour('1.0.0', { replaceWith: v2 });
      try {
        const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0', '2.0.0'], readFirstVersion: true });
        const report = await syncPackage(ctx, name, { versions: ['1.0.0', '2.0.0'], listingsAhead: ahead }).finally(() => ahead.cancel());
        expect(report.failed.map((failure) => [failure.version, failure.code])).toEqual([['1.0.0', 'INTEGRITY']]);
        expect(report.ingested.map((version) => version.version)).toEqual(['2.0.0']);
      } finally {
        registry.setTarballBehaviour('1.0.0', undefined);
      }
    });

    it('is abandoned when nobody takes it: its download is closed rather than waited for', async () => {
      const name = nextName();
      publish(name);
      registry.setTarballBehaviour('1.0.0', { trickleEveryMs: 50 });
      try {
        const before = registry.tarballRequests;
        const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0'], readFirstVersion: true });
        expect(await waitFor(() => registry.tarballRequests === before + 1 && registry.openTarballResponses === 1, 10_000)).toBe(true);
        ahead.cancel();
        expect(await waitFor(() => registry.openTarballResponses === 0, 10_000)).toBe(true);
        await expect(ahead.takeVersion(name)).resolves.toBeUndefined();
      } finally {
        registry.setTarballBehaviour('1.0.0', undefined);
      }
    });

    it('stops being read once the database is open, and still hands its download to the sync', async () => {
      const name = nextName();
      publish(name);
      const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0'], readFirstVersion: true });
      ahead.databaseOpen();
      try {
        const snapshot = path.join(ctx.config.snapshotsDir, name.replace('/', '__'), '1.0.0.tgz');
        expect(await waitFor(() => fs.existsSync(snapshot), 10_000)).toBe(true);
        // Time enough to unpack and read a four-file version many times over, had reading gone on.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const taken = await ahead.takeVersion(name);
        expect(taken?.version).toBe('1.0.0');
        expect(taken!.hashes.size).toBe(0);
        expect((await taken!.files).map((file) => file.path).sort()).toEqual(['README.md', 'docs/guide.mdx', 'docs/index.mdx', 'docs/setup.mdx', 'package.json']);
      } finally {
        ahead.cancel();
      }
    });

    it('still hands over a download that finishes after the sync took the version', async () => {
      const name = nextName();
      publish(name);
      registry.setTarballBehaviour('1.0.0', { trickleEveryMs: 1 });
      const before = registry.tarballRequests;
      const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0', '2.0.0'], readFirstVersion: true });
      try {
        // The database opened while the first version was still arriving: the sync takes it mid-download.
        expect(await waitFor(() => registry.tarballRequests === before + 1 && registry.openTarballResponses === 1, 10_000)).toBe(true);
        ahead.databaseOpen();
        const run = await runSync(ctx, { packages: [name], versions: ['1.0.0', '2.0.0'], listingsAhead: ahead, trigger: 'cli' });
        expect(run.details?.reports[0]?.failed).toEqual([]);
        expect(run.details?.reports[0]?.ingested.map((version) => version.version)).toEqual(['1.0.0', '2.0.0']);
      } finally {
        ahead.cancel();
        registry.setTarballBehaviour('1.0.0', undefined);
      }
    });

    it('downloads nothing when one of the versions named is not on the registry', async () => {
      const name = nextName();
      publish(name);
      const before = registry.tarballRequests;
      const ahead = new ListingsAhead(ctx.config, [name], { versions: ['1.0.0', '9.9.9'], readFirstVersion: true });
      try {
        await expect(ahead.takeVersion(name)).resolves.toBeUndefined();
        await expect(syncPackage(ctx, name, { versions: ['1.0.0', '9.9.9'], listingsAhead: ahead })).rejects.toThrow(/has no version 9\.9\.9/);
      } finally {
        ahead.cancel();
      }
      expect(registry.tarballRequests).toBe(before);
      expect(fs.existsSync(path.join(ctx.config.snapshotsDir, name.replace('/', '__')))).toBe(false);
    });

    it('is not prepared for several packages at once, nor unless asked (a database that exists)', async () => {
      const [first, second] = [nextName(), nextName()];
      publish(first);
      const several = new ListingsAhead(ctx.config, [first, second], { readFirstVersion: true });
      await expect(several.takeVersion(first)).resolves.toBeUndefined();
      several.cancel();
      const unasked = new ListingsAhead(ctx.config, [first]);
      await expect(unasked.takeVersion(first)).resolves.toBeUndefined();
      unasked.cancel();
    });
  });
});
