// `docdelta diff --format stat`: one line per file in git's --numstat naming, then the totals and
// the folder moves.
//
//   docs/{user-management → authkit}/actions.mdx +3 -4
//   assets/logo.png binary
//    3 files changed: 1 added, 0 removed, 1 modified, 1 renamed, +12 -4
//    moved docs/{user-management → authkit}/ (2 files, 1 edited)
import type { DiffSummary, FileChange, FolderMove } from '../types.ts';
import { ROOT_FOLDER } from './folder-moves.ts';
import { filterChanges } from './path-filter.ts';
import { quotePath } from './quote-path.ts';
import { ARROW, foldRenamePath } from './stat-path.ts';

export interface RenderOptions {
  /** Only files matching these prefixes/globs (see path-filter.ts). */
  path?: string | readonly string[];
}

type DiffView = { files: FileChange[]; moves: FolderMove[]; summary: DiffSummary };

export function statName(change: FileChange): string {
  return change.status === 'renamed' ? foldRenamePath(change.oldPath, change.path) : quotePath(change.path);
}

export function moveName(move: FolderMove): string {
  if (move.from === ROOT_FOLDER || move.to === ROOT_FOLDER) return `${quotePath(move.from)} ${ARROW} ${quotePath(move.to)}`;
  return foldRenamePath(`${move.from}/`, `${move.to}/`);
}

export function summaryLine(summary: DiffSummary): string {
  const total = summary.added + summary.removed + summary.modified + summary.renamed;
  return (
    `${total} ${total === 1 ? 'file' : 'files'} changed: ${summary.added} added, ${summary.removed} removed, ` +
    `${summary.modified} modified, ${summary.renamed} renamed, +${summary.additions} -${summary.deletions}`
  );
}

export function renderStat(diff: DiffView, options: RenderOptions = {}): string {
  const view = options.path === undefined ? diff : filterChanges(diff, options.path);
  const lines = view.files.map((change) =>
    change.binary ? `${statName(change)} binary` : `${statName(change)} +${change.additions} -${change.deletions}`,
  );
  lines.push(` ${summaryLine(view.summary)}`);
  for (const move of view.moves) lines.push(` moved ${moveName(move)} (${move.files} files, ${move.edited} edited)`);
  return `${lines.join('\n')}\n`;
}
