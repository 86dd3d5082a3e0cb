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
