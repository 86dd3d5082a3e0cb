// What a cold diff reads of a pair: both file lists in git's order, and for the wanted blobs their
// exact bytes and the page fields the engine compares, whatever the batching.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/services/context.ts';
import { resolvePair } from '../../src/services/catalog.ts';
import { listPairFiles, loadDiffContents } from '../../src/store/pair-contents.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';
import { readPairPages } from '../../src/services/page-reading.ts';
import { diffPair, forgetRecentDiffs } from '../../src/services/version-diff.ts';
import { rowsOf } from '../../src/store/database.ts';
import { settleCachedDiffWrites } from '../../src/store/diff-cache.ts';

/** A diff computed now: neither the process's memo nor the database's cache answers it. */
async function computeDiff(ctx: ServiceContext, request: { package: string; from: string; to: string }) {
  forgetRecentDiffs();
  await settleCachedDiffWrites(ctx.db);
  await ctx.db.execute(sql`delete from diff_cache`);
  return diffPair(ctx, await resolvePair(ctx, request));
}

const page = (title: string, body: string) => `---\ntitle: ${title}\nnested:\n  b: 1\n  a: [x, y]\n---\n\n# ${title}\n\n## Part\n\n${body}\n`;
/** Bytes that are not UTF-8 and carry a NUL: they must come back unchanged. */
const binary = new Uint8Array([0xff, 0x00, 0x0a, 0x80, 0xfe]);
/** Enough content to need several batches (4 MB each at most). */
const big = (seed: number) => `${'x'.repeat(1_500_000)}${seed}\n`;

