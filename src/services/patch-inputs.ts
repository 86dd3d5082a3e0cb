// What a patch needs: the bytes of both sides of some changes. Only those files are read, so a
// patch of ten files never loads a whole release, and page metadata is never read at all.
import { loadBlobs } from '../store/blobs.ts';
import { findVersionFiles } from '../store/versions.ts';
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
  if (paths.size === 0) return [];
  const listed = await findVersionFiles(ctx.db, versionId, paths);
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
