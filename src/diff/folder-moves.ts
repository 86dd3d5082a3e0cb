// Folder moves: the folder pairs that explain many renames at once
// (`docs/user-management -> docs/authkit: 117 files`).
//
// The rule. A rename belongs to the folder pair left after stripping the path segments both paths
// end with (file name included): `docs/user-management/sso/a.mdx -> docs/authkit/sso/a.mdx` gives
// `docs/user-management -> docs/authkit`, the widest (shallowest) pair that maps it, rather than
// `.../sso -> .../sso`. So a move always means "replace this folder prefix": every file it counts
// is `from/<rest>` -> `to/<rest>`, which is what link redirects need. A file whose name changed
// (`audit-logs/create-schema.mdx -> audit-logs/schema/create.mdx`) is not explained by a move and
// stays a plain rename. A pair is reported when at least 2 renames share it: one file on its own is
// just a rename, a shared prefix is the pattern users mean by "the folder moved". Pairs never nest
// (the shared tail is always stripped), so these are the fewest moves that explain those renames.
// The package root is spelled `.`.
import type { FileChange, FolderMove } from '../types.ts';
import { compareGitPaths } from './path-order.ts';

export const ROOT_FOLDER = '.';
const MIN_FILES_FOR_MOVE = 2;

/** The widest folder pair that maps `oldPath` to `newPath` by prefix, or null if there is none. */
export function folderPairOf(oldPath: string, newPath: string): { from: string; to: string } | null {
  const from = oldPath.split('/');
  const to = newPath.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length && from[from.length - 1 - shared] === to[to.length - 1 - shared]) {
    shared++;
  }
  // No shared file name: no folder prefix explains it. Everything shared: the paths are equal.
  if (shared === 0 || (shared === from.length && shared === to.length)) return null;
  const folder = (segments: string[]) => segments.slice(0, segments.length - shared).join('/') || ROOT_FOLDER;
  return { from: folder(from), to: folder(to) };
}

function wasEdited(change: FileChange & { status: 'renamed' }): boolean {
  return change.similarity < 1 || change.additions > 0 || change.deletions > 0;
}

/** Moves ordered by how many files they explain (most first), then by path. */
export function findFolderMoves(files: readonly FileChange[]): FolderMove[] {
  const byPair = new Map<string, FolderMove>();
  for (const change of files) {
    if (change.status !== 'renamed') continue;
    const pair = folderPairOf(change.oldPath, change.path);
    if (!pair) continue;
    const key = `${pair.from}\0${pair.to}`;
    let move = byPair.get(key);
    if (!move) {
      move = { ...pair, files: 0, edited: 0 };
      byPair.set(key, move);
    }
    move.files++;
    if (wasEdited(change)) move.edited++;
  }
  return [...byPair.values()]
    .filter((move) => move.files >= MIN_FILES_FOR_MOVE)
    .sort((a, b) => b.files - a.files || compareGitPaths(a.from, b.from) || compareGitPaths(a.to, b.to));
}
