// The few queries only the bench needs: emptying a database between cold runs, dropping cached diffs
// so a diff is really computed, and sizes for the storage figures. Kept here, not in src/store/,
// because nothing in the product should ever truncate or measure itself.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/store/database.ts';
import { forgetRecentDiffs } from '../src/services/version-diff.ts';
import { settleCachedDiffWrites } from '../src/store/diff-cache.ts';

/** postgres.js returns rows as the result; PGlite wraps them in `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The docdelta tables in this database, read from the catalog so tables added later are included. */
async function docdeltaTables(db: Db): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  );
  return rows.map((row) => row.name);
}

/** Back to a freshly migrated, empty database: what a first `docdelta sync` starts from. */
export async function emptyDatabase(db: Db): Promise<void> {
  forgetRecentDiffs();
  await settleCachedDiffWrites(db);
  const tables = await docdeltaTables(db);
  if (tables.length === 0) return;
  const list = tables.map((name) => `"${name.replace(/"/g, '""')}"`).join(', ');
  await db.execute(sql.raw(`truncate table ${list} restart identity cascade`));
}

/** A cold diff: neither the database cache nor the in-process memo holds it. */
export async function dropCachedDiffs(db: Db): Promise<void> {
  // A diff just answered may still be writing its cache row; it must not land after the delete.
  await settleCachedDiffWrites(db);
  await db.execute(sql`delete from diff_cache`);
  forgetRecentDiffs();
}

export async function databaseBytes(db: Db): Promise<number> {
  const [row] = rowsOf<{ bytes: string | number }>(await db.execute(sql`select pg_database_size(current_database()) as bytes`));
  return Number(row?.bytes ?? 0);
}

/** Each table's size with its indexes and TOAST, in bytes. */
export async function tableBytes(db: Db): Promise<Record<string, number>> {
  const rows = rowsOf<{ name: string; bytes: string | number }>(
    await db.execute(
      sql`select tablename as name, pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass) as bytes
          from pg_tables where schemaname = 'public' order by tablename`,
    ),
  );
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]));
}

export async function blobCount(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from blobs`));
  return Number(row?.n ?? 0);
}

/** PGlite buffers writes in memory; a checkpoint puts them in the data folder before we measure it. */
export async function checkpoint(db: Db): Promise<void> {
  await db.execute(sql`checkpoint`);
}
