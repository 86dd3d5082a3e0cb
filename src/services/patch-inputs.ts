// What a patch needs: the bytes of both sides of some changes. Only those files are read, so a
// patch of ten files never loads a whole release, and page metadata is never read at all.
import { renderFilePatch } from '../diff/index.ts';
import { loadBlobs } from '../store/blobs.ts';
import { listVersionFiles } from '../store/versions.ts';
import type { FileChange } from '../types.ts';
import type { ServiceContext } from './context.ts';
import type { ResolvedPair } from './catalog.ts';

export interface PatchInput {
  path: string;
  bytes: Uint8Array;
  binary: boolean;
}

/** The path a change had in the old version and has in the new one (null where it did not exist). */
export function sidesOf(change: FileChange): { oldPath: string | null; newPath: string | null } {
  return {
    oldPath: change.status === 'added' ? null : change.status === 'renamed' ? change.oldPath : change.path,
    newPath: change.status === 'removed' ? null : change.path,
  };
}

async function sideFiles(ctx: ServiceContext, versionId: number, paths: Set<string>): Promise<PatchInput[]> {
  const listed = (await listVersionFiles(ctx.db, versionId)).filter((file) => paths.has(file.path));
  const blobs = await loadBlobs(ctx.db, listed.map((file) => file.sha256));
  return listed.map((file) => {
    const blob = blobs.get(file.sha256);
    return { path: file.path, bytes: blob?.content ?? new Uint8Array(), binary: blob?.binary ?? false };
  });
}

export async function loadPatchInputs(
  ctx: ServiceContext,
  pair: ResolvedPair,
  changes: readonly FileChange[],
): Promise<{ oldFiles: PatchInput[]; newFiles: PatchInput[] }> {
  const oldPaths = new Set<string>();
  const newPaths = new Set<string>();
  for (const change of changes) {
    const { oldPath, newPath } = sidesOf(change);
    if (oldPath) oldPaths.add(oldPath);
    if (newPath) newPaths.add(newPath);
  }
  const [oldFiles, newFiles] = await Promise.all([sideFiles(ctx, pair.from.id, oldPaths), sideFiles(ctx, pair.to.id, newPaths)]);
  return { oldFiles, newFiles };
}

export interface PatchLoader {
  patchOf(change: FileChange): Promise<string>;
}

/**
 * Patches for many changes of one pair, rendered one at a time as a caller's budget allows (MCP's
 * what_changed): the two file lists are read once, each change's blobs only when its patch is asked for.
 */
export async function patchLoader(ctx: ServiceContext, pair: ResolvedPair): Promise<PatchLoader> {
  const [oldFiles, newFiles] = await Promise.all([listVersionFiles(ctx.db, pair.from.id), listVersionFiles(ctx.db, pair.to.id)]);
  const oldSha = new Map(oldFiles.map((file) => [file.path, file.sha256]));
  const newSha = new Map(newFiles.map((file) => [file.path, file.sha256]));
  return {
    async patchOf(change) {
      const { oldPath, newPath } = sidesOf(change);
      const before = oldPath ? oldSha.get(oldPath) : undefined;
      const after = newPath ? newSha.get(newPath) : undefined;
      const blobs = await loadBlobs(ctx.db, [before, after].filter((sha): sha is string => Boolean(sha)));
      const side = (sha: string | undefined) => {
        const blob = sha ? blobs.get(sha) : undefined;
        return blob ? { bytes: blob.content } : null;
      };
      return renderFilePatch(change, side(before), side(after));
    },
  };
}
