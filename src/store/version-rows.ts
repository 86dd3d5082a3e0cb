// The row statements of a version write. Each batch of rows travels as ONE JSON text parameter that
// the server unpacks with json_to_recordset: building a drizzle `values()` list cost ~0.4 s of CPU per
// 1,000-file version (an SQL object and a driver parameter per cell) and most of its garbage, where one
// JSON.stringify is native and allocates a single string. The SQL is fixed text; the only input is the
// parameter, so nothing from a tarball is ever spliced into a statement.
import { and, sql } from 'drizzle-orm';
import { frontmatterBrief } from '../diff/frontmatter-changes.ts';
import type { NormalizedFile } from '../types.ts';
import type { Db } from './database.ts';
import { blobs, docMeta, versionFiles, versions } from './schema/index.ts';
import { amongTexts } from './among-texts.ts';

/** The transaction handle drizzle passes to `db.transaction`'s callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** One `version_files` row, as the ingest knows it once routes are assigned. */
export interface FileRow {
  path: string;
  sha256: string;
  route: string | null;
  note: string | null;
}

/**
 * Content bytes per blob statement. Drivers send the statement as text and the server copies it again
 * while parsing, so a big statement costs several times its size in memory; a few MiB per statement
 * keeps that overhead small and fixed (a 465 MiB version once peaked at 6 GB in one statement).
 */
const MAX_STATEMENT_BYTES = 2 * 1024 * 1024;
/** Rows per statement when rows are small (version_files, doc_meta). */
const MAX_ROWS = 6_000;

// Text reaching PostgreSQL must be valid UTF-8. The drivers encode a lone UTF-16 surrogate as U+FFFD;
// inside JSON it would arrive as a `\udXXX` escape the server refuses, so it is replaced the same way.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = <T extends string | null>(text: T): T => (text === null ? text : (text.replace(LONE_SURROGATE, '\uFFFD') as T));

