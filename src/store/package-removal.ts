// Untracking a package: its row, its versions and their file lists, its cached diffs, ingest
// failures and digest deliveries (all by ON DELETE CASCADE from the package row), and the blobs —
// with their doc metadata — that no version of any other package still holds. One transaction:
// a failure half-way leaves everything as it was.
import { count, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';
import { settleCachedDiffWrites } from './diff-cache.ts';
import { deleteUnlistedContents } from './version-rows.ts';
import { blobs, diffCache, docMeta, packages, versionFiles, versions } from './schema/index.ts';

export interface RemovalCounts {
  versions: number;
  /** Blobs (distinct contents) deleted because only this package held them. */
  blobs: number;
  /** Bytes those blobs held. */
  bytes: number;
  /** Cached diffs between this package's versions. */
  diffs: number;
}

const CHUNK = 5_000;

/** What removing the package would delete, without deleting it (for `untrack` without --yes). */
export async function plannedRemoval(db: Db, packageId: number): Promise<RemovalCounts> {
  // A diff answered a moment ago may still be on its way into the cache: count it.
  await settleCachedDiffWrites(db);
  const ids = (await db.select({ id: versions.id }).from(versions).where(eq(versions.packageId, packageId))).map((row) => row.id);
  if (ids.length === 0) return { versions: 0, blobs: 0, bytes: 0, diffs: 0 };
  const [diffs] = await db.select({ n: count() }).from(diffCache).where(inArray(diffCache.fromVersionId, ids));
  // Blobs this package holds that no version outside it holds.
  const only = await db.execute(sql`
    select count(*) as n, coalesce(sum(b.size), 0) as bytes from blobs b
    where b.sha256 in (select vf.sha256 from version_files vf join versions v on v.id = vf.version_id where v.package_id = ${packageId})
      and not exists (select 1 from version_files vf join versions v on v.id = vf.version_id where vf.sha256 = b.sha256 and v.package_id <> ${packageId})`);
  const row = rowsOf<{ n: number | string; bytes: number | string | null }>(only)[0];
  return { versions: ids.length, blobs: Number(row?.n ?? 0), bytes: Number(row?.bytes ?? 0), diffs: Number(diffs?.n ?? 0) };
}

/** Deletes the package and everything only it used; returns what went, or null when no such package. */
export async function removePackage(db: Db, name: string): Promise<RemovalCounts | null> {
  // A cache write landing after the delete would only fail on its foreign key; settle it first.
  await settleCachedDiffWrites(db);
  return db.transaction(async (tx) => {
    // Lock the row first, so a concurrent sync of the same package waits rather than writing
    // versions under a package that is being removed.
    const [pkg] = await tx.select({ id: packages.id }).from(packages).where(eq(packages.name, name)).for('update');
    if (!pkg) return null;
    const counts = await plannedRemoval(tx, pkg.id);
    const held = await tx
      .selectDistinct({ sha256: versionFiles.sha256 })
      .from(versionFiles)
      .innerJoin(versions, eq(versions.id, versionFiles.versionId))
      .where(eq(versions.packageId, pkg.id));
    await tx.delete(packages).where(eq(packages.id, pkg.id));
    // The versions and their file lists are gone now; a candidate still listed is another package's.
    const candidates = held.map((row) => row.sha256);
    for (let i = 0; i < candidates.length; i += CHUNK) await deleteUnlistedContents(tx, candidates.slice(i, i + CHUNK), { skipLocked: false });
    return counts;
  });
}

/** Rows per table, for tests that prove a refused request wrote nothing. */
export type TableCounts = Record<'packages' | 'versions' | 'versionFiles' | 'blobs' | 'docMeta' | 'diffCache', number>;

export async function tableCounts(db: Db): Promise<TableCounts> {
  await settleCachedDiffWrites(db);
  const tables = { packages, versions, versionFiles, blobs, docMeta, diffCache } as const;
  const out = {} as TableCounts;
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name as keyof TableCounts] = Number(row?.n ?? 0);
  }
  return out;
}
