// What a cold diff reads of a version pair, and nothing more: the paths and hashes of both versions
// in one listing, then, for the files that differ, their bytes and the three page fields the engine
// compares (title, frontmatter, headings) in one query per batch. A file at the same path with the
// same hash on both sides is never compared, so its bytes and metadata are never read.
import type { PGlite } from '@electric-sql/pglite';
import { and, asc, inArray, sql } from 'drizzle-orm';
import { asJsonb } from '../diff/jsonb-key-order.ts';
import type { DiffInputDoc } from '../diff/diff-trees.ts';
import type { DocMeta } from '../types.ts';
import type { Database, Db } from './database.ts';
import { blobs, docMeta, versionFiles } from './schema/index.ts';
import { batches } from './version-rows.ts';
import { inBytewisePathOrder } from './versions.ts';
import { fieldInt32, fieldText, readRows } from './pglite-wire.ts';

export interface PairFile {
  path: string;
  sha256: string;
  /** The blob's size in bytes. */
  size: number;
}


export interface DiffContent {
  bytes: Uint8Array;
  doc: DiffInputDoc | null;
}

/**
 * A page at a time (keyset on the primary key): PGlite runs each query on the event loop, so a
 * 10,000-file pair is read in a few short stops rather than one long one.
 */
const LIST_PAGE = 4_000;

interface ListedFile extends PairFile {
  versionId: number;
}

type ListPage = (fromId: number, toId: number, after: ListedFile | undefined, limit: number) => Promise<ListedFile[]>;

const listPageFromPostgres =
  (db: Db): ListPage =>
  (fromId, toId, after, limit) =>
    db
      .select({ versionId: versionFiles.versionId, path: versionFiles.path, sha256: versionFiles.sha256, size: blobs.size })
      .from(versionFiles)
      .innerJoin(blobs, sql`${blobs.sha256} = ${versionFiles.sha256}`)
      .where(
        and(
          inArray(versionFiles.versionId, [fromId, toId]),
          after && sql`(${versionFiles.versionId}, ${versionFiles.path}) > (${after.versionId}, ${after.path})`,
        ),
      )
      .orderBy(asc(versionFiles.versionId), asc(versionFiles.path))
      .limit(limit);

/** The same page over the wire protocol (pglite-wire.ts): half the time of PGlite's row parser here. */
const listPageFromPglite =
  (pglite: PGlite): ListPage =>
  async (fromId, toId, after, limit) => {
    const rows = await readRows(
      pglite,
      `select f.version_id, f.path, f.sha256, b.size
         from version_files f join blobs b on b.sha256 = f.sha256
        where f.version_id = any($1::integer[]) and (f.version_id, f.path) > ($2::integer, $3::text)
        order by f.version_id, f.path
        limit $4::integer`,
      [`{${fromId},${toId}}`, String(after?.versionId ?? -1), after?.path ?? '', String(limit)],
    );
    return rows.map((row) => {
      if (row.length !== 4 || row.some((field) => !field)) throw new Error(`the pair listing has a row of ${row.length} fields, not the 4 asked for`);
      return { versionId: fieldInt32(row[0]!), path: fieldText(row[1]!), sha256: fieldText(row[2]!), size: fieldInt32(row[3]!) };
    });
  };

