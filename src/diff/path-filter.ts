// `--path`: a folder/file prefix (`.docs/organized/docs/authkit`) or a glob (`**/sso/*.mdx`).
// A glob with `*` (within one folder name), `**` (any number of folders) or `?` (one character)
// matches the whole path, or any leading folder of it, so `**/authkit` selects everything under
// any `authkit` folder. A prefix matches whole path segments: `docs/auth` does not select
// `docs/authkit/x.mdx`. A rename is selected when either its old or its new path matches.
import type { DiffSummary, FileChange, FolderMove } from '../types.ts';
import { findFolderMoves } from './folder-moves.ts';
import { summarize } from './summary.ts';

export type PathMatcher = (path: string) => boolean;

function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/^\.\/+/, '').replace(/\/+$/, '');
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      // `**/` may also match no folder at all, so `**/x` matches a top-level `x`.
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}(?:/.*)?$`, 's');
}

const isGlob = (pattern: string) => /[*?]/.test(pattern);

/** A predicate for one or more patterns (any may match); no pattern, or only empty ones, matches everything. */
export function pathMatcher(patterns: string | readonly string[] | undefined): PathMatcher {
  const list = (typeof patterns === 'string' ? [patterns] : (patterns ?? [])).map(normalizePattern).filter(Boolean);
  if (list.length === 0) return () => true;
  const tests = list.map((pattern): PathMatcher => {
    if (isGlob(pattern)) {
      const regexp = globToRegExp(pattern);
      return (path) => regexp.test(path);
    }
    return (path) => path === pattern || path.startsWith(`${pattern}/`);
  });
  return (path) => tests.some((test) => test(path));
}

export function changeMatches(change: FileChange, matches: PathMatcher): boolean {
  return matches(change.path) || (change.status === 'renamed' && matches(change.oldPath));
}

/** The diff restricted to matching files, with its summary and folder moves recomputed for them. */
export function filterChanges<T extends { files: FileChange[]; moves: FolderMove[]; summary: DiffSummary }>(
  diff: T,
  patterns: string | readonly string[] | undefined,
): T {
  const matches = pathMatcher(patterns);
  const files = diff.files.filter((change) => changeMatches(change, matches));
  // Only moves the whole diff found true (they explain most of their folder), counted for the selection.
  const whole = new Map(diff.moves.map((move) => [`${move.from}\0${move.to}`, move]));
  const moves = findFolderMoves(files).flatMap((move) => {
    const found = whole.get(`${move.from}\0${move.to}`);
    if (!found) return [];
    return [found.uncovered ? { ...move, folderFiles: found.folderFiles, uncoveredCount: found.uncoveredCount, uncovered: found.uncovered.filter(matches) } : move];
  });
  return { ...diff, files, moves, summary: summarize(files) };
}
