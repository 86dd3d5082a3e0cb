// Ingest: source files → their contents and file rows, each version seen whole or not at all,
// written batch by batch as the files are read (see store/write-version.ts), so a version's contents
// and statements are never all held. Pages (page fields, routes, the docs root) are read when a reader first needs them
// (page-reading.ts): a diff needs those of the changed files only, which it reads from their bytes.
import { DocdeltaError, toDocdeltaError } from '../errors.ts';
import { sha256Hex } from '../normalize/content-hash.ts';
import type { PackageSource } from '../source/package-source.ts';
import type { PackageRow } from '../store/packages.ts';
import { clearIngestFailure, recordIngestFailure } from '../store/versions.ts';
import { checkPathLengths, type WriteHooks, type WriteResult, writeVersionInBatches } from '../store/write-version.ts';
import type { NormalizedFile, SourceFile, SourceVersion } from '../types.ts';
import type { ServiceContext } from './context.ts';
import { NormalizeMemo, type ReadFile } from './normalize-memo.ts';

export interface IngestProgress {
  version: string;
  phase: 'fetch' | 'normalize' | 'write';
  done: number;
  total: number;
}

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Carried from one version to the next by a sync: unchanged files are not normalized again. */
  normalizeMemo?: NormalizeMemo;
  /** Test seam: runs after each written chunk, inside the transaction. */
  writeHooks?: WriteHooks;
  /** Content hashes already computed for some of these very file objects (read ahead: listings-ahead.ts). */
  knownHashes?: ReadonlyMap<SourceFile, string>;
}

export interface IngestedVersion extends WriteResult {
  version: string;
  files: number;
  bytes: number;
}

/**
 * Bytes of content read per batch before it is handed to the store: small enough that a version's
 * normalized pages and statements are never all in memory, big enough that a batch's round trips
 * (look-up, blobs, page metadata) stay few.
 */
export const READ_BATCH_BYTES = 1024 * 1024;
const READ_BATCH_FILES = 400;

export async function ingestFiles(
  ctx: ServiceContext,
  pkg: PackageRow,
  version: SourceVersion,
  files: SourceFile[],
  options: IngestOptions = {},
): Promise<IngestedVersion> {
  options.onProgress?.({ version: version.version, phase: 'normalize', done: 0, total: files.length });
  // Refused before anything is read or written (not every source checks path lengths itself).
  checkPathLengths(version.version, files);
  // A sync's memo carries results from the version before; alone, a version gets its own.
  const memo = options.normalizeMemo ?? new NormalizeMemo();
  memo.startVersion();
  const hashes = files.map((file) => options.knownHashes?.get(file) ?? sha256Hex(file.bytes));
  // Contents go to the store in sha256 order (its lock order). Ties keep the source's path order, so
  // the first file holding a content is the one whose page metadata is stored, as it always was.
  const order = files.map((_, index) => index).sort((a, b) => (hashes[a]! < hashes[b]! ? -1 : hashes[a]! > hashes[b]! ? 1 : a - b));
  const header = {
    packageId: pkg.id,
    version: version.version,
    publishedAt: version.publishedAt,
    integrity: version.integrity,
    deprecated: version.deprecated,
    fileCount: files.length,
    totalBytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0),
    pagesRead: false,
  };
  const onFilesWritten = options.writeHooks?.onFilesWritten;
  const result = await writeVersionInBatches(
    ctx.db,
    header,
    async (sink) => {
      // Files are read without routes (so the memo can reuse them across versions) and written as
      // they are read; only their small read results stay, for the layout and the file rows.
      const read: ReadFile[] = new Array(files.length);
      let batch: NormalizedFile[] = [];
      let batchBytes = 0;
      for (const index of order) {
        const file = files[index]!;
        read[index] = memo.read(file, hashes[index]!);
        batch.push({ ...read[index]!, bytes: file.bytes });
        batchBytes += file.bytes.byteLength;
        if (batchBytes >= READ_BATCH_BYTES || batch.length >= READ_BATCH_FILES) {
          await sink.write(batch);
          batch = [];
          batchBytes = 0;
        }
      }
      await sink.write(batch);
      // Pages are read (and routed) by the first reader that needs them: services/page-reading.ts.
      return { docsRoot: null, files: read.map((file) => ({ path: file.path, sha256: file.sha256, route: null, note: file.note })) };
    },
    {
      onFilesWritten: async (done, total) => {
        options.onProgress?.({ version: version.version, phase: 'write', done, total });
        await onFilesWritten?.(done, total);
      },
    },
  );
  return { ...result, version: version.version, files: files.length, bytes: header.totalBytes };
}

/** Fetches and stores one version; a failure is recorded for the package and rethrown. */
export async function ingestVersion(
  ctx: ServiceContext,
  pkg: PackageRow,
  source: PackageSource,
  version: SourceVersion,
  options: IngestOptions = {},
  /** The files, when a prefetch already started downloading them. */
  fetched?: Promise<SourceFile[]>,
): Promise<IngestedVersion> {
  try {
    options.onProgress?.({ version: version.version, phase: 'fetch', done: 0, total: 1 });
    const files = await (fetched ?? source.fetchVersion(version));
    const result = await ingestFiles(ctx, pkg, version, files, options);
    await clearIngestFailure(ctx.db, pkg.id, version.version);
    return result;
  } catch (error) {
    const failure = toDocdeltaError(error);
    await recordIngestFailure(ctx.db, pkg.id, version.version, failure.code, failure.message).catch(() => {});
    if (failure.code === 'INTERNAL' && !(error instanceof DocdeltaError)) throw error;
    throw failure;
  }
}
