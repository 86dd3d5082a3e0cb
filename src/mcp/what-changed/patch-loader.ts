// Patches for many changes of one pair, rendered one at a time as the answer's budget allows:
// the two file lists are read once, and each change's blobs only when its patch is asked for.
import { renderFilePatch } from '../../diff/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { sidesOf } from '../../services/patch-inputs.ts';
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
