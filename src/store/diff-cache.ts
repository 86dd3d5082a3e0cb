// Computed diffs, stored per (from, to, algorithm, options). A diff is handed to its caller before
// its row is written: the write (the whole result as jsonb) costs about a tenth of a cold diff, and
// the caller holds the result already. Writes in flight are tracked per database handle, and every
// reader of the table waits for them first: the cache lookup here for the writes of its own key,
// the counts and removals (package-removal.ts) and closing the database (a CLI process about to
// exit, a server shutting down) for all of them. So whoever asks this handle afterwards sees the
// row, on PGlite's one connection as on a PostgreSQL pool, where the next statement may go out on
// another connection before the commit.
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
  const pending = inFlight.get(db)?.get(keyText(key));
  if (pending) await Promise.all([...pending]);
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

/** Writes in flight per handle, by key: a lookup waits for its own pair's, not for every other pair's. */
const inFlight = new WeakMap<Db, Map<string, Set<Promise<void>>>>();

const keyText = (key: DiffCacheKey) => [key.fromVersionId, key.toVersionId, key.algorithm, key.options].join('\u0000');

/**
 * A write of a pair's diff (its row, or the page fields of a computation that failed): closing the
 * database, and the next lookup of the pair, wait for it.
 */
export function trackDiffWrite(db: Db, key: DiffCacheKey, write: Promise<void>): void {
  let byKey = inFlight.get(db);
  if (!byKey) inFlight.set(db, (byKey = new Map()));
  const text = keyText(key);
  let pending = byKey.get(text);
  if (!pending) byKey.set(text, (pending = new Set()));
  const tracked = write.then(
    () => {},
    () => {},
  );
  pending.add(tracked);
  void tracked.finally(() => {
    pending.delete(tracked);
    // The set stays in the map while it holds a write, so an empty one is the key's own.
    if (pending.size === 0) byKey.delete(text);
  });
}

/**
 * Starts writing a computed diff and returns the write, for the caller to report its failure (or to
 * wait for it: background work). Readers of the table through this handle wait for it anyway, and so
 * does closing the database. `after`: other writes of the computation (its page fields), which the
 * row waits for, so whoever waits for the row waits for them too.
 */
export function startCachedDiffWrite(db: Db, key: DiffCacheKey, result: VersionDiff, after: Promise<void> = Promise.resolve()): Promise<void> {
  const written = Promise.all([after, afterPendingCallbacks()]).then(() => writeCachedDiff(db, key, result));
  trackDiffWrite(db, key, written);
  return written;
}

/** Waits for every cached-diff write started on this handle (a failed one is its starter's to report). */
export async function settleCachedDiffWrites(db: Db): Promise<void> {
  const byKey = inFlight.get(db);
  while (byKey && byKey.size > 0) await Promise.all([...byKey.values()].flatMap((pending) => [...pending]));
}

/**
 * Building the insert (the result as JSON, a few hundred kilobytes for a real pair) costs several
 * milliseconds of this thread, and on PGlite the insert itself runs here too: started right away,
 * that work ran before the caller's continuation got the result. A macrotask later, the caller has
 * printed or sent the answer first.
 */
const afterPendingCallbacks = () => new Promise<void>((resolve) => setImmediate(resolve));
