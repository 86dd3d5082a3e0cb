// A cold diff reads the rename candidates and the files changed in place at once and searches
// renames while the second group arrives: the result must be exactly the plain read's, on both
// drivers, and a read failing half-way must fail the diff cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontmatterBrief } from '../../src/diff/frontmatter-changes.ts';
import { closeDiffPool } from '../../src/services/diff-pool.ts';
import { computeDiff } from '../../src/services/diff-worker.ts';
import { loadPairTrees, type ContentReader } from '../../src/services/pair-trees.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { diffPair, forgetRecentDiffs, resolvePair, type ResolvedPair } from '../../src/services/version-diff.ts';
import { loadDiffContents } from '../../src/store/pair-contents.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, testDrivers, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';

const request = { package: '@fixture/docs', from: '1.0.0', to: '2.0.0' };
const inPlace = () => true;
const inWorker = () => false;

describe.each(testDrivers())('pair trees on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let pair: ResolvedPair;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/docs');
    pair = await resolvePair(ctx, request);
  });
  afterAll(async () => {
    await closeDiffPool();
    await database?.close();
  });

  const diffOf = (trees: Awaited<ReturnType<typeof loadPairTrees>>) =>
    computeDiff({ package: pair.pkg.name, from: pair.from.version, to: pair.to.version, renameThreshold: 50, ...trees });

  it('searches renames while the files changed in place are read, with the plain read’s result', async () => {
    const early = await loadPairTrees(ctx, pair, { renameThreshold: 50, computedInPlace: inPlace });
    await early.pageFieldsStored;
    const plain = await loadPairTrees(ctx, pair, { renameThreshold: 50, computedInPlace: inWorker });
    expect(early.renames?.pairs.length).toBeGreaterThan(0);
    expect(plain.renames).toBeUndefined();
    // The first read found no stored page fields (the fixture's pages were never read) and stored the
    // ones it read; the second read them from the store, frontmatter as its brief. The fields, not
    // their holders, must agree.
    const fields = (tree: typeof early.oldTree) =>
      tree.map((file) => {
        const doc = file.doc;
        return { ...file, doc: doc && { title: doc.title, frontmatterBrief: doc.frontmatterBrief ?? frontmatterBrief(doc.frontmatter!), headings: doc.headings } };
      });
    expect(plain.newTree.some((file) => file.doc?.frontmatterBrief && !file.doc.frontmatter)).toBe(true);
    expect(fields(early.oldTree)).toEqual(fields(plain.oldTree));
    expect(fields(early.newTree)).toEqual(fields(plain.newTree));
    const diff = diffOf(early);
    // Byte for byte, key order included: that is what the API and the cache hand out.
    expect(JSON.stringify(diff)).toBe(JSON.stringify(diffOf(plain)));
    expect(diff.summary).toMatchObject({ renamed: 4, added: 1, removed: 2 });
    // The service gives the same answer, whichever way the pool computes it.
    forgetRecentDiffs();
    await ctx.db.execute('delete from diff_cache' as never);
    expect(await diffPair(ctx, pair)).toEqual(diff);
  });

  it('fails the diff when the files changed in place cannot be read, caching nothing', async () => {
    let calls = 0;
    const failingSecond: ContentReader = async (database, wanted) => {
      calls += 1;
      if (calls === 2) throw new Error('connection lost half-way');
      return loadDiffContents(database, wanted);
    };
    await expect(loadPairTrees(ctx, pair, { renameThreshold: 50, computedInPlace: inPlace, readContents: failingSecond })).rejects.toThrow('connection lost half-way');
    expect(calls).toBe(2);
  });

  it('fails the diff once when the candidates cannot be read while the other read goes on', async () => {
    let calls = 0;
    const failingFirst: ContentReader = async (database, wanted) => {
      calls += 1;
      if (calls === 1) throw new Error('candidates unreadable');
      return loadDiffContents(database, wanted);
    };
    await expect(loadPairTrees(ctx, pair, { renameThreshold: 50, computedInPlace: inPlace, readContents: failingFirst })).rejects.toThrow('candidates unreadable');
    // The read that was still going on ends quietly, and the database answers the next diff.
    await new Promise((resolve) => setTimeout(resolve, 50));
    forgetRecentDiffs();
    await ctx.db.execute('delete from diff_cache' as never);
    expect((await diffPair(ctx, pair)).summary.renamed).toBe(4);
    expect((await tableCounts(ctx.db)).diffCache).toBe(1);
  });
});