describe.each(testDrivers())('pair contents (%s)', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database);
    await seedPackage(ctx, '@fixture/pair', [
      {
        version: '1.0.0',
        files: { 'docs/a.mdx': page('A', 'one'), 'docs/Z.md': page('Z', 'same'), 'docs/ä.md': page('Umlaut', 'u'), 'bin.dat': binary, 'b1.txt': big(1), 'b2.txt': big(2) },
      },
      {
        version: '2.0.0',
        files: { 'docs/a.mdx': page('A', 'two'), 'docs/Z.md': page('Z', 'same'), 'docs/b.mdx': page('B', 'new'), 'bin.dat': binary, 'b1.txt': big(3), 'b2.txt': big(4), 'b3.txt': big(5) },
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('lists both versions in bytewise path order with each blob size', async () => {
    const pair = await resolvePair(ctx, { package: '@fixture/pair', from: '1.0.0', to: '2.0.0' });
    const { oldFiles, newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
    expect(oldFiles.map((file) => file.path)).toEqual(['b1.txt', 'b2.txt', 'bin.dat', 'docs/Z.md', 'docs/a.mdx', 'docs/ä.md']);
    expect(newFiles.map((file) => file.path)).toEqual(['b1.txt', 'b2.txt', 'b3.txt', 'bin.dat', 'docs/Z.md', 'docs/a.mdx', 'docs/b.mdx']);
    expect(oldFiles.find((file) => file.path === 'bin.dat')!.size).toBe(binary.length);
    // Read a few rows at a time (the keyset pages a 10,000-file pair takes), the listing is the same.
    for (const pageSize of [1, 2, 3, 6, 7]) {
      expect(await listPairFiles(ctx.database, pair.from.id, pair.to.id, pageSize)).toEqual({ oldFiles, newFiles });
    }
  });

  it('reads exactly the wanted bytes and page fields, across several batches', async () => {
    // Page fields are stored once the versions' pages are read.
    const pair = await readPairPages(ctx, await resolvePair(ctx, { package: '@fixture/pair', from: '1.0.0', to: '2.0.0' }));
    const { oldFiles, newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
    const all = [...oldFiles, ...newFiles];
    const wanted = new Map(all.map((file) => [file.sha256, file.size]));
    const contents = await loadDiffContents(ctx.database, wanted);
    expect([...contents.keys()].sort()).toEqual([...wanted.keys()].sort());
    const of = (files: typeof all, path: string) => contents.get(files.find((file) => file.path === path)!.sha256)!;
    expect([...of(oldFiles, 'bin.dat').bytes]).toEqual([...binary]);
    expect(of(oldFiles, 'bin.dat').doc).toBeNull();
    expect(Buffer.from(of(newFiles, 'b3.txt').bytes).toString('utf8')).toBe(big(5));
    const doc = of(newFiles, 'docs/b.mdx').doc!;
    expect(doc.title).toBe('B');
    // Frontmatter comes as its brief (diff/frontmatter-changes.ts), in jsonb's key order; the values are not read.
    expect(doc.frontmatterBrief).toEqual({ small: { title: 'B', nested: { a: ['x', 'y'], b: 1 } }, large: {} });
    expect(doc.frontmatter).toBeUndefined();
    expect(doc.headings.map((heading) => heading.slug)).toEqual(['b', 'part']);
    // Two contents with equal stored frontmatter share one parsed brief: the engine takes it as unchanged at once.
    expect(of(oldFiles, 'docs/a.mdx').bytes).not.toEqual(of(newFiles, 'docs/a.mdx').bytes);
    expect(of(oldFiles, 'docs/a.mdx').doc!.frontmatterBrief).toBe(of(newFiles, 'docs/a.mdx').doc!.frontmatterBrief);
    expect(of(oldFiles, 'docs/a.mdx').doc!.frontmatterBrief).not.toBe(doc.frontmatterBrief);
  });

  it('reads the whole frontmatter of a row stored before briefs, and the diff is the same', async () => {
    const request = { package: '@fixture/pair', from: '1.0.0', to: '2.0.0' };
    const pair = await readPairPages(ctx, await resolvePair(ctx, request));
    const { newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
    const sha = newFiles.find((file) => file.path === 'docs/b.mdx')!.sha256;
    const withBriefs = await computeDiff(ctx, request);
    await ctx.db.execute(sql`update doc_meta set frontmatter_brief = null`);
    try {
      const doc = (await loadDiffContents(ctx.database, new Map([[sha, 1]]))).get(sha)!.doc!;
      expect(doc.frontmatterBrief).toBeUndefined();
      expect(doc.frontmatter).toEqual({ title: 'B', nested: { a: ['x', 'y'], b: 1 } });
      expect(JSON.stringify(await computeDiff(ctx, request))).toBe(JSON.stringify(withBriefs));
    } finally {
      await settleCachedDiffWrites(ctx.db);
      await ctx.db.execute(sql`delete from doc_meta`);
      await ctx.db.execute(sql`update versions set pages_read = false`);
    }
  });

  it('finds the same frontmatter changes through briefs, old rows, a mix of both, and pages read from their bytes', async () => {
    // A large value edited, another edited in whitespace only, a small one changed, on a page moved too.
    const words = (edit: string) => Array.from({ length: 60 }, (_, i) => `method ${i}${i === 7 ? edit : ''}`);
    const doc = (reference: string[], summary: string, status: string) =>
      `---\ntitle: Users\nstatus: ${status}\nreference: ${JSON.stringify(reference)}\nsummary: ${JSON.stringify(summary)}\n---\n\n# Users\n\nBody.\n`;
    const long = Array.from({ length: 40 }, (_, i) => `word ${i}`).join(' ');
    const request = { package: '@fixture/large-frontmatter', from: '1.0.0', to: '2.0.0' };
    await seedPackage(ctx, request.package, [
      { version: '1.0.0', files: { 'docs/users.mdx': doc(words(''), long, 'beta'), 'docs/old/page.mdx': doc(words('x'), long, 'old') } },
      { version: '2.0.0', files: { 'docs/users.mdx': doc(words(' (changed)'), long.replace('word 3', 'word\u00a03'), 'ga'), 'docs/new/page.mdx': doc(words('x'), long, 'new') } },
    ]);
    const pair = await readPairPages(ctx, await resolvePair(ctx, request));
    const withBriefs = await computeDiff(ctx, request);
    const users = withBriefs.files.find((file) => file.path === 'docs/users.mdx')!.doc!.frontmatter;
    expect(users.map((change) => [change.field, change.whitespaceOnly ?? false])).toEqual([
      ['reference', false],
      ['status', false],
      ['summary', true],
    ]);
    expect(users[0]!.before).toMatch(/^\["method 0",.*\(a list of 60 items, \d+ characters; see the file's patch\)$/);
    expect(withBriefs.summary.renamed).toBe(1);
    const same = async (how: string) => {
      expect(JSON.stringify(await computeDiff(ctx, request)), how).toBe(JSON.stringify(withBriefs));
      // The diff's writes (page fields, briefs of old rows) are done before the next state is set.
      await settleCachedDiffWrites(ctx.db);
    };
    const { oldFiles, newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
    const newShas = JSON.stringify(newFiles.map((file) => file.sha256));
    const pairShas = JSON.stringify([...oldFiles, ...newFiles].map((file) => file.sha256));
    /** Rows of this pair's pages without a brief. */
    const briefless = async () =>
      rowsOf<{ n: number }>(
        await ctx.db.execute(sql`select count(*)::int as n from doc_meta where frontmatter_brief is null and sha256 in (select jsonb_array_elements_text(${pairShas}::jsonb))`),
      )[0]!.n;
    try {
      await ctx.db.execute(sql`update doc_meta set frontmatter_brief = null where sha256 in (select jsonb_array_elements_text(${newShas}::jsonb))`);
      await same('old rows on the new side, briefs on the old');
      await ctx.db.execute(sql`update doc_meta set frontmatter_brief = null`);
      expect(await briefless()).toBeGreaterThan(0);
      await same('old rows on both sides');
      // That diff gave the old rows it read their briefs, so the next cold diff reads briefs.
      expect(await briefless()).toBe(0);
      await ctx.db.execute(sql`delete from doc_meta`);
      await ctx.db.execute(sql`update versions set pages_read = false`);
      await same('pages read from their bytes');
      await same('briefs stored by that diff');
    } finally {
      await settleCachedDiffWrites(ctx.db);
      await ctx.db.execute(sql`delete from doc_meta`);
      await ctx.db.execute(sql`update versions set pages_read = false`);
    }
  });

  it('lists pairs longer than a page, every file once, in order', async () => {
    // Past one listing page (4,000 rows) across both versions; names that sort differently bytewise
    // and by the database's collation.
    const files = (release: number) => Object.fromEntries(Array.from({ length: 2_100 }, (_, i) => [`p/${i % 2 ? 'B' : 'a'}${String(i).padStart(4, '0')}.md`, `${i % 7 === 0 ? release : 0}\n`]));
    await seedPackage(ctx, '@fixture/long-pair', [
      { version: '1.0.0', files: files(1) },
      { version: '2.0.0', files: { ...files(2), 'p/new.md': 'new\n' } },
    ]);
    const pair = await resolvePair(ctx, { package: '@fixture/long-pair', from: '1.0.0', to: '2.0.0' });
    const { oldFiles, newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
    const bytewise = (paths: string[]) => [...paths].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect(oldFiles.map((file) => file.path)).toEqual(bytewise(Object.keys(files(1))));
    expect(newFiles.map((file) => file.path)).toEqual(bytewise([...Object.keys(files(2)), 'p/new.md']));
    expect(newFiles.find((file) => file.path === 'p/new.md')!.size).toBe(4);
  }, 120_000);

  it('reads nothing for an empty request', async () => {
    expect((await loadDiffContents(ctx.database, new Map())).size).toBe(0);
  });
});
