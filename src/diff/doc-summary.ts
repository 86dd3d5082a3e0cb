// The doc-aware summary of one version diff, and the one place that decides what a docs reader
// sees first: which changed files are pages, which renames a folder move explains (and which it
// does not), which pages changed most. The digest, the changelog, MCP's what_changed and the
// Markdown renderer all read this, so they list the same pages and the same moves; each of them
// only chooses how much of it to show. Pure: a VersionDiff in, plain data out.
//
// The rules:
// - A page is a Markdown/MDX file that a site serves: `.md`/`.mdx`, with no `_`-segment in its path
//   (`_navigation.mdx`, `_partials/x.mdx` are read or imported, never opened by a reader; the router
//   in normalize/routes.ts skips them the same way). A rename is a page when either side is one:
//   a link to the old path breaks either way. Everything else is an "other file".
// - A folder move explains a rename exactly when the move is the rename's folder pair
//   (`folderPairOf`, the rule the diff engine groups moves by): same file name, same folders below
//   the moved one. A page that changed name or sub-folder while its folder moved is "renamed on
//   its own" and is listed as such, since no move tells a reader where it went.
// - Pages that were under a moved folder and were removed rather than moved are named on the move:
//   the move does not explain them, and links into them break.
// - The most-changed pages are the edited pages (modified, or renamed with edits; text, not binary)
//   by lines changed, then by how many sections changed, then by path.
import type { DiffSummary, FileChange, FolderMove, VersionDiff } from '../types.ts';
import { folderPairOf } from './folder-moves.ts';
import { isMarkdownPath, isPartialPath } from '../normalize/routes.ts';

export type RenameChange = FileChange & { status: 'renamed' };

export interface SummaryMove extends FolderMove {
  /** How many of the files it moved are pages. */
  pages: number;
  /** Pages under `from` that were removed, not moved: the move does not explain them. */
  pagesLeftBehind: FileChange[];
}

export interface DocSummary {
  package: string;
  from: string;
  to: string;
  /** The diff's own counts, over every file. */
  summary: DiffSummary;
  /** Every folder move, most files first (the diff's order). */
  moves: SummaryMove[];
  /** Pages added / removed / modified in place, in the diff's (git's) path order. */
  addedPages: FileChange[];
  removedPages: FileChange[];
  modifiedPages: FileChange[];
  /** Renamed pages a folder move explains. */
  movedPages: RenameChange[];
  /** Renamed pages no folder move explains: each needs its own redirect. */
  renamedPages: RenameChange[];
  /** Pages whose text changed, most-changed first: the top of this list is "the most-changed pages". */
  editedPages: FileChange[];
  /** Changed files that are not pages (images, JSON, navigation data, partials). */
  otherFiles: FileChange[];
}

/** A file a docs site serves as a page (see the rules above). */
export function isPagePath(path: string): boolean {
  return isMarkdownPath(path) && !isPartialPath(path);
}

export function isPageChange(change: FileChange): boolean {
  return isPagePath(change.path) || (change.status === 'renamed' && isPagePath(change.oldPath));
}

export const isRename = (change: FileChange): change is RenameChange => change.status === 'renamed';

/** The move that explains a rename, or undefined when it was renamed on its own. */
export function moveOf(change: RenameChange, moves: readonly FolderMove[]): FolderMove | undefined {
  const pair = folderPairOf(change.oldPath, change.path);
  if (!pair) return undefined;
  return moves.find((move) => move.from === pair.from && move.to === pair.to);
}

const churn = (change: FileChange) => change.additions + change.deletions;

function sectionChanges(change: FileChange): number {
  const sections = change.doc?.sections;
  return sections ? sections.added.length + sections.removed.length + sections.changed.length : 0;
}

function byMostChanged(a: FileChange, b: FileChange): number {
  return churn(b) - churn(a) || sectionChanges(b) - sectionChanges(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

const isUnder = (path: string, folder: string) => folder === '.' || path.startsWith(`${folder}/`);

export function summarizeDocChanges(diff: VersionDiff): DocSummary {
  const addedPages: FileChange[] = [];
  const removedPages: FileChange[] = [];
  const modifiedPages: FileChange[] = [];
  const movedPages: RenameChange[] = [];
  const renamedPages: RenameChange[] = [];
  const otherFiles: FileChange[] = [];
  const pagesPerMove = new Map<FolderMove, number>();
  const movesByPair = new Map(diff.moves.map((move) => [`${move.from}\0${move.to}`, move]));
  const explaining = (change: RenameChange) => {
    const pair = folderPairOf(change.oldPath, change.path);
    return pair ? movesByPair.get(`${pair.from}\0${pair.to}`) : undefined;
  };
  for (const change of diff.files) {
    if (!isPageChange(change)) {
      otherFiles.push(change);
      continue;
    }
    if (change.status === 'added') addedPages.push(change);
    else if (change.status === 'removed') removedPages.push(change);
    else if (change.status === 'modified') modifiedPages.push(change);
    else {
      const move = explaining(change);
      if (move) pagesPerMove.set(move, (pagesPerMove.get(move) ?? 0) + 1);
      (move ? movedPages : renamedPages).push(change);
    }
  }
  const editedPages = [...modifiedPages, ...movedPages, ...renamedPages]
    .filter((change) => !change.binary && churn(change) > 0)
    .sort(byMostChanged);
  const moves = diff.moves.map((move) => ({
    ...move,
    pages: pagesPerMove.get(move) ?? 0,
    pagesLeftBehind: removedPages.filter((change) => isUnder(change.path, move.from)),
  }));
  return {
    package: diff.package,
    from: diff.from,
    to: diff.to,
    summary: diff.summary,
    moves,
    addedPages,
    removedPages,
    modifiedPages,
    movedPages,
    renamedPages,
    editedPages,
    otherFiles,
  };
}
