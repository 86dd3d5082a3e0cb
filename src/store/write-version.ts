// Writes one version: all of it or none of it.
//
// Two steps. The contents (blobs and their page fields) come first: they are keyed by hash, shared by
// every version, and no reader sees one until a version lists it, so they are stored a batch per
// short transaction, a few batches at once (PARALLEL_CONTENT_BATCHES). Then the version's row and its
// file list are written in one transaction: a reader sees the version whole or not at all. A write that
// gives up removes the contents it stored that no version lists; a process killed or interrupted
// between the steps leaves them, and the next write of those contents finds them stored.
//
// The contents arrive in batches from a producer (the ingest reads a batch while the previous ones are
// being written), so a version's statements are never all held at once. Only the small file rows
// (path, hash, route, note) are kept to the end.
//
// Two writers storing versions that share contents meet on the same blob rows. Rows are therefore
// inserted in one global order (producers hand contents over by sha256; files go by path), so neither
// can hold a row the other needs while waiting for one it holds; a deadlock reported anyway (40P01),
// like a content removed between the steps (23503 on its foreign key), fails the attempt, and it is
// run again — the producer too — a bounded number of times.
import { sql } from 'drizzle-orm';
import { causeChain } from '../environment-faults.ts';
import { invalidInput } from '../errors.ts';
import type { NormalizedFile } from '../types.ts';
import type { Db } from './database.ts';
import { versions } from './schema/index.ts';
import { batches, bySha256, type FileRow, insertBlobs, insertDocMeta, insertFileRows, removeUnlistedContents, storedContents, type Tx } from './version-rows.ts';

export interface VersionToWrite {
  packageId: number;
  version: string;
  publishedAt: Date | null;
  integrity: string | null;
  deprecated: string | null;
  docsRoot: string | null;
  files: NormalizedFile[];
}

/** A version's row, before its contents are read. */
export interface VersionHeader {
  packageId: number;
  version: string;
  publishedAt: Date | null;
  integrity: string | null;
  deprecated: string | null;
  fileCount: number;
  totalBytes: number;
  /** False when the files come without their page fields and routes (an ingest); true by default. */
  pagesRead?: boolean;
}

/** Takes a producer's batches of contents. */
export interface ContentSink {
  /**
   * Queues contents for writing, in ascending sha256 order across calls. Resolves once fewer than
   * PARALLEL_CONTENT_BATCHES batches are being written, so the producer prepares the next meanwhile.
   */
  write(files: readonly NormalizedFile[]): Promise<void>;
}

/** What a producer returns once every content is handed over: the version's docs root and file rows. */
export interface ProducedVersion {
  docsRoot: string | null;
  files: FileRow[];
}

/** Called once per attempt: an attempt PostgreSQL broke (see `retryable`) runs the producer again. */
export type VersionProducer = (sink: ContentSink) => Promise<ProducedVersion>;

export interface WriteResult {
  versionId: number;
  /** False when another writer stored this version first; no file row was written then (contents may have been). */
  created: boolean;
  blobsWritten: number;
  filesWritten: number;
}

/**
 * Longest stored path, in UTF-8 bytes. The (version, path) primary key is a btree, whose entries
 * PostgreSQL caps at 2704 bytes; refusing here gives a clear message instead of "index row size …
 * exceeds btree" on whichever driver. Sources refuse earlier with the same limit (SourceLimits).
 */
export const MAX_STORED_PATH_BYTES = 1024;

/** Attempts of one version's write when PostgreSQL reports a deadlock, or a content removed meanwhile. */
export const DEADLOCK_ATTEMPTS = 4;

export interface WriteHooks {
  /** Called after each chunk of files; tests use it to fail part-way, the CLI to show progress. */
  onFilesWritten?: (written: number, total: number) => void | Promise<void>;
  /** Called before an attempt PostgreSQL broke (a deadlock, a content removed meanwhile) is run again. */
  onDeadlockRetry?: (attempt: number, error: unknown) => void;
}

