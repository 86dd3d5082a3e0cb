// A version's pages are read when first needed, not at ingest (services/page-reading.ts). A diff of
// versions whose pages were never read must be the diff of the same versions once read, and a read
// must happen once, whoever asks first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/services/diff-worker.ts';
import { readPages, readPairPages } from '../../src/services/page-reading.ts';
import { loadPairTrees } from '../../src/services/pair-trees.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { diffPair, resolvePair, type ResolvedPair } from '../../src/services/version-diff.ts';
import { settleCachedDiffWrites } from '../../src/store/diff-cache.ts';
import { loadDocMeta } from '../../src/store/blobs.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { listVersionFiles } from '../../src/store/versions.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, testDrivers, type TestDatabase } from '../support/databases.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';

describe.each(testDrivers())('pages read on first need, on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The pair's diff as a cold diff computes it, from what is stored now. */
  const diffOf = async (pair: ResolvedPair) => {
    const { pageFieldsStored, ...trees } = await loadPairTrees(ctx, pair, { renameThreshold: 50, computedInPlace: () => true });
    await pageFieldsStored;
    return computeDiff({ package: pair.pkg.name, from: pair.from.version, to: pair.to.version, renameThreshold: 50, ...trees });
  };

  it('diffs a pair never read exactly as the same pair once read, page changes included', async () => {
    await seedFixture(ctx, '@fixture/unread');
    const unread = await resolvePair(ctx, { package: '@fixture/unread', from: '1.0.0', to: '2.0.0' });
    expect([unread.from.pagesRead, unread.to.pagesRead]).toEqual([false, false]);
    const files = await listVersionFiles(ctx.db, unread.to.id);
    expect(await loadDocMeta(ctx.db, files.map((file) => file.sha256))).toEqual(new Map());
    const before = await diffOf(unread);
    // The diff stored the page fields it read (of the changed pages), for the next cold diff.
    const stored = await loadDocMeta(ctx.db, files.map((file) => file.sha256));
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(files.length);
    const read = await readPairPages(ctx, unread);
    expect([read.from.pagesRead, read.to.pagesRead]).toEqual([true, true]);
    expect(read.to.docsRoot).toBe('.docs/organized/docs/');
    expect((await listVersionFiles(ctx.db, read.to.id)).find((file) => file.path.endsWith('docs/authkit/users.mdx'))?.route).toBe('/authkit/users');
    const after = await diffOf(read);
    expect(after).toEqual(before);
    // The fixture's pages have titles and sections: the page changes came from the bytes, not from nothing.
    expect(JSON.stringify(before)).toMatch(/"title"/);
  });

  it('shows page fields as the store gives them back, read or not (jsonb orders object keys its own way)', async () => {
    const page = (zone: string) => `---\nsidebar:\n  order: 2\n  label: ${zone}\ndescription: About\ntitle: Page\n---\n\n# Page\n`;
    await seedPackage(ctx, '@fixture/key-order', [
      { version: '1.0.0', files: { 'docs/a.mdx': page('one') } },
      { version: '2.0.0', files: { 'docs/a.mdx': page('two') } },
    ]);
    const unread = await resolvePair(ctx, { package: '@fixture/key-order', from: '1.0.0', to: '2.0.0' });
    const before = JSON.stringify(await diffOf(unread));
    expect(before).toContain('sidebar');
    expect(JSON.stringify(await diffOf(await readPairPages(ctx, unread)))).toBe(before);
  });

  it('reads a version once when two readers ask at the same time', async () => {
    await seedFixture(ctx, '@fixture/twice');
    const pair = await resolvePair(ctx, { package: '@fixture/twice', from: '1.0.0', to: '2.0.0' });
    const [a, b] = await Promise.all([readPages(ctx, pair.pkg, pair.to), readPages(ctx, pair.pkg, pair.to)]);
    expect(a).toEqual(b);
    const counts = await tableCounts(ctx.db);
    // A reader holding the version row as it was before the read finds the work done.
    expect(await readPages(ctx, pair.pkg, pair.to)).toEqual(a);
    await readPages(ctx, pair.pkg, { ...pair.to, pagesRead: false });
    expect(await tableCounts(ctx.db)).toEqual(counts);
  });

  it('answers a cold diff before the page fields it read are stored, and stores them before the database settles', async () => {
    const page = (body: string) => `---\ntitle: Stored after\n---\n\n# Stored after\n\n## ${body}\n\nText only this test holds.\n`;
    await seedPackage(ctx, '@fixture/stored-after', [
      { version: '1.0.0', files: { 'docs/a.mdx': page('First') } },
      { version: '2.0.0', files: { 'docs/a.mdx': page('Second') } },
    ]);
    const pair = await resolvePair(ctx, { package: '@fixture/stored-after', from: '1.0.0', to: '2.0.0' });
    const files = await listVersionFiles(ctx.db, pair.to.id);
    expect(await loadDocMeta(ctx.db, files.map((file) => file.sha256))).toEqual(new Map());
    const diff = await diffPair(ctx, pair);
    expect(diff.files.find((file) => file.path === 'docs/a.mdx')?.doc?.sections).toMatchObject({ added: ['Second'], removed: ['First'] });
    // Closing the database settles the cached diff's row, which waits for the page fields.
    await settleCachedDiffWrites(ctx.db);
    expect((await loadDocMeta(ctx.db, files.map((file) => file.sha256))).size).toBeGreaterThan(0);
  });
});
