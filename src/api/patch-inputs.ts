// A whole-pair patch needs the bytes of every changed file on both sides. This reads only those
// files through the store's readers (no SQL here), so a patch of ten files never loads all 568.
import type { ServiceContext } from '../services/context.ts';
import type { ResolvedPair } from '../services/version-diff.ts';
import { loadBlobs } from '../store/blobs.ts';
import { listVersionFiles } from '../store/versions.ts';
import type { FileChange } from '../types.ts';

export interface PatchInput {
  path: string;
  bytes: Uint8Array;
}

async function sideFiles(ctx: ServiceContext, versionId: number, paths: Set<string>): Promise<PatchInput[]> {
  const listed = (await listVersionFiles(ctx.db, versionId)).filter((file) => paths.has(file.path));
  const blobs = await loadBlobs(ctx.db, listed.map((file) => file.sha256));
  return listed.map((file) => ({ path: file.path, bytes: blobs.get(file.sha256)?.content ?? new Uint8Array() }));
}

export async function loadPatchInputs(
  ctx: ServiceContext,
  pair: ResolvedPair,
  changes: readonly FileChange[],
): Promise<{ oldFiles: PatchInput[]; newFiles: PatchInput[] }> {
  const oldPaths = new Set<string>();
  const newPaths = new Set<string>();
  for (const change of changes) {
    if (change.status !== 'added') oldPaths.add(change.status === 'renamed' ? change.oldPath : change.path);
    if (change.status !== 'removed') newPaths.add(change.path);
  }
  const [oldFiles, newFiles] = await Promise.all([sideFiles(ctx, pair.from.id, oldPaths), sideFiles(ctx, pair.to.id, newPaths)]);
  return { oldFiles, newFiles };
}
