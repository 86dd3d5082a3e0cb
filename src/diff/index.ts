/**
 * docdelta's diff engine: pure functions from two versions' files to "what changed".
 *
 * - `diffTrees(oldFiles, newFiles, options?)` pairs renames exactly as `git diff -M` does
 *   (rename-spec.md, with git >= 2.43.2's final-chunk rule and no silent rename limit), counts lines
 *   as `git diff --minimal --numstat`, adds page-level changes for .md/.mdx files that carry DocMeta,
 *   and groups renames into folder moves. Files come out in git's order.
 * - `toVersionDiff(pkg, from, to, treeDiff)` is the JSON object of the API; `filterChanges(diff, path)`
 *   narrows any diff to a prefix or glob and recomputes its summary and moves.
 * - `summarizeDocChanges(diff)` is the doc summary every consumer reads (pages, moves, most-changed).
 * - `renderStat`, `renderMarkdown`, `renderJson`, `renderPatch` / `renderFilePatch` are the output
 *   formats; the patch applies with `git apply` on the old tree. `renderNumstat`, `renderNameStatus`
 *   and `renderRaw` print git's script formats in git's exact shape. A `Paint` colours them.
 * - `ignoreWhitespace(diff)` is `git diff -w`: files changed only in whitespace (NBSP included)
 *   drop out, counts ignore whitespace; without it those files carry `whitespaceOnly`.
 * - `ALGORITHM_VERSION` changes whenever any of this would give a different result for the same
 *   input, so cached diffs keyed by it are recomputed.
 */
export { ALGORITHM_VERSION } from './algorithm-version.ts';

export { diffTrees, type DiffInputDoc, type DiffInputFile, type DiffOptions, pairRenames, type TreeDiff, type TreeRenames } from './diff-trees.ts';
export { docChanges } from './doc-changes.ts';
export { renderFilePatch, type PatchSide } from './file-patch.ts';
export { filterChanges, pathMatcher, type PathMatcher } from './path-filter.ts';
export { renderMarkdown, renderSummaryMarkdown } from './render-markdown.ts';
export { renderPatch } from './render-patch.ts';
export { renderStat, gitSummaryLine, statName, type RenderOptions } from './render-stat.ts';
export { gitBlobId, renderNameStatus, renderNumstat, renderRaw, statusField, type RawOptions } from './render-git.ts';
export { PLAIN, type Paint } from './paint.ts';
export { ignoreWhitespace, withoutWhitespace } from './whitespace.ts';
export { foldRenamePath } from './stat-path.ts';
export { renderJson, toVersionDiff } from './version-diff.ts';
export { type DocSummary, isPageChange, isPagePath, isRename, moveOf, type RenameChange, type SummaryMove, summarizeDocChanges } from './doc-summary.ts';
