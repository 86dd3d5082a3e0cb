// Markdown every what_changed detail level starts with: the pair, the counts, the folder moves.
import type { DiffSummary, FileChange, FolderMove } from '../../types.ts';
import { code, plural, prose } from '../format/inline-text.ts';
import type { DiffView } from './load-diff-view.ts';
import { pagesPerMove } from './page-changes.ts';

export function countsLine(summary: DiffSummary): string {
  const total = summary.added + summary.removed + summary.modified + summary.renamed;
  return (
    `${total} ${total === 1 ? 'file' : 'files'} changed: ${summary.added} added, ${summary.removed} removed, ` +
    `${summary.modified} modified, ${summary.renamed} renamed (+${summary.additions} −${summary.deletions} lines).`
  );
}

export function headerLines(view: DiffView): string[] {
  const { diff, paths } = view;
  const lines = [`# ${prose(diff.package)} ${prose(diff.from)} → ${prose(diff.to)}`, '', countsLine(diff.summary)];
  if (paths.root) lines.push(`Paths are relative to the docs root ${code(paths.root)}.`);
  if (view.path !== null) lines.push(`Narrowed to ${code(paths.show(view.path))}.`);
  lines.push('');
  return lines;
}

export function folderName(folder: string, show: (path: string) => string): string {
  return folder === '.' ? './' : `${show(folder)}/`;
}

export function moveLine(move: FolderMove, pages: number, show: (path: string) => string): string {
  const what =
    pages === move.files ? plural(pages, 'page') : pages === 0 ? plural(move.files, 'file') : `${plural(move.files, 'file')} (${plural(pages, 'page')})`;
  const edited = move.edited === 0 ? 'none edited' : move.edited === move.files ? 'all edited' : `${move.edited} edited`;
  return `- ${code(`${folderName(move.from, show)} → ${folderName(move.to, show)}`)}: ${what}, ${edited}`;
}

/** The folder moves section; every move is named, since they explain most renames at once. */
export function moveLines(view: DiffView): string[] {
  const { moves, files } = view.diff;
  if (moves.length === 0) return [];
  const pages = pagesPerMove(files, moves);
  return [`## Folder moves (${moves.length})`, ...moves.map((move) => moveLine(move, pages.get(move) ?? 0, view.paths.show)), ''];
}

/** `**Title** \`path\``, or the path alone for a page without a title. */
export function pageLabel(change: FileChange, show: (path: string) => string, titleMax = 60): string {
  const title = change.title ? `**${prose(change.title, titleMax)}** ` : '';
  return `${title}${code(show(change.path))}`;
}

export function lineCounts(change: FileChange): string {
  return change.binary ? 'binary' : `+${change.additions} −${change.deletions}`;
}