/** The SQLSTATE of a driver error, wherever drizzle's wrapping put it. */
const sqlState = (error: unknown) =>
  causeChain(error)
    .map((link) => link.code)
    .find((code): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code));

/** The constraint a driver error names (postgres.js: `constraint_name`; PGlite: `constraint`). */
const violatedConstraint = (error: unknown) =>
  causeChain(error)
    .map((link) => link.constraint_name ?? link.constraint)
    .find((name): name is string => typeof name === 'string');

/**
 * Refuses a version with a path the store cannot index. The store checks the rows it is about to
 * write, whoever produced them; an ingest also checks before it reads anything (services/ingest.ts).
 */
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

/** A version whose contents are all in memory (tests, benchmarks, seeds). */
export async function writeVersion(db: Db, input: VersionToWrite, hooks: WriteHooks = {}): Promise<WriteResult> {
  const header = {
    ...input,
    fileCount: input.files.length,
    totalBytes: input.files.reduce((sum, file) => sum + file.size, 0),
  };
  return writeVersionInBatches(
    db,
    header,
    async (sink) => {
      const contents = [...input.files].sort(bySha256);
      for (const batch of batches(contents, (file) => file.bytes.byteLength)) await sink.write(batch);
      return { docsRoot: input.docsRoot, files: input.files.map(({ path, sha256, route, note }) => ({ path, sha256, route, note })) };
    },
    hooks,
  );
}

/** Writes a version whose contents a producer hands over in batches; see the file comment. */
export async function writeVersionInBatches(db: Db, header: VersionHeader, produce: VersionProducer, hooks: WriteHooks = {}): Promise<WriteResult> {
  // Contents an attempt stored stay for the next one, which finds them stored; they still count as
  // this write's, and are removed only when the write gives up.
  const written = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(db, header, produce, hooks, written);
    } catch (error) {
      if (!retryable(error) || attempt >= DEADLOCK_ATTEMPTS) {
        // Best effort: a process that dies here leaves them too, and the next write of them reuses them.
        await removeUnlistedContents(db, [...written]).catch(() => {});
        throw error;
      }
      hooks.onDeadlockRetry?.(attempt, error);
      // A short random pause, so the two writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Worth another attempt: PostgreSQL broke a transaction as a deadlock, or a file row's content was
 * gone when the version was listed, removed between the two steps (an untrack, or another writer's
 * write giving up); the next attempt writes it again. Other foreign keys (the package untracked
 * meanwhile) fail at once.
 */
function retryable(error: unknown): boolean {
  const state = sqlState(error);
  if (state === '40P01') return true;
  return state === '23503' && CONTENT_KEYS.has(violatedConstraint(error) ?? '');
}

const CONTENT_KEYS = new Set(['version_files_sha256_blobs_sha256_fk', 'doc_meta_sha256_blobs_sha256_fk']);

/**
 * Content batches written at once, each on its own connection. PostgreSQL runs a connection on one
 * core, and while one transaction stored a release's contents (decoding, compressing, indexing) the
 * other core sat idle: two at once stored @mastra/mcp-docs-server's 1,025 files in ~210 ms instead of
 * ~330 ms. PGlite has one connection and runs them one after the other.
 */
const PARALLEL_CONTENT_BATCHES = 2;

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Stores contents a batch per short transaction, a few batches at once. Each content is written once
 * (the first file holding it, as the producer orders them), and contents the database already holds
 * are not sent again: a sync's second version is mostly such files. Batches are disjoint, and each
 * inserts in sha256 order, the order every writer takes blob rows in.
 */
class ContentWriter implements ContentSink {
  private readonly seen = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;

  /** `written` collects the hashes of the contents inserted (not those found stored). */
  constructor(
    private readonly db: Db,
    private readonly written: Set<string>,
  ) {}

  async write(files: readonly NormalizedFile[]): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const fresh = files.filter((file) => !this.seen.has(file.sha256) && this.seen.add(file.sha256));
    if (fresh.length > 0) {
      // Started, not awaited: the producer reads its next batch while the server stores this one.
      const storing: Promise<void> = this.store(fresh)
        .catch((error: unknown) => {
          this.failure ??= error;
        })
        .finally(() => this.inFlight.delete(storing));
      this.inFlight.add(storing);
    }
    while (this.inFlight.size >= PARALLEL_CONTENT_BATCHES) await Promise.race(this.inFlight);
    if (this.failure !== null) throw this.failure;
  }

  /** Waits for every batch in flight and reports the first failure, if any. */
  async settled(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure !== null) throw this.failure;
  }

  private async store(files: NormalizedFile[]): Promise<void> {
    const inserted = await this.db.transaction(async (tx) => {
      const stored = await storedContents(
        tx,
        files.map((file) => file.sha256),
      );
      const blobs = await insertBlobs(
        tx,
        files.filter((file) => !stored.has(file.sha256)),
      );
      await insertDocMeta(
        tx,
        files.filter((file) => file.doc && !stored.get(file.sha256)?.hasDoc),
      );
      return blobs;
    });
    // Counted once committed: a batch rolled back inserted nothing.
    for (const sha of inserted) this.written.add(sha);
  }
}

