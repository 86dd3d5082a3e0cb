// Diffs read back from the jsonb cache come with PostgreSQL's key order (shortest key first), so
// the same diff would serialize differently cold and warm. The HTTP API and `--format json` always
// write the key order of design.md, which keeps bodies (and people reading them) stable.
import type { DocChanges, FileChange, FolderMove, VersionDiff } from '../types.ts';

function orderDoc(doc: DocChanges): DocChanges {
  return {
    titleBefore: doc.titleBefore,
    titleAfter: doc.titleAfter,
    frontmatter: doc.frontmatter.map((field) => ({ field: field.field, before: field.before, after: field.after, ...(field.whitespaceOnly ? { whitespaceOnly: true as const } : {}) })),
    sections: { added: doc.sections.added, removed: doc.sections.removed, changed: doc.sections.changed },
    removedAnchors: doc.removedAnchors,
  };
}

export function orderFileChange(change: FileChange): FileChange {
  const head =
    change.status === 'renamed'
      ? { status: change.status, path: change.path, oldPath: change.oldPath, similarity: change.similarity }
      : { status: change.status, path: change.path };
  return {
    ...head,
    additions: change.additions,
    deletions: change.deletions,
    ...(change.binary !== undefined ? { binary: change.binary } : {}),
    ...(change.title !== undefined ? { title: change.title } : {}),
    ...(change.doc !== undefined ? { doc: orderDoc(change.doc) } : {}),
    // What the diff engine tells about whitespace reaches API clients too (the web viewer marks it).
    ...(change.whitespaceOnly ? { whitespaceOnly: true as const } : {}),
    ...(change.ignoringWhitespace !== undefined ? { ignoringWhitespace: { additions: change.ignoringWhitespace.additions, deletions: change.ignoringWhitespace.deletions } } : {}),
  } as FileChange;
}

const orderMove = (move: FolderMove): FolderMove => ({ from: move.from, to: move.to, files: move.files, edited: move.edited });

export function orderVersionDiff(diff: VersionDiff): VersionDiff {
  const { summary } = diff;
  return {
    package: diff.package,
    from: diff.from,
    to: diff.to,
    summary: {
      added: summary.added,
      removed: summary.removed,
      modified: summary.modified,
      renamed: summary.renamed,
      additions: summary.additions,
      deletions: summary.deletions,
    },
    moves: diff.moves.map(orderMove),
    files: diff.files.map(orderFileChange),
  };
}
