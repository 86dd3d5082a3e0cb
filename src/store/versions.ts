import { and, eq, sql } from 'drizzle-orm';
import semver from 'semver';
import type { Db } from './database.ts';
import { ingestFailures, versionFiles, versions } from './schema/index.ts';

export type VersionRow = typeof versions.$inferSelect;

/**
 * Versions in release order: semver first (prereleases before their release), then tags that are
 * not semver by publish date. Ordering lives here so every consumer agrees on "previous" and "latest".
 */
export function compareVersions(a: Pick<VersionRow, 'version' | 'publishedAt'>, b: Pick<VersionRow, 'version' | 'publishedAt'>): number {
  const va = cleanVersion(a.version);
  const vb = cleanVersion(b.version);
  if (va && vb) {
    const bySemver = semver.compare(va, vb);
    if (bySemver !== 0) return bySemver;
  } else if (va !== vb) {
    return va ? -1 : 1;
  }
  const ta = a.publishedAt?.getTime() ?? 0;
  const tb = b.publishedAt?.getTime() ?? 0;
  return ta - tb || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
}

/** `v1.2.0` (a git tag) orders as `1.2.0`; anything semver cannot read stays unparsed. */
export function cleanVersion(version: string): string | null {
  return semver.valid(version) ?? semver.valid(version.replace(/^v(?=\d)/, ''));
}

export async function listVersionRows(db: Db, packageId: number): Promise<VersionRow[]> {
  const rows = await db.select().from(versions).where(eq(versions.packageId, packageId));
  return rows.sort(compareVersions);
}

export async function findVersion(db: Db, packageId: number, version: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(versions)
    .where(and(eq(versions.packageId, packageId), eq(versions.version, version)))
    .limit(1);
  return row;
}

export interface VersionFileRow {
  path: string;
  sha256: string;
  route: string | null;
  note: string | null;
}

export async function listVersionFiles(db: Db, versionId: number): Promise<VersionFileRow[]> {
  const rows = await db
    .select({ path: versionFiles.path, sha256: versionFiles.sha256, route: versionFiles.route, note: versionFiles.note })
    .from(versionFiles)
    .where(eq(versionFiles.versionId, versionId));
  // Bytewise path order is git's diff-queue order; the database collation is not.
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