/** Both versions' files, each in bytewise path order (git's diff-queue order; the collation's is not). */
export async function listPairFiles(database: Database, fromId: number, toId: number, pageSize = LIST_PAGE): Promise<{ oldFiles: PairFile[]; newFiles: PairFile[] }> {
  const { client } = database;
  const listPage = client.driver === 'pglite' ? listPageFromPglite(client.pglite) : listPageFromPostgres(database.db);
  const byVersion = new Map<number, PairFile[]>([
    [fromId, []],
    [toId, []],
  ]);
  let last: ListedFile | undefined;
  for (;;) {
    const page = await listPage(fromId, toId, last, pageSize);
    for (const row of page) byVersion.get(row.versionId)!.push({ path: row.path, sha256: row.sha256, size: row.size });
    if (page.length < pageSize) break;
    last = page.at(-1)!;
    // PGlite's promises can settle without the event loop getting a turn: give it one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { oldFiles: inBytewisePathOrder(byVersion.get(fromId)!), newFiles: inBytewisePathOrder(byVersion.get(toId)!) };
}

/**
 * Page fields parsed on first use, each distinct JSON text once. Files added or removed (once
 * renames are found) never need their frontmatter, and a page whose frontmatter did not change
 * shares one parsed object with its other side, which the engine recognizes at once. Frontmatter
 * comes as its brief (diff/frontmatter-changes.ts), or whole from a row stored before briefs. (A
 * structured clone sees only `title`: whoever hands these to a worker thread copies the fields first.)
 */
class StoredDoc implements DiffInputDoc {
  readonly title: string | null;
  readonly #frontmatter: string | null;
  readonly #brief: string | null;
  readonly #headings: string;
  readonly #parsed: Map<string, unknown>;

  constructor(title: string | null, frontmatter: { whole: string | null; brief: string | null }, headings: string, parsed: Map<string, unknown>) {
    this.title = title;
    this.#frontmatter = frontmatter.whole;
    this.#brief = frontmatter.brief;
    this.#headings = headings;
    this.#parsed = parsed;
  }

  #parse<T>(text: string): T {
    let value = this.#parsed.get(text);
    if (value === undefined) {
      value = JSON.parse(text) as unknown;
      this.#parsed.set(text, value);
    }
    return value as T;
  }

  get frontmatter(): DiffInputDoc['frontmatter'] {
    return this.#frontmatter === null ? undefined : this.#parse(this.#frontmatter);
  }

  get frontmatterBrief(): DiffInputDoc['frontmatterBrief'] {
    return this.#brief === null ? undefined : this.#parse(this.#brief);
  }

  get headings(): DiffInputDoc['headings'] {
    return this.#parse(this.#headings);
  }
}

/** The contents read whose page fields were stored before briefs (ADR 0022), with their whole frontmatter. */
export function storedWithoutBrief(contents: ReadonlyMap<string, DiffContent>): { sha256: string; frontmatter: Record<string, unknown> }[] {
  const found: { sha256: string; frontmatter: Record<string, unknown> }[] = [];
  for (const [sha256, { doc }] of contents) {
    if (doc instanceof StoredDoc && !doc.frontmatterBrief) found.push({ sha256, frontmatter: doc.frontmatter! });
  }
  return found;
}

/**
 * Page fields read from a page's bytes as the store gives them back: jsonb keeps an object's keys in
 * its own order, not the page's, and a diff shows frontmatter values as text. A page read at diff time
 * (services/pair-trees.ts) and one read from the store must show alike.
 */
export function diffDocAsStored(doc: DocMeta): DiffInputDoc {
  return { title: doc.title, frontmatter: asJsonb(doc.frontmatter) as DocMeta['frontmatter'], headings: asJsonb(doc.headings) as DiffInputDoc['headings'] };
}

/**
 * A query reads at most this many bytes of content (and at least one blob): PGlite runs the query
 * and hands its output over on the event loop, so a batch holds it for tens of milliseconds at most.
 */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
const MIN_BATCH_BYTES = 256 * 1024;
const BATCH_ROWS = 2_000;
/**
 * Batches read at once. A PostgreSQL server reads, decompresses and encodes each on its own
 * connection and core, so two halves arrive sooner than one whole (44 → 32 ms for the real pair
 * here); PGlite runs them one after the other, as it would anyway.
 */
const PARALLEL_BATCHES = 2;

/** Batches of hashes: about a half of the bytes each, within the byte and row bounds. */
function batchesOf(wanted: ReadonlyMap<string, number>): string[][] {
  let total = 0;
  for (const size of wanted.values()) total += size;
  const limit = Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(total / PARALLEL_BATCHES)));
  return batches([...wanted], ([, size]) => size, BATCH_ROWS, limit).map((batch) => batch.map(([sha]) => sha));
}

/**
 * One array parameter instead of one parameter per hash: drizzle spent ~7 ms building a query with
 * 900 parameters. Every element is quoted, so no value can break out of the array literal.
 */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

