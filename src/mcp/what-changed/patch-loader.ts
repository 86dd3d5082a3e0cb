// Patches for many changes of one pair at once. getFileDiff answers one file per call and reloads
// the pair's diff each time (about 0.3 s on the real package), so the patch detail reads the two
// file lists once and each needed blob once.
// The lead may move this into services/version-diff.ts as `getPatches`; it only uses store reads
// that already exist.
import { renderFilePatch } from '../../diff/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ResolvedPair } from '../../services/version-diff.ts';
import { loadBlobs } from '../../store/blobs.ts';
import { listVersionFiles } from '../../store/versions.ts';
import type { FileChange } from '../../types.ts';

export interface PatchLoader {
  patchOf(change: FileChange): Promise<string>;
}

export async function patchLoader(ctx: ServiceContext, pair: ResolvedPair): Promise<PatchLoader> {
  const [oldFiles, newFiles] = await Promise.all([listVersionFiles(ctx.db, pair.from.id), listVersionFiles(ctx.db, pair.to.id)]);
  const oldSha = new Map(oldFiles.map((file) => [file.path, file.sha256]));
  const newSha = new Map(newFiles.map((file) => [file.path, file.sha256]));
  return {
    async patchOf(change) {
      const oldPath = change.status === 'renamed' ? change.oldPath : change.status === 'added' ? null : change.path;
      const newPath = change.status === 'removed' ? null : change.path;
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
