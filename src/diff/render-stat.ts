// `docdelta diff --format stat`: `git diff --stat` with a status letter in front of each file.
//
//    M .docs/organized/docs/sso.mdx                       |  12 +++++++---
//    R .docs/organized/docs/{user-management => authkit}/actions.mdx |   7 ++++---
//    A assets/logo.png                                    | Bin
//    3 files changed, 19 insertions(+), 7 deletions(-)
//    1 added, 0 removed, 1 modified, 1 renamed
//    moved .docs/organized/docs/{user-management => authkit}/ (2 files, 1 edited)
//
// Columns follow git's layout rules (diff.c show_stats, re-derived here): the name column is as
// wide as the longest name unless the line would pass `width`; then the graph gets at most 3/8 of
// the width, the name the rest, and long names lose their head to `...`. Bars are scaled so the
// largest change fills the graph. A file whose changes are only whitespace says so after its bar.
import type { DiffSummary, FileChange, FolderMove } from '../types.ts';
import { ROOT_FOLDER } from './folder-moves.ts';
import { PLAIN, type Paint, paintStatus, STATUS_LETTER } from './paint.ts';
import { filterChanges } from './path-filter.ts';
import { quotePath } from './quote-path.ts';
import { ARROW, foldRenamePath } from './stat-path.ts';
import { whitespaceOnlyCount } from './summary.ts';
import { plural } from '../plural.ts';

export interface RenderOptions {
  /** Only files matching these prefixes/globs (see path-filter.ts). */
  path?: string | readonly string[];
  /** Terminal colours; plain text by default. */
  paint?: Paint;
  /** Total line width for `stat` (git's `--stat=<width>`); 80 by default, the terminal's width on a TTY. */
  width?: number;
}

type DiffView = { files: FileChange[]; moves: FolderMove[]; summary: DiffSummary };

const GIT_ARROW = '=>';
const DEFAULT_WIDTH = 80;
/** `X ` before git's line. */
const LETTER_COLUMNS = 2;

/** A file's name as git's --stat and --numstat print it: quoted where git quotes, renames folded with `=>`. */
export function statName(change: FileChange): string {
  return change.status === 'renamed' ? foldRenamePath(change.oldPath, change.path, GIT_ARROW) : quotePath(change.path);
}

/** A folder move's folded name; `→` for people (Markdown), `=>` in git-shaped output. */
export function moveName(move: FolderMove, arrow = ARROW): string {
  if (move.from === ROOT_FOLDER || move.to === ROOT_FOLDER) return `${quotePath(move.from)} ${arrow} ${quotePath(move.to)}`;
  return foldRenamePath(`${move.from}/`, `${move.to}/`, arrow);
}

/** docdelta's one-line summary (Markdown and MCP headers). */
export function summaryLine(summary: DiffSummary): string {
  const total = summary.added + summary.removed + summary.modified + summary.renamed;
  return (
    `${total} ${total === 1 ? 'file' : 'files'} changed: ${summary.added} added, ${summary.removed} removed, ` +
    `${summary.modified} modified, ${summary.renamed} renamed, +${summary.additions} -${summary.deletions}`
  );
}


/** Git's closing line, word for word: ` 3 files changed, 19 insertions(+), 7 deletions(-)`. */
export function gitSummaryLine(summary: DiffSummary): string {
  const files = summary.added + summary.removed + summary.modified + summary.renamed;
  if (files === 0) return ' 0 files changed';
  let line = ` ${plural(files, 'file changed', 'files changed')}`;
  // Git keeps a zero count when both are zero, so "2 files changed" never looks like a bug.
  if (summary.additions > 0 || summary.deletions === 0) line += `, ${plural(summary.additions, 'insertion(+)', 'insertions(+)')}`;
  if (summary.deletions > 0 || summary.additions === 0) line += `, ${plural(summary.deletions, 'deletion(-)', 'deletions(-)')}`;
  return line;
}

/** Git's scale_linear: a nonzero change always gets at least one column. */
function scale(value: number, width: number, max: number): number {
  return value === 0 ? 0 : 1 + Math.floor((value * (width - 1)) / max);
}

