// Pieces of what_changed's JSON, built from the diff's own shapes; lists are bounded like the text.
import type { DocChanges, FileChange } from '../../types.ts';
import { oneLine } from '../format/inline-text.ts';
import { STRUCTURED_MOVES_MAX } from '../limits.ts';
import type { DiffView } from './load-diff-view.ts';
import type { Detail, DocChangesOut, FileOut, WhatChangedOutput } from './output-schema.ts';
import { pagesPerMove } from './page-changes.ts';

const LIST_MAX = 20;

export function fileOut(change: FileChange): FileOut {
  return {
    status: change.status,
    path: change.path,
    ...(change.status === 'renamed' ? { oldPath: change.oldPath, similarity: change.similarity } : {}),
    additions: change.additions,
    deletions: change.deletions,
    ...(change.binary ? { binary: true } : {}),
    ...(change.title !== undefined ? { title: change.title === null ? null : oneLine(change.title, 200) } : {}),
  };
}

const bounded = (names: readonly string[]) => names.slice(0, LIST_MAX).map((name) => oneLine(name, 200));

export function docOut(doc: DocChanges): DocChangesOut {
  return {
    titleBefore: doc.titleBefore === null ? null : oneLine(doc.titleBefore, 200),
    titleAfter: doc.titleAfter === null ? null : oneLine(doc.titleAfter, 200),
    frontmatterFields: bounded(doc.frontmatter.map((field) => field.field)),
    sectionsAdded: bounded(doc.sections.added),
    sectionsRemoved: bounded(doc.sections.removed),
    sectionsChanged: bounded(doc.sections.changed),
    removedAnchors: bounded(doc.removedAnchors),
  };
}

/** The fields every detail level shares. */
export function baseOutput(view: DiffView, detail: Detail): WhatChangedOutput {
  const pages = pagesPerMove(view.diff.files, view.diff.moves);
  return {
    package: view.diff.package,
    from: view.diff.from,
    to: view.diff.to,
    detail,
    path: view.path,
    docsRoot: view.paths.root ? view.paths.root.replace(/\/$/, '') : null,
    summary: { ...view.diff.summary },
    moves: view.diff.moves
      .slice(0, STRUCTURED_MOVES_MAX)
      .map((move) => ({ from: move.from, to: move.to, files: move.files, edited: move.edited, pages: pages.get(move) ?? 0 })),
    totalFiles: view.diff.files.length,
    truncated: view.diff.moves.length > STRUCTURED_MOVES_MAX,
    more: [],
  };
}