/** The version's id when it is already stored (by an earlier sync, or another writer meanwhile). */
async function storedVersionId(db: Db | Tx, header: VersionHeader): Promise<number | undefined> {
  const [existing] = await db
    .select({ id: versions.id })
    .from(versions)
    .where(sql`${versions.packageId} = ${header.packageId} and ${versions.version} = ${header.version}`);
  return existing?.id;
}

async function writeOnce(db: Db, header: VersionHeader, produce: VersionProducer, hooks: WriteHooks, written: Set<string>): Promise<WriteResult> {
  const already = await storedVersionId(db, header);
  if (already !== undefined) return { versionId: already, created: false, blobsWritten: 0, filesWritten: 0 };
  // First the contents, shared by every version and invisible until a version lists them.
  const contents = new ContentWriter(db, written);
  let produced: ProducedVersion;
  try {
    produced = await produce(contents);
  } finally {
    // Never leave a statement running when the attempt ends, whichever way it ends.
    await contents.settled().catch(() => {});
  }
  await contents.settled();
  checkPathLengths(header.version, produced.files);
  // Then the version itself, whole, in one transaction.
  const result = await writeListing(db, header, produced, hooks);
  return { ...result, blobsWritten: result.created ? written.size : 0 };
}

/** The version's row and file list, in one transaction; how many contents it brought is the caller's to say. */
async function writeListing(db: Db, header: VersionHeader, produced: ProducedVersion, hooks: WriteHooks): Promise<Omit<WriteResult, 'blobsWritten'>> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(versions)
      .values({
        packageId: header.packageId,
        version: header.version,
        publishedAt: header.publishedAt,
        integrity: header.integrity,
        deprecated: header.deprecated,
        docsRoot: produced.docsRoot,
        pagesRead: header.pagesRead ?? true,
        fileCount: header.fileCount,
        totalBytes: header.totalBytes,
      })
      .onConflictDoNothing({ target: [versions.packageId, versions.version] })
      .returning({ id: versions.id });
    const versionId = inserted[0]?.id;
    // Another writer stored it meanwhile: the contents written are listed by its copy.
    if (versionId === undefined) return { versionId: (await storedVersionId(tx, header)) ?? -1, created: false, filesWritten: 0 };
    let filesWritten = 0;
    for (const batch of batches([...produced.files].sort(byKey((file) => file.path)))) {
      await insertFileRows(tx, versionId, batch);
      filesWritten += batch.length;
      await hooks.onFilesWritten?.(filesWritten, produced.files.length);
    }
    return { versionId, created: true, filesWritten };
  });
}