/** Splits items into statements of at most `maxRows` rows and about `maxBytes` bytes. */
export function batches<T>(items: readonly T[], bytesOf: (item: T) => number = () => 0, maxRows = MAX_ROWS, maxBytes = MAX_STATEMENT_BYTES): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = bytesOf(item);
    if (current.length > 0 && (current.length >= maxRows || bytes + itemBytes > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += itemBytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const base64Of = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * Which of these contents the database already holds, and whether each has its page metadata. Seen
 * inside the writing transaction: a blob another writer has not committed yet reads as absent, and is
 * then inserted with ON CONFLICT DO NOTHING, which waits for that writer as before.
 */
export async function storedContents(tx: Tx, shas: readonly string[]): Promise<Map<string, { hasDoc: boolean }>> {
  const found = new Map<string, { hasDoc: boolean }>();
  if (shas.length === 0) return found;
  const rows = await tx
    // Qualified by hand: drizzle writes a one-table select's columns bare, and a bare "sha256" inside
    // the subquery would name doc_meta's own column on both sides (every content "had" fields).
    .select({ sha256: blobs.sha256, hasDoc: sql<boolean>`exists (select 1 from doc_meta d where d.sha256 = blobs.sha256)` })
    .from(blobs)
    .where(amongTexts(blobs.sha256, shas));
  for (const row of rows) found.set(row.sha256, { hasDoc: row.hasDoc === true || (row.hasDoc as unknown) === 't' });
  return found;
}

/**
 * Above this a content is inserted by a statement of its own, as a plain base64 parameter decoded by
 * the server. Inside the JSON parameter it would be copied three more times on the way in (the jsonb
 * value, the text taken out of it, the decoded bytes): at the 16 MiB file cap that raised PGlite's
 * peak by 100–350 MB where the plain parameter stays near the content's own size.
 */
const OWN_STATEMENT_BYTES = 1024 * 1024;

/** Inserts blobs (in the order given); returns the hashes of those that were new. */
export async function insertBlobs(tx: Tx, files: readonly NormalizedFile[]): Promise<string[]> {
  const written: string[] = [];
  let small: NormalizedFile[] = [];
  const flushSmall = async () => {
    for (const batch of batches(small, (file) => file.bytes.byteLength)) written.push(...(await insertSmallBlobs(tx, batch)));
    small = [];
  };
  for (const file of files) {
    if (file.bytes.byteLength <= OWN_STATEMENT_BYTES) {
      small.push(file);
      continue;
    }
    // Still in the order given: two writers take the blob rows' locks in one order.
    await flushSmall();
    const rows = await tx
      .insert(blobs)
      .values({ sha256: file.sha256, size: file.size, binary: file.binary, content: sql<Uint8Array>`decode(${base64Of(file.bytes)}, 'base64')` })
      .onConflictDoNothing({ target: blobs.sha256 })
      .returning({ sha256: blobs.sha256 });
    written.push(...rows.map((row) => row.sha256));
  }
  await flushSmall();
  return written;
}

async function insertSmallBlobs(tx: Tx, batch: readonly NormalizedFile[]): Promise<string[]> {
  const json = JSON.stringify(batch.map((file) => [file.sha256, file.size, file.binary, base64Of(file.bytes)]));
  const rows = await tx
    .insert(blobs)
    .select(
      sql`select r->>0, (r->>1)::integer, (r->>2)::boolean, decode(r->>3, 'base64') from jsonb_array_elements(${json}::jsonb) with ordinality as t(r, n) order by n`,
    )
    .onConflictDoNothing({ target: blobs.sha256 })
    .returning({ sha256: blobs.sha256 });
  return rows.map((row) => row.sha256);
}

/**
 * Removes these contents (and their page fields) where no version lists them: what a write that gave
 * up stored. Contents another writer's file rows hold at this moment are skipped, not waited for.
 */
export async function removeUnlistedContents(db: Db, shas: readonly string[]): Promise<void> {
  for (const batch of batches(shas)) await db.transaction((tx) => deleteUnlistedContents(tx, batch, { skipLocked: true }));
}

/**
 * Deletes those of these contents no version lists, with their page fields. The rows are locked
 * first; a later statement, which sees every listing committed before the locks, then picks the
 * unlisted ones, and no listing can reference a locked row until the transaction ends. (Picked in
 * the statements that delete, a listing committed between them could lose a listed content's page
 * fields.) `skipLocked`: leave the contents a listing in progress holds instead of waiting for it.
 */
export async function deleteUnlistedContents(tx: Tx, shas: readonly string[], options: { skipLocked: boolean }): Promise<void> {
  if (shas.length === 0) return;
  const locked = await tx
    .select({ sha256: blobs.sha256 })
    .from(blobs)
    .where(amongTexts(blobs.sha256, shas))
    .orderBy(blobs.sha256)
    .for('update', options.skipLocked ? { skipLocked: true } : {});
  if (locked.length === 0) return;
  const unlisted = await tx
    .select({ sha256: blobs.sha256 })
    .from(blobs)
    .where(
      and(
        amongTexts(
          blobs.sha256,
          locked.map((row) => row.sha256),
        ),
        sql`not exists (select 1 from version_files f where f.sha256 = blobs.sha256)`,
      ),
    );
  if (unlisted.length === 0) return;
  const doomed = unlisted.map((row) => row.sha256);
  await tx.delete(docMeta).where(amongTexts(docMeta.sha256, doomed));
  await tx.delete(blobs).where(amongTexts(blobs.sha256, doomed));
}

/** Inserts the page metadata of these contents (their blobs are already stored), each frontmatter with its brief. */
export async function insertDocMeta(tx: Tx, files: readonly NormalizedFile[]): Promise<void> {
  // Each row is serialized first, so statements are cut by their real size: frontmatter can be most of it.
  const rows = files.flatMap((file) => {
    const doc = file.doc;
    if (!doc) return [];
    const brief = frontmatterBrief(doc.frontmatter);
    return [JSON.stringify([file.sha256, wellFormed(doc.title), wellFormed(doc.description), doc.frontmatter, brief, wellFormed(doc.frontmatterError), doc.headings, doc.links])];
  });
  for (const batch of batches(rows, (row) => row.length)) {
    // Columns in the schema's order, which is the order drizzle names them in.
    await tx
      .insert(docMeta)
      .select(
        sql`select r->>0, r->>1, r->>2, r->3, r->4, r->>5, r->6, r->7 from jsonb_array_elements(${`[${batch.join(',')}]`}::jsonb) with ordinality as t(r, n) order by n`,
      )
      .onConflictDoNothing({ target: docMeta.sha256 });
  }
}

/** Inserts one statement of a version's file rows. */
export async function insertFileRows(tx: Tx, versionId: number, rows: readonly FileRow[]): Promise<void> {
  const json = JSON.stringify(rows.map((row) => [wellFormed(row.path), row.sha256, wellFormed(row.route), wellFormed(row.note)]));
  await tx
    .insert(versionFiles)
    .select(sql`select ${versionId}::integer, r->>0, r->>1, r->>2, r->>3 from jsonb_array_elements(${json}::jsonb) with ordinality as t(r, n) order by n`);
}

/** Contents in sha256 order: the one order every writer of blob-keyed rows takes their locks in. */
export const bySha256 = (a: { sha256: string }, b: { sha256: string }) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0);

/**
 * Records that a version's pages were read: their page fields (contents whose fields are not stored
 * yet), each file's route and note, and the version's docs root. One transaction; a version another
 * reader read meanwhile is left as that reader wrote it. Returns false in that case.
 */
export async function writePagesRead(
  db: Db,
  versionId: number,
  read: { docsRoot: string | null; docs: readonly NormalizedFile[]; files: readonly Omit<FileRow, 'sha256'>[] },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The row lock orders two readers of one version: the second finds the work done.
    const [row] = await tx.select({ pagesRead: versions.pagesRead }).from(versions).where(sql`${versions.id} = ${versionId}`).for('update');
    if (!row || row.pagesRead) return false;
    // Fields another version's read already stored are not sent again (a release shares most pages).
    const stored = await storedContents(
      tx,
      read.docs.map((file) => file.sha256),
    );
    await insertDocMeta(tx, read.docs.filter((file) => !stored.get(file.sha256)?.hasDoc).sort(bySha256));
    for (const batch of batches(read.files)) {
      const json = JSON.stringify(batch.map((file) => [wellFormed(file.path), wellFormed(file.route), wellFormed(file.note)]));
      await tx.execute(
        sql`update version_files f set route = r->>1, note = r->>2 from jsonb_array_elements(${json}::jsonb) as t(r) where f.version_id = ${versionId} and f.path = r->>0`,
      );
    }
    await tx.update(versions).set({ docsRoot: read.docsRoot, pagesRead: true }).where(sql`${versions.id} = ${versionId}`);
    return true;
  });
}

/** Page fields of contents read outside a version's full read (a diff's changed files); kept if already there. */
export async function storePageFields(db: Db, files: readonly NormalizedFile[]): Promise<void> {
  if (files.length === 0) return;
  await db.transaction((tx) => insertDocMeta(tx, [...files].sort(bySha256)));
}

/**
 * Adds the brief of pages stored before briefs existed (ADR 0022), from the frontmatter a diff read
 * whole: the next cold diff of these contents reads the briefs. A row that has one already keeps it.
 */
export async function storeFrontmatterBriefs(db: Db, pages: readonly { sha256: string; frontmatter: Record<string, unknown> }[]): Promise<void> {
  const rows = [...pages].sort(bySha256).map((page) => JSON.stringify([page.sha256, frontmatterBrief(page.frontmatter)]));
  for (const batch of batches(rows, (row) => row.length)) {
    await db.execute(
      sql`update doc_meta set frontmatter_brief = r->1 from jsonb_array_elements(${`[${batch.join(',')}]`}::jsonb) as t(r) where doc_meta.sha256 = r->>0 and doc_meta.frontmatter_brief is null`,
    );
  }
}