interface DocColumns {
  title: string | null;
  /** The whole frontmatter: the query reads it only where the row has no brief. */
  frontmatter: string | null;
  brief: string | null;
  headings: string | null;
}

function contentOf(bytes: Uint8Array, doc: DocColumns | null, parsed: Map<string, unknown>): DiffContent {
  if (!doc) return { bytes, doc: null };
  return { bytes, doc: new StoredDoc(doc.title, { whole: doc.frontmatter, brief: doc.brief }, doc.headings ?? '[]', parsed) };
}

async function readBatchFromPostgres(db: Db, batch: string[], parsed: Map<string, unknown>, found: Map<string, DiffContent>): Promise<void> {
  // base64, not bytea's hex: a third fewer characters to encode, send and decode. The jsonb fields
  // come as text and are parsed only when read (StoredDoc).
  const rows = await db
    .select({
      sha256: blobs.sha256,
      base64: sql<string>`encode(${blobs.content}, 'base64')`,
      hasDoc: sql<boolean>`${docMeta.sha256} is not null`,
      title: docMeta.title,
      frontmatter: sql<string | null>`case when ${docMeta.frontmatterBrief} is null then ${docMeta.frontmatter}::text end`,
      brief: sql<string | null>`${docMeta.frontmatterBrief}::text`,
      headings: sql<string | null>`${docMeta.headings}::text`,
    })
    .from(blobs)
    .leftJoin(docMeta, sql`${docMeta.sha256} = ${blobs.sha256}`)
    .where(sql`${blobs.sha256} = any(${textArray(batch)}::text[])`);
  for (const row of rows) {
    // Node's base64 decoder skips the line breaks encode() inserts.
    const bytes = Buffer.from(row.base64, 'base64');
    found.set(row.sha256, contentOf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), row.hasDoc ? row : null, parsed));
  }
}

/**
 * PGlite would hand a query's rows over field by field in text format, bytea as hex it encoded first:
 * this read speaks the wire protocol itself and takes every column in binary format (pglite-wire.ts).
 */
async function readBatchFromPglite(pglite: PGlite, batch: string[], parsed: Map<string, unknown>, found: Map<string, DiffContent>): Promise<void> {
  const text = (field: Uint8Array | null | undefined) => (field ? fieldText(field) : null);
  const rows = await readRows(
    pglite,
    `select b.sha256, b.content, d.sha256 is not null, d.title,
            case when d.frontmatter_brief is null then d.frontmatter::text end, d.frontmatter_brief::text, d.headings::text
       from blobs b left join doc_meta d on d.sha256 = b.sha256
      where b.sha256 = any($1::text[])`,
    [textArray(batch)],
  );
  for (const row of rows) {
    if (row.length !== 7 || !row[0] || !row[1] || !row[2]) throw new Error(`the blob read has a row of ${row.length} fields, not the 7 asked for`);
    const [sha256, bytes, hasDoc, title, frontmatter, brief, headings] = row;
    const doc = hasDoc![0] === 1 ? { title: text(title), frontmatter: text(frontmatter), brief: text(brief), headings: text(headings) } : null;
    found.set(fieldText(sha256!), contentOf(bytes!, doc, parsed));
  }
}

/** Bytes and page fields of the blobs in `wanted` (hash → size), a few batches at a time. */
export async function loadDiffContents(database: Database, wanted: ReadonlyMap<string, number>): Promise<Map<string, DiffContent>> {
  const found = new Map<string, DiffContent>();
  const parsed = new Map<string, unknown>();
  const { client } = database;
  const readBatch =
    client.driver === 'pglite'
      ? (batch: string[]) => readBatchFromPglite(client.pglite, batch, parsed, found)
      : (batch: string[]) => readBatchFromPostgres(database.db, batch, parsed, found);
  const pending = batchesOf(wanted);
  for (let i = 0; i < pending.length; i += PARALLEL_BATCHES) {
    await Promise.all(pending.slice(i, i + PARALLEL_BATCHES).map(readBatch));
    // PGlite's promises can settle without the event loop getting a turn: give it one.
    if (i + PARALLEL_BATCHES < pending.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return found;
}
