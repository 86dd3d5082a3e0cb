// Computed diffs, stored per (from, to, algorithm, options). A diff is handed to its caller before
// its row is written: the write (the whole result as jsonb) costs about a tenth of a cold diff and
// nobody waiting for the answer needs it. Writes still in flight are tracked per database handle,
// so closing the database (a CLI process about to exit, a server shutting down) first lets them
// finish, and whatever counts or removes cached rows sees them settled.
import { and, eq } from 'drizzle-orm';
import type { VersionDiff } from '../types.ts';
import type { Db } from './database.ts';
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

/**
 * Starts writing a computed diff and returns at once; the returned promise settles with the write
 * (whoever must know it is stored, like precomputing after a sync, awaits it). Every such write is
 * awaited by `settleCachedDiffWrites`, which closing the database calls.
 */
export function startCachedDiffWrite(db: Db, key: DiffCacheKey, result: VersionDiff): Promise<void> {
  const write = writeCachedDiff(db, key, result);
  let pending = inFlight.get(db);
  if (!pending) inFlight.set(db, (pending = new Set()));
  const tracked = write.then(
    () => {},
    () => {},
  );
  pending.add(tracked);
  void tracked.finally(() => pending.delete(tracked));
  return write;
}

/** Waits for every cached-diff write started on this handle (a failed one is its starter's to report). */
export async function settleCachedDiffWrites(db: Db): Promise<void> {
  const pending = inFlight.get(db);
  while (pending && pending.size > 0) await Promise.all([...pending]);
}
