import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { compareVersions } from '../source/version-order.ts';
import type { Db } from './database.ts';
import { ingestFailures, versionFiles, versions } from './schema/index.ts';
import { amongTexts } from './among-texts.ts';

export type VersionRow = typeof versions.$inferSelect;

// Release order is the sources' (see source/version-order.ts); re-exported for the store's readers.
export { cleanVersion, compareVersions } from '../source/version-order.ts';

export async function listVersionRows(db: Db, packageId: number): Promise<VersionRow[]> {
  const rows = await db.select().from(versions).where(eq(versions.packageId, packageId));
  return rows.sort(compareVersions);
}

export async function findVersionRow(db: Db, versionId: number): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(versions).where(eq(versions.id, versionId));
  return row;
}

export interface VersionFileRow {
  path: string;
  sha256: string;
  route: string | null;
  note: string | null;
}

/**
 * Read a page at a time (keyset on the primary key): PGlite runs each query on the event loop, and
 * one 10,000-row read held it for about half a second, during which the server answered nothing.
 */
const LIST_PAGE = 2_000;

export async function listVersionFiles(db: Db, versionId: number): Promise<VersionFileRow[]> {
  const rows: VersionFileRow[] = [];
  for (;;) {
    const last = rows.at(-1)?.path;
    const page = await db
      .select({ path: versionFiles.path, sha256: versionFiles.sha256, route: versionFiles.route, note: versionFiles.note })
      .from(versionFiles)
      .where(last === undefined ? eq(versionFiles.versionId, versionId) : and(eq(versionFiles.versionId, versionId), gt(versionFiles.path, last)))
      .orderBy(asc(versionFiles.path))
      .limit(LIST_PAGE);
    rows.push(...page);
    if (page.length < LIST_PAGE) break;
    // PGlite's promises can settle without the event loop getting a turn: give it one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return inBytewisePathOrder(rows);
}

/**
 * The rows of some paths in a version, those it has, in no particular order: a patch of ten files
 * reads ten rows through the primary key rather than the whole listing of both releases.
 */
export async function findVersionFiles(db: Db, versionId: number, paths: Iterable<string>): Promise<VersionFileRow[]> {
  return db
    .select({ path: versionFiles.path, sha256: versionFiles.sha256, route: versionFiles.route, note: versionFiles.note })
    .from(versionFiles)
    .where(and(eq(versionFiles.versionId, versionId), amongTexts(versionFiles.path, [...new Set(paths)])));
}

/** Rows in bytewise path order: git's diff-queue order (the database collation's is not). */
export function inBytewisePathOrder<T extends { path: string }>(rows: readonly T[]): T[] {
  // Keys made once per row: made per comparison, a 10,000-file listing spent ~150 ms allocating.
  const keyed = rows.map((row) => ({ row, key: Buffer.from(row.path) }));
  return keyed.sort((a, b) => Buffer.compare(a.key, b.key)).map(({ row }) => row);
}

export async function recordIngestFailure(db: Db, packageId: number, version: string, code: string, message: string): Promise<void> {
  await db
    .insert(ingestFailures)
    .values({ packageId, version, code, message })
    .onConflictDoUpdate({
      target: [ingestFailures.packageId, ingestFailures.version],
      set: { code, message, attempts: sql`${ingestFailures.attempts} + 1`, lastAttemptAt: sql`now()` },
    });
}

export async function clearIngestFailure(db: Db, packageId: number, version: string): Promise<void> {
  await db.delete(ingestFailures).where(and(eq(ingestFailures.packageId, packageId), eq(ingestFailures.version, version)));
}

/** How many versions each package has stored, by package id (packages with none are absent). */
export async function countVersionsByPackage(db: Db): Promise<Map<number, number>> {
  const rows = await db.select({ packageId: versions.packageId, n: count() }).from(versions).groupBy(versions.packageId);
  return new Map(rows.map((row) => [row.packageId, Number(row.n)]));
}

/** Which stored versions of a package serve a page at any of `routes` (a route and its parents, for section routes). */
export async function versionsServingRoutes(db: Db, packageId: number, routes: readonly string[]): Promise<string[]> {
  if (routes.length === 0) return [];
  const rows = await db
    .selectDistinct({ version: versions.version })
    .from(versionFiles)
    .innerJoin(versions, eq(versions.id, versionFiles.versionId))
    .where(and(eq(versions.packageId, packageId), inArray(versionFiles.route, [...routes])));
  return rows.map((row) => row.version);
}
