// Folder moves: the folder pairs that explain many renames at once
// (`docs/user-management -> docs/authkit: 117 files`).
//
// The rule. A rename belongs to the folder pair left after stripping the path segments both paths
// end with (file name included): `docs/user-management/sso/a.mdx -> docs/authkit/sso/a.mdx` gives
// `docs/user-management -> docs/authkit`, the widest (shallowest) pair that maps it, rather than
// `.../sso -> .../sso`. So a move always means "replace this folder prefix": every file it counts
// is `from/<rest>` -> `to/<rest>`, which is what link redirects need. A file whose name changed
// (`audit-logs/create-schema.mdx -> audit-logs/schema/create.mdx`) is not explained by a move and
// stays a plain rename. Pairs never nest (the shared tail is always stripped), so these are the
// fewest moves that explain those renames. The package root is spelled `.`.
//
// When is it a move? "The folder moved" is a claim about the folder, not about two files in it. A pair
// is reported when at least 2 renames share it (one file on its own is just a rename) AND, when the
// old version's file list is known, those renames are at least half of the files the old folder held
// (`MIN_SHARE_OF_FOLDER`). Eleven files of a 363-file folder going elsewhere is a handful of renames,
// and calling it a move would make redirect rules send the other 352 pages to pages that do not exist.
// A reported move lists the old folder's files it does not explain (`uncovered`: removed, kept, or
// gone elsewhere), so a reader sees what "moved" leaves out.
import type { FileChange, FolderMove } from '../types.ts';
import { compareGitPaths } from './path-order.ts';

export const ROOT_FOLDER = '.';
const MIN_FILES_FOR_MOVE = 2;
/** A move must explain at least this share of the files its old folder held. */
const MIN_SHARE_OF_FOLDER = 0.5;
/** Uncovered files listed per move; the count says how many there are in all. */
const MAX_UNCOVERED_LISTED = 100;

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

const isUnder = (path: string, folder: string) => folder === ROOT_FOLDER || path.startsWith(`${folder}/`);

/**
 * Moves ordered by how many files they explain (most first), then by path. With `fromPaths` (every
 * file of the old version) a move must explain most of its old folder, and lists the rest.
 */
export function findFolderMoves(files: readonly FileChange[], fromPaths?: readonly string[]): FolderMove[] {
  const byPair = new Map<string, FolderMove & { explained: Set<string> }>();
  for (const change of files) {
    if (change.status !== 'renamed') continue;
    const pair = folderPairOf(change.oldPath, change.path);
    if (!pair) continue;
    const key = `${pair.from}\0${pair.to}`;
    let move = byPair.get(key);
    if (!move) {
      move = { ...pair, files: 0, edited: 0, explained: new Set() };
      byPair.set(key, move);
    }
    move.files++;
    move.explained.add(change.oldPath);
    if (wasEdited(change)) move.edited++;
  }
  const moves: FolderMove[] = [];
  for (const { explained, ...move } of byPair.values()) {
    if (move.files < MIN_FILES_FOR_MOVE) continue;
    if (fromPaths) {
      const folder = fromPaths.filter((path) => isUnder(path, move.from));
      if (move.files < folder.length * MIN_SHARE_OF_FOLDER) continue;
      const uncovered = folder.filter((path) => !explained.has(path));
      moves.push({ ...move, folderFiles: folder.length, uncoveredCount: uncovered.length, uncovered: uncovered.slice(0, MAX_UNCOVERED_LISTED) });
    } else {
      moves.push(move);
    }
  }
  return moves.sort((a, b) => b.files - a.files || compareGitPaths(a.from, b.from) || compareGitPaths(a.to, b.to));
}
