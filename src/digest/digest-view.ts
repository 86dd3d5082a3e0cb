// What a digest talks about, sorted out of a VersionDiff: folder moves, pages added and removed,
// pages moved on their own, and the pages whose text changed most. Pure; paths are shown relative
// to the docs root, which is where readers know them from.
import type { FileChange, FolderMove, VersionDiff } from '../types.ts';

export interface DigestPage {
  /** Path relative to the docs root (the package root for files outside it). */
  shownPath: string;
  /** Full path in the package, as the diff viewer names the file. */
  path: string;
  title: string | null;
  change: FileChange;
}

export interface DigestMove {
  from: string;
  to: string;
  files: number;
  edited: number;
}

export interface DigestView {
  moves: DigestMove[];
  /** Pages added and removed; other files (images, package.json) only counted. */
  added: DigestPage[];
  removed: DigestPage[];
  otherFilesAdded: number;
  otherFilesRemoved: number;
  /** Renames that no folder move explains. */
  movedAlone: (DigestPage & { oldShownPath: string })[];
  /** Pages whose text changed (modified, or renamed with edits), most lines changed first. */
  mostChanged: DigestPage[];
  /** How many pages changed text in all, of which `mostChanged` lists the top. */
  editedPages: number;
}

const isPage = (change: FileChange) => change.title !== undefined || /\.mdx?$/i.test(change.path);
const churn = (change: FileChange) => change.additions + change.deletions;

export function relativeToRoot(path: string, docsRoot: string | null): string {
  if (!docsRoot || docsRoot === '.') return path;
  const root = docsRoot.replace(/\/+$/, '');
  if (path === root) return '.';
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

function coveredByMove(change: FileChange & { status: 'renamed' }, moves: readonly FolderMove[]): boolean {
  const under = (path: string, folder: string) => folder === '.' || path.startsWith(`${folder}/`);
  return moves.some((move) => under(change.oldPath, move.from) && under(change.path, move.to));
}

export function digestView(diff: VersionDiff, docsRoot: string | null): DigestView {
  const page = (change: FileChange): DigestPage => ({
    shownPath: relativeToRoot(change.path, docsRoot),
    path: change.path,
    title: change.title ?? null,
    change,
  });
  const edited = diff.files
    .filter((change) => isPage(change) && (change.status === 'modified' || change.status === 'renamed') && churn(change) > 0)
    .sort((a, b) => churn(b) - churn(a));
  return {
    moves: diff.moves.map((move) => ({
      from: relativeToRoot(move.from, docsRoot),
      to: relativeToRoot(move.to, docsRoot),
      files: move.files,
      edited: move.edited,
    })),
    added: diff.files.filter((change) => change.status === 'added' && isPage(change)).map(page),
    removed: diff.files.filter((change) => change.status === 'removed' && isPage(change)).map(page),
    otherFilesAdded: diff.files.filter((change) => change.status === 'added' && !isPage(change)).length,
    otherFilesRemoved: diff.files.filter((change) => change.status === 'removed' && !isPage(change)).length,
    movedAlone: diff.files.flatMap((change) =>
      change.status === 'renamed' && !coveredByMove(change, diff.moves)
        ? [{ ...page(change), oldShownPath: relativeToRoot(change.oldPath, docsRoot) }]
        : [],
    ),
    mostChanged: edited.map(page),
    editedPages: edited.length,
  };
}
