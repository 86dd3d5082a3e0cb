// A cold diff is answered before its cache row is written; the row must still be there for anyone
// who looks afterwards: a process that closes its database right after the answer (the CLI), the
// next cache lookup on the same handle (on a PostgreSQL pool, another connection), a count of
// cached rows.
import { count } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffPair, forgetRecentDiffs, resolvePair } from '../../src/services/version-diff.ts';
import { openDatabase } from '../../src/store/database.ts';
import { readCachedDiff, settleCachedDiffWrites, startCachedDiffWrite } from '../../src/store/diff-cache.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { diffCache } from '../../src/store/schema/index.ts';
import { ALGORITHM_VERSION } from '../../src/diff/algorithm-version.ts';
import { tempDir, testContext } from '../support/context.ts';
import { openTestDatabase, testDrivers, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';

const request = { package: '@fixture/docs', from: '1.0.0', to: '2.0.0' };
/** The cache key of the pair's default diff (rename threshold 50). */
const keyOf = (pair: { from: { id: number }; to: { id: number } }) => ({ fromVersionId: pair.from.id, toVersionId: pair.to.id, algorithm: String(ALGORITHM_VERSION), options: 'M50' });

describe.each(testDrivers())('cached diff writes on %s', (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedFixture(await testContext(database), '@fixture/docs');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The fixture pair with no diff cached, in memory or in the table. */
  const uncachedPair = async () => {
    const ctx = await testContext(database);
    forgetRecentDiffs();
    await ctx.db.delete(diffCache);
    return { ctx, pair: await resolvePair(ctx, request) };
  };

  it('stores the diff by the time a process that asked for it has closed its database', async () => {
    // A second handle on the same data, as a CLI process has: it answers, closes, and is gone.
    const url = driver === 'pglite' ? undefined : database.url;
    const folder = driver === 'pglite' ? await tempDir('docdelta-cache-write-') : undefined;
    const open = () => (url ? openDatabase({ url }) : openDatabase({ url: `pglite:${folder}` }));
    if (folder) {
      const seeding = await open();
      await seedFixture(await testContext(seeding), '@fixture/docs');
      await seeding.close();
    }
    const cli = await open();
    const ctx = await testContext(cli);
    const pair = await resolvePair(ctx, request);
    forgetRecentDiffs();
    const answer = await diffPair(ctx, pair);
    await cli.close();

    const reader = url ? database : await open();
    try {
      const key = keyOf(pair);
      expect(await readCachedDiff(reader.db, key)).toEqual(answer);
    } finally {
      if (!url) await reader.close();
    }
  });

  it('shows the row to the next cache lookup and count on the handle, however soon the answer came', async () => {
    const { ctx, pair } = await uncachedPair();
    const answer = await diffPair(ctx, pair);
    const key = keyOf(pair);
    expect(await readCachedDiff(ctx.db, key)).toEqual(answer);
    expect((await tableCounts(ctx.db)).diffCache).toBe(1);
    const [row] = await ctx.db.select({ n: count() }).from(diffCache);
    expect(Number(row?.n)).toBe(1);
  });

  it('writes the row only after the other writes of its computation, and settling waits for all of them', async () => {
    const { ctx, pair } = await uncachedPair();
    const answer = await diffPair(ctx, pair);
    await settleCachedDiffWrites(ctx.db);
    await ctx.db.delete(diffCache);
    const key = keyOf(pair);
    // The page fields a cold diff read, still being stored.
    let fieldsStored!: () => void;
    const after = new Promise<void>((resolve) => (fieldsStored = resolve));
    const written = startCachedDiffWrite(ctx.db, key, answer, after);
    let settled = false;
    const settling = settleCachedDiffWrites(ctx.db).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    // Counted directly: tableCounts would itself wait for the write.
    const [waiting] = await ctx.db.select({ n: count() }).from(diffCache);
    expect(Number(waiting?.n)).toBe(0);
    fieldsStored();
    await settling;
    await written;
    expect((await tableCounts(ctx.db)).diffCache).toBe(1);
  });

  // On a pool the lookup may go out on another connection before the write commits. Another
  // session holds an uncommitted row of the same key until the answer has come, so the write is
  // still waiting on that lock when the lookup is made.
  if (driver === 'postgres') {
    it('answers before the row is written, and a lookup on another pooled connection still finds it', async () => {
      const { ctx, pair } = await uncachedPair();
      const key = keyOf(pair);
      const blocker = postgres(database.url!, { max: 1, onnotice: () => {} });
      let locked!: () => void;
      let answered!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const answer = new Promise<void>((resolve) => (answered = resolve));
      let released = false;
      const held = blocker
        .begin(async (tx) => {
          await tx`insert into diff_cache (from_version_id, to_version_id, algorithm, options, result) values (${key.fromVersionId}, ${key.toVersionId}, ${key.algorithm}, ${key.options}, '{}'::jsonb)`;
          locked();
          await answer;
          await new Promise((resolve) => setTimeout(resolve, 100));
          released = true;
          throw new Error('roll back');
        })
        .catch(() => {});
      try {
        await holding;
        const diff = await diffPair(ctx, pair);
        // The answer came while the write still waited for the other session's lock.
        expect(released).toBe(false);
        answered();
        expect(await readCachedDiff(ctx.db, key)).toEqual(diff);
        expect(released).toBe(true);
      } finally {
        answered();
        await held;
        await blocker.end({ timeout: 5 });
      }
    });
  }

  it('settles a failed write without throwing, and hands the failure to whoever started it', async () => {
    const key = { fromVersionId: -1, toVersionId: -2, algorithm: 'test', options: 'none' };
    const failed = startCachedDiffWrite(database.db, key, { package: 'x', from: 'a', to: 'b', summary: { added: 0, removed: 0, modified: 0, renamed: 0, additions: 0, deletions: 0 }, moves: [], files: [] });
    await expect(settleCachedDiffWrites(database.db)).resolves.toBeUndefined();
    // No such versions: the foreign key refuses the row.
    await expect(failed).rejects.toThrow();
  });
});
