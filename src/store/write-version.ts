// Writes one version in a single transaction: all of it or none of it.
import { sql } from 'drizzle-orm';
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

function chunks<T>(items: T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columnsPerRow));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface WriteHooks {
  /** Called after each chunk of files; tests use it to fail part-way, the CLI to show progress. */
  onFilesWritten?: (written: number, total: number) => void | Promise<void>;
}

export async function writeVersion(db: Db, input: VersionToWrite, hooks: WriteHooks = {}): Promise<WriteResult> {
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
    let blobsWritten = 0;
    for (const batch of chunks([...distinct.values()], 4)) {
      const rows = await tx
        .insert(blobs)
        .values(batch.map((file) => ({ sha256: file.sha256, size: file.size, binary: file.binary, content: file.bytes })))
        .onConflictDoNothing({ target: blobs.sha256 })
        .returning({ sha256: blobs.sha256 });
      blobsWritten += rows.length;
    }
    const docs = [...distinct.values()].filter((file) => file.doc);
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
    for (const batch of chunks(input.files, 5)) {
      await tx.insert(versionFiles).values(
        batch.map((file) => ({ versionId, path: file.path, sha256: file.sha256, route: file.route, note: file.note })),
      );
      filesWritten += batch.length;
      await hooks.onFilesWritten?.(filesWritten, input.files.length);
    }
    return { versionId, created: true, blobsWritten, filesWritten };
  });
}
