// Ingest: source files → normalize → one transaction per version.
import { DocdeltaError, toDocdeltaError } from '../errors.ts';
import { detectDocsRoot, normalizeFile } from '../normalize/index.ts';
import type { PackageSource } from '../source/package-source.ts';
import type { PackageRow } from '../store/packages.ts';
import { clearIngestFailure, recordIngestFailure } from '../store/versions.ts';
import { type WriteHooks, type WriteResult, writeVersion } from '../store/write-version.ts';
import type { SourceFile, SourceVersion } from '../types.ts';
import type { ServiceContext } from './context.ts';
import type { NormalizeMemo } from './normalize-memo.ts';

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
}

export interface IngestedVersion extends WriteResult {
  version: string;
  files: number;
  bytes: number;
}

export async function ingestFiles(
  ctx: ServiceContext,
  pkg: PackageRow,
  version: SourceVersion,
  files: SourceFile[],
  options: IngestOptions = {},
): Promise<IngestedVersion> {
  const docsRoot = pkg.docsRoot ?? detectDocsRoot(files.map((file) => file.path));
  options.onProgress?.({ version: version.version, phase: 'normalize', done: 0, total: files.length });
  const normalized = options.normalizeMemo
    ? options.normalizeMemo.normalizeVersion(files, docsRoot)
    : files.map((file) => normalizeFile(file, { docsRoot }));
  const onFilesWritten = options.writeHooks?.onFilesWritten;
  const result = await writeVersion(
    ctx.db,
    {
      packageId: pkg.id,
      version: version.version,
      publishedAt: version.publishedAt,
      integrity: version.integrity,
      deprecated: version.deprecated,
      docsRoot,
      files: normalized,
    },
    {
      onFilesWritten: async (done, total) => {
        options.onProgress?.({ version: version.version, phase: 'write', done, total });
        await onFilesWritten?.(done, total);
      },
    },
  );
  return { ...result, version: version.version, files: normalized.length, bytes: normalized.reduce((sum, file) => sum + file.size, 0) };
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
