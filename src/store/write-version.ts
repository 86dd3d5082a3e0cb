// Writes one version in a single transaction: all of it or none of it.
//
// Two writers storing versions that share contents meet on the same blob rows. Rows are therefore
// inserted in one global order (blobs and doc_meta by sha256, files by path), so neither can hold a
// row the other needs while waiting for one it holds; a deadlock reported anyway (40P01) rolls the
// transaction back and it is retried, a bounded number of times.
import { sql } from 'drizzle-orm';
import { invalidInput } from '../errors.ts';
import type { NormalizedFile } from '../types.ts';
import type { Db } from './database.ts';
import { blobs, docMeta, versionFiles, versions } from './schema/index.ts';

export interface VersionToWrite {
  packageId: number;
  version: string;
  publishedAt: Date | null;
  integrity: string | null;
  deprecated: string | null;
  docsRoot: string | null;
  files: NormalizedFile[];
}

export interface WriteResult {
  versionId: number;
  /** False when another writer stored this version first; nothing was written then. */
  created: boolean;
  blobsWritten: number;
  filesWritten: number;
}

/** postgres.js caps a statement at 65534 parameters; rows are chunked well below that. */
const MAX_PARAMS = 30_000;
/**
 * Content bytes per blob statement. Drivers send bytea as text and the server copies it again while
 * parsing, so one statement holding a whole version costs many times its size in memory (a 465 MiB
 * version peaked at 6 GB on PGlite); a few MiB per statement keeps that overhead small and fixed.
 */
const MAX_STATEMENT_BYTES = 8 * 1024 * 1024;

function chunks<T>(items: T[], columnsPerRow: number, bytesOf: (item: T) => number = () => 0): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columnsPerRow));
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const itemBytes = bytesOf(item);
    if (current.length > 0 && (current.length >= size || bytes + itemBytes > MAX_STATEMENT_BYTES)) {
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

/**
 * Longest stored path, in UTF-8 bytes. The (version, path) primary key is a btree, whose entries
 * PostgreSQL caps at 2704 bytes; refusing here gives a clear message instead of "index row size …
 * exceeds btree" on whichever driver. Sources refuse earlier with the same limit (SourceLimits).
 */
export const MAX_STORED_PATH_BYTES = 1024;

/** Attempts of one version's transaction when PostgreSQL reports a deadlock. */
export const DEADLOCK_ATTEMPTS = 4;

export interface WriteHooks {
  /** Called after each chunk of files; tests use it to fail part-way, the CLI to show progress. */
  onFilesWritten?: (written: number, total: number) => void | Promise<void>;
  /** Called before a transaction that PostgreSQL broke as a deadlock is run again. */
  onDeadlockRetry?: (attempt: number, error: unknown) => void;
}

/** The SQLSTATE of a driver error, looking through wrappers (drizzle puts the driver's error in `cause`). */
function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function checkPathLengths(version: string, files: readonly { path: string }[]): void {
  for (const file of files) {
    const bytes = Buffer.byteLength(file.path, 'utf8');
    if (bytes > MAX_STORED_PATH_BYTES) {
      throw invalidInput(
        `version ${version} has a file path of ${bytes} bytes, over the ${MAX_STORED_PATH_BYTES}-byte limit: ${JSON.stringify(file.path.slice(0, 80))}…; nothing was stored`,
      );
    }
  }
}

export async function writeVersion(db: Db, input: VersionToWrite, hooks: WriteHooks = {}): Promise<WriteResult> {
  checkPathLengths(input.version, input.files);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(db, input, hooks);
    } catch (error) {
      if (sqlState(error) !== '40P01' || attempt >= DEADLOCK_ATTEMPTS) throw error;
      hooks.onDeadlockRetry?.(attempt, error);
      // A short random pause, so the two writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Content sent as base64 text and decoded by the server. PGlite turns a bytea parameter into hex in
 * JavaScript (15 MiB took 5.4 s); base64 text with decode() took 1.0 s, and it is 1.5x smaller than
 * hex on the wire to PostgreSQL too.
 */
function asBase64Bytea(bytes: Uint8Array) {
  return sql<Uint8Array>`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}, 'base64')`;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

async function writeOnce(db: Db, input: VersionToWrite, hooks: WriteHooks): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(versions)
      .values({
        packageId: input.packageId,
        version: input.version,
        publishedAt: input.publishedAt,
        integrity: input.integrity,
        deprecated: input.deprecated,
        docsRoot: input.docsRoot,
        fileCount: input.files.length,
        totalBytes: input.files.reduce((sum, file) => sum + file.size, 0),
      })
      .onConflictDoNothing({ target: [versions.packageId, versions.version] })
      .returning({ id: versions.id });
    const versionId = inserted[0]?.id;
    if (versionId === undefined) {
      const [existing] = await tx
        .select({ id: versions.id })
        .from(versions)
        .where(sql`${versions.packageId} = ${input.packageId} and ${versions.version} = ${input.version}`);
      return { versionId: existing?.id ?? -1, created: false, blobsWritten: 0, filesWritten: 0 };
    }

    const distinct = new Map<string, NormalizedFile>();
    for (const file of input.files) if (!distinct.has(file.sha256)) distinct.set(file.sha256, file);
    const contents = [...distinct.values()].sort(byKey((file) => file.sha256));
    let blobsWritten = 0;
    for (const batch of chunks(contents, 4, (file) => file.bytes.byteLength)) {
      const rows = await tx
        .insert(blobs)
        .values(batch.map((file) => ({ sha256: file.sha256, size: file.size, binary: file.binary, content: asBase64Bytea(file.bytes) })))
        .onConflictDoNothing({ target: blobs.sha256 })
        .returning({ sha256: blobs.sha256 });
      blobsWritten += rows.length;
    }
    const docs = contents.filter((file) => file.doc);
    for (const batch of chunks(docs, 7)) {
      await tx
        .insert(docMeta)
        .values(
          batch.map((file) => ({
            sha256: file.sha256,
            title: file.doc!.title,
            description: file.doc!.description,
            frontmatter: file.doc!.frontmatter,
            frontmatterError: file.doc!.frontmatterError,
            headings: file.doc!.headings,
            links: file.doc!.links,
          })),
        )
        .onConflictDoNothing({ target: docMeta.sha256 });
    }
    let filesWritten = 0;
    for (const batch of chunks([...input.files].sort(byKey((file) => file.path)), 5)) {
      await tx.insert(versionFiles).values(
        batch.map((file) => ({ versionId, path: file.path, sha256: file.sha256, route: file.route, note: file.note })),
      );
      filesWritten += batch.length;
      await hooks.onFilesWritten?.(filesWritten, input.files.length);
    }
    return { versionId, created: true, blobsWritten, filesWritten };
  });
}
