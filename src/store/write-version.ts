// Writes one version in a single transaction: all of it or none of it.
//
// The contents arrive in batches from a producer (the ingest normalizes a batch while the previous one
// is being written), so neither a whole version's normalized pages nor its statements are held at once.
// Only the small file rows (path, hash, route, note) are kept to the end, when the routes are known.
//
// Two writers storing versions that share contents meet on the same blob rows. Rows are therefore
// inserted in one global order (producers hand contents over by sha256; files go by path), so neither
// can hold a row the other needs while waiting for one it holds; a deadlock reported anyway (40P01)
// rolls the transaction back and it is run again — the producer too — a bounded number of times.
import { sql } from 'drizzle-orm';
import { invalidInput } from '../errors.ts';
import type { NormalizedFile } from '../types.ts';
import type { Db } from './database.ts';
import { versions } from './schema/index.ts';
import { batches, type FileRow, insertBlobs, insertDocMeta, insertFileRows, storedContents, type Tx } from './version-rows.ts';

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
   * Queues contents for writing, in ascending sha256 order across calls. Resolves once the batch
   * before it is stored, so the producer prepares the next batch while this one is written.
   */
  write(files: readonly NormalizedFile[]): Promise<void>;
}

/** What a producer returns once every content is handed over: the version's docs root and file rows. */
export interface ProducedVersion {
  docsRoot: string | null;
  files: FileRow[];
}

/** Called once per attempt: a transaction PostgreSQL broke as a deadlock runs the producer again. */
export type VersionProducer = (sink: ContentSink) => Promise<ProducedVersion>;

export interface WriteResult {
  versionId: number;
  /** False when another writer stored this version first; nothing was written then. */
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
      const contents = [...input.files].sort(byKey((file) => file.sha256));
      for (const batch of batches(contents, (file) => file.bytes.byteLength)) await sink.write(batch);
      return { docsRoot: input.docsRoot, files: input.files.map(({ path, sha256, route, note }) => ({ path, sha256, route, note })) };
    },
    hooks,
  );
}

/** Writes a version whose contents a producer hands over in batches; see the file comment. */
export async function writeVersionInBatches(db: Db, header: VersionHeader, produce: VersionProducer, hooks: WriteHooks = {}): Promise<WriteResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(db, header, produce, hooks);
    } catch (error) {
      if (sqlState(error) !== '40P01' || attempt >= DEADLOCK_ATTEMPTS) throw error;
      hooks.onDeadlockRetry?.(attempt, error);
      // A short random pause, so the two writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Writes batches one after another on the transaction, one statement group in flight at a time. Each
 * content is written once (the first file holding it, as the producer orders them), and contents the
 * database already holds are not sent again — a sync's second version is mostly such files.
 */
class TransactionSink implements ContentSink {
  blobsWritten = 0;
  private readonly seen = new Set<string>();
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(private readonly tx: Tx) {}

  async write(files: readonly NormalizedFile[]): Promise<void> {
    await this.settled();
    const fresh = files.filter((file) => !this.seen.has(file.sha256) && this.seen.add(file.sha256));
    if (fresh.length === 0) return;
    // Started, not awaited: the producer reads its next batch while the server stores this one.
    this.pending = this.store(fresh).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Waits for the batch in flight and reports its failure, if any. */
  async settled(): Promise<void> {
    await this.pending;
    if (this.failure !== null) throw this.failure;
  }

  private async store(files: NormalizedFile[]): Promise<void> {
    const stored = await storedContents(
      this.tx,
      files.map((file) => file.sha256),
    );
    this.blobsWritten += await insertBlobs(
      this.tx,
      files.filter((file) => !stored.has(file.sha256)),
    );
    await insertDocMeta(
      this.tx,
      files.filter((file) => file.doc && !stored.get(file.sha256)?.hasDoc),
    );
  }
}

async function writeOnce(db: Db, header: VersionHeader, produce: VersionProducer, hooks: WriteHooks): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(versions)
      .values({
        packageId: header.packageId,
        version: header.version,
        publishedAt: header.publishedAt,
        integrity: header.integrity,
        deprecated: header.deprecated,
        docsRoot: null,
        pagesRead: header.pagesRead ?? true,
        fileCount: header.fileCount,
        totalBytes: header.totalBytes,
      })
      .onConflictDoNothing({ target: [versions.packageId, versions.version] })
      .returning({ id: versions.id });
    const versionId = inserted[0]?.id;
    if (versionId === undefined) {
      const [existing] = await tx
        .select({ id: versions.id })
        .from(versions)
        .where(sql`${versions.packageId} = ${header.packageId} and ${versions.version} = ${header.version}`);
      return { versionId: existing?.id ?? -1, created: false, blobsWritten: 0, filesWritten: 0 };
    }

    const sink = new TransactionSink(tx);
    let produced: ProducedVersion;
    try {
      produced = await produce(sink);
    } finally {
      // Never leave a statement running on the transaction when it ends, whichever way it ends.
      await sink.settled().catch(() => {});
    }
    await sink.settled();
    checkPathLengths(header.version, produced.files);
    if (produced.docsRoot !== null) await tx.update(versions).set({ docsRoot: produced.docsRoot }).where(sql`${versions.id} = ${versionId}`);
    let filesWritten = 0;
    for (const batch of batches([...produced.files].sort(byKey((file) => file.path)))) {
      await insertFileRows(tx, versionId, batch);
      filesWritten += batch.length;
      await hooks.onFilesWritten?.(filesWritten, produced.files.length);
    }
    return { versionId, created: true, blobsWritten: sink.blobsWritten, filesWritten };
  });
}