/** The name cut to `width` columns from the left, `...` in front, starting at a folder when it can. */
function truncateName(name: string, width: number): string {
  if (name.length <= width) return name;
  const keep = Math.max(0, width - 3);
  let tail = name.slice(name.length - keep);
  const slash = tail.indexOf('/');
  if (slash > 0) tail = tail.slice(slash);
  return `...${tail}`;
}

interface Layout {
  nameWidth: number;
  numberWidth: number;
  graphWidth: number;
  maxChange: number;
}

/**
 * Git's column rules for a line of `width` columns, of which the status letter takes two: the
 * rest is laid out exactly as `git diff --stat=<width - 2>` would, so the two line up.
 */
function layoutFor(files: readonly FileChange[], names: readonly string[], totalWidth: number): Layout {
  const maxName = Math.max(0, ...names.map((name) => name.length));
  const maxChange = Math.max(0, ...files.filter((change) => !change.binary).map((change) => change.additions + change.deletions));
  const numberWidth = String(maxChange).length;
  // ` ` + name + ` | ` + count + ` ` + graph, and an empty last column: 6 + the count's width.
  const fixed = numberWidth + 6;
  const width = Math.max(totalWidth - LETTER_COLUMNS, 16 + fixed);
  let graphWidth = maxChange;
  let nameWidth = maxName;
  if (nameWidth + fixed + graphWidth > width) {
    const graphCap = Math.max(6, Math.floor((width * 3) / 8) - fixed);
    if (graphWidth > graphCap) graphWidth = graphCap;
    if (nameWidth > width - fixed - graphWidth) nameWidth = width - fixed - graphWidth;
    else graphWidth = width - fixed - nameWidth;
  }
  return { nameWidth, numberWidth, graphWidth, maxChange };
}

function bar(change: FileChange, layout: Layout, paint: Paint): string {
  let plus = change.additions;
  let minus = change.deletions;
  if (layout.graphWidth <= layout.maxChange) {
    let total = scale(plus + minus, layout.graphWidth, layout.maxChange);
    if (total < 2 && plus > 0 && minus > 0) total = 2;
    if (plus < minus) {
      plus = scale(plus, layout.graphWidth, layout.maxChange);
      minus = total - plus;
    } else {
      minus = scale(minus, layout.graphWidth, layout.maxChange);
      plus = total - minus;
    }
  }
  return `${plus ? paint.added('+'.repeat(plus)) : ''}${minus ? paint.removed('-'.repeat(minus)) : ''}`;
}

function letterPaint(change: FileChange, paint: Paint): string {
  return paintStatus(change, STATUS_LETTER[change.status], paint);
}

export function renderStat(diff: DiffView, options: RenderOptions = {}): string {
  const view = options.path === undefined ? diff : filterChanges(diff, options.path);
  const paint = options.paint ?? PLAIN;
  const names = view.files.map(statName);
  const layout = layoutFor(view.files, names, Math.max(40, options.width ?? DEFAULT_WIDTH));
  const lines = view.files.map((change, i) => {
    const name = truncateName(names[i]!, layout.nameWidth).padEnd(layout.nameWidth);
    const shownName = change.status === 'renamed' ? paint.renamed(name) : name;
    const head = ` ${letterPaint(change, paint)} ${shownName} | `;
    if (change.binary) return `${head}${'Bin'.padStart(layout.numberWidth)}`;
    const count = String(change.additions + change.deletions).padStart(layout.numberWidth);
    const note = change.whitespaceOnly ? paint.dim(' (whitespace only)') : '';
    return `${head}${count} ${bar(change, layout, paint)}${note}`.trimEnd();
  });
  lines.push(gitSummaryLine(view.summary));
  const { added, removed, modified, renamed } = view.summary;
  const invisible = whitespaceOnlyCount(view.files);
  const whitespace = invisible > 0 ? `, ${invisible} of them whitespace only` : '';
  lines.push(paint.dim(` ${added} added, ${removed} removed, ${modified} modified, ${renamed} renamed${whitespace}`));
  for (const move of view.moves) lines.push(paint.renamed(` moved ${moveName(move, GIT_ARROW)} (${move.files} files, ${move.edited} edited)`));
  return `${lines.join('\n')}\n`;
}
