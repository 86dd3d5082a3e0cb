// Computed diffs, stored per (from, to, algorithm, options). On PGlite a diff is handed to its
// caller before its row is written: the write (the whole result as jsonb) costs about a tenth of a
// cold diff, and PGlite's one connection runs statements in the order they were issued, so every
// later statement on the handle still sees the row. On a PostgreSQL pool the next statement may go
// out on another connection, so there the caller waits for the commit, as before. Writes in flight
// are tracked per database handle: closing the database (a CLI process about to exit, a server
// shutting down) first lets them finish, and so does whatever counts or removes cached rows.
import { and, eq } from 'drizzle-orm';
import type { VersionDiff } from '../types.ts';
import type { Database, Db } from './database.ts';
import { diffCache } from './schema/index.ts';

export interface DiffCacheKey {
  fromVersionId: number;
  toVersionId: number;
  algorithm: string;
  options: string;
}

export async function readCachedDiff(db: Db, key: DiffCacheKey): Promise<VersionDiff | undefined> {
  const [row] = await db
    .select({ result: diffCache.result })
    .from(diffCache)
    .where(
      and(
        eq(diffCache.fromVersionId, key.fromVersionId),
        eq(diffCache.toVersionId, key.toVersionId),
        eq(diffCache.algorithm, key.algorithm),
        eq(diffCache.options, key.options),
      ),
    )
    .limit(1);
  return row?.result;
}

export async function writeCachedDiff(db: Db, key: DiffCacheKey, result: VersionDiff): Promise<void> {
  await db.insert(diffCache).values({ ...key, result }).onConflictDoNothing();
}

const inFlight = new WeakMap<Db, Set<Promise<void>>>();

function track(db: Db, write: Promise<void>): void {
  let pending = inFlight.get(db);
  if (!pending) inFlight.set(db, (pending = new Set()));
  const tracked = write.then(
    () => {},
    () => {},
  );
  pending.add(tracked);
  void tracked.finally(() => pending.delete(tracked));
}

/**
 * Starts writing a computed diff. `written` settles with the write; `visible` resolves once every
 * later statement on this database is sure to see the row: at once on PGlite (the write is queued
 * ahead of them), at the commit on PostgreSQL. A caller answers after `visible`, and reports a
 * failure of `written`; `settleCachedDiffWrites` (and so closing the database) awaits every write.
 */
export function startCachedDiffWrite(database: Database, key: DiffCacheKey, result: VersionDiff): { written: Promise<void>; visible: Promise<void> } {
  const written = writeCachedDiff(database.db, key, result);
  track(database.db, written);
  return { written, visible: database.client.driver === 'pglite' ? Promise.resolve() : written };
}

/** Waits for every cached-diff write started on this handle (a failed one is its starter's to report). */
export async function settleCachedDiffWrites(db: Db): Promise<void> {
  const pending = inFlight.get(db);
  while (pending && pending.size > 0) await Promise.all([...pending]);
}
