// The one query the link checker adds to the shared store readers: which stored versions of a package
// serve a page at any of some routes (a route and its parents, for section routes).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../store/database.ts';
import { versionFiles, versions } from '../store/schema/index.ts';

export async function versionsServingRoutes(db: Db, packageId: number, routes: readonly string[]): Promise<string[]> {
  if (routes.length === 0) return [];
  const rows = await db
    .selectDistinct({ version: versions.version })
    .from(versionFiles)
    .innerJoin(versions, eq(versions.id, versionFiles.versionId))
    .where(and(eq(versions.packageId, packageId), inArray(versionFiles.route, [...routes])));
  return rows.map((row) => row.version);
}
