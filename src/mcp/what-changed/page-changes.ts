// Which changes are pages, which folder move explains a rename, and which pages changed most.
import { folderPairOf } from '../../diff/folder-moves.ts';
import { isMarkdownPath, isPartialPath } from '../../normalize/index.ts';
import type { FileChange, FolderMove } from '../../types.ts';

/** A served page: Markdown/MDX that is not a partial or a navigation file (`_navigation.mdx`). */
export function isPage(change: FileChange): boolean {
  return isMarkdownPath(change.path) && !isPartialPath(change.path);
}

export type Rename = FileChange & { status: 'renamed' };

export const isRename = (change: FileChange): change is Rename => change.status === 'renamed';

/** The move that explains a rename, found by the same folder pairing the diff engine uses. */
export function moveOf(change: Rename, moves: readonly FolderMove[]): FolderMove | undefined {
  const pair = folderPairOf(change.oldPath, change.path);
  if (!pair) return undefined;
  return moves.find((move) => move.from === pair.from && move.to === pair.to);
}

/** How many of a move's files are pages, so a move can be called "27 pages" when it is. */
export function pagesPerMove(files: readonly FileChange[], moves: readonly FolderMove[]): Map<FolderMove, number> {
  const counts = new Map<FolderMove, number>(moves.map((move) => [move, 0]));
  for (const change of files) {
    if (!isRename(change) || !isPage(change)) continue;
    const move = moveOf(change, moves);
    if (move) counts.set(move, (counts.get(move) ?? 0) + 1);
  }
  return counts;
}

function sectionChangeCount(change: FileChange): number {
  const sections = change.doc?.sections;
  return sections ? sections.added.length + sections.removed.length + sections.changed.length : 0;
}

/** Edited pages, most lines changed first; section changes break ties. */
export function mostChangedPages(files: readonly FileChange[]): FileChange[] {
  return files
    .filter((change) => isPage(change) && (change.status === 'modified' || change.status === 'renamed') && change.additions + change.deletions > 0)
    .sort(
      (a, b) =>
        b.additions + b.deletions - (a.additions + a.deletions) ||
        sectionChangeCount(b) - sectionChangeCount(a) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
}
