// The whole comparison of two versions' file lists: which paths were added, removed, modified or
// renamed (git's `diff -M`), their line counts (git's `--minimal --numstat`), page-level changes
// for docs, the folder moves and the totals.
import { invalidInput } from '../errors.ts';
import { isBinaryContent } from './binary.ts';
import type { DiffSummary, DocMeta, FileChange, FolderMove } from '../types.ts';
import { detectRenames } from './detect-renames.ts';
import { docChanges, isDocPath } from './doc-changes.ts';
import type { FrontmatterSide } from './frontmatter-changes.ts';
import { findFolderMoves } from './folder-moves.ts';
import { compareLines, countLineChanges } from './line-counts.ts';
import { compareGitPaths } from './path-order.ts';
import { scoreToSimilarity, thresholdToScore } from './similarity.ts';
import { summarize } from './summary.ts';
import { countIgnoringWhitespace } from './whitespace.ts';

/**
 * The page fields the engine compares; the rest of DocMeta is never read here. Frontmatter comes as
 * its values or, read from the store, as their brief (frontmatter-changes.ts): one of the two.
 */
export type DiffInputDoc = Pick<DocMeta, 'title' | 'headings'> & FrontmatterSide;

export interface DiffInputFile {
  path: string;
  sha256: string;
  bytes: Uint8Array;
  doc?: DiffInputDoc | null;
}

export interface DiffOptions {
  /** Minimum similarity for an inexact rename, in percent (git's `-M<n>%`). Default 50; 100 = exact only. */
  renameThreshold?: number;
  /** Skip inexact rename search when remaining deleted x added paths exceed limit². Default: unlimited. */
  renameLimit?: number;
  /**
   * The renames of these very trees, found ahead by `pairRenames` with the same threshold and limit:
   * a caller reading files from a database can search while the other files are still arriving.
   */
  renames?: TreeRenames;
}

/** Rename pairs by path, as `pairRenames` finds them. */
export interface TreeRenames {
  pairs: { oldPath: string; newPath: string; score: number }[];
  limitApplied: boolean;
}

export interface TreeDiff {
  files: FileChange[];
  moves: FolderMove[];
  summary: DiffSummary;
  /** True when `renameLimit` made the search skip inexact renames, so some renames may show as add + remove. */
  renameLimitApplied: boolean;
}

const DEFAULT_RENAME_THRESHOLD = 50;

function indexByPath(files: readonly DiffInputFile[], side: string): Map<string, DiffInputFile> {
  const byPath = new Map<string, DiffInputFile>();
  for (const file of files) {
    if (byPath.has(file.path)) throw invalidInput(`${side} tree lists ${JSON.stringify(file.path)} twice`);
    byPath.set(file.path, file);
  }
  return byPath;
}

const sortedPaths = (files: readonly DiffInputFile[]) => files.map((file) => file.path).sort(compareGitPaths);

function fileDetail(oldFile: DiffInputFile | null, newFile: DiffInputFile | null) {
  const empty = new Uint8Array(0);
  // Git's numstat skips the diff for identical blobs (but still says binary for binary ones).
  const identical = oldFile !== null && newFile !== null && oldFile.sha256 === newFile.sha256;
  const lines = oldFile && newFile && !identical ? compareLines(oldFile.bytes, newFile.bytes) : null;
  const counts = identical
    ? { additions: 0, deletions: 0, binary: isBinaryContent(newFile.bytes) }
    : (lines?.counts ?? countLineChanges(oldFile?.bytes ?? empty, newFile?.bytes ?? empty));
  const detail: Pick<FileChange, 'additions' | 'deletions' | 'binary' | 'title' | 'doc' | 'whitespaceOnly' | 'ignoringWhitespace'> = {
    additions: counts.additions,
    deletions: counts.deletions,
  };
  if (counts.binary) detail.binary = true;
  // Both sides present and different: what `-w` would count, and whether only whitespace changed.
  if (oldFile && newFile && !identical && !counts.binary && counts.additions + counts.deletions > 0) {
    const ignoring = countIgnoringWhitespace(oldFile.bytes, newFile.bytes, lines ?? undefined);
    if (ignoring.additions + ignoring.deletions === 0) detail.whitespaceOnly = true;
    if (ignoring.additions !== counts.additions || ignoring.deletions !== counts.deletions) detail.ignoringWhitespace = ignoring;
  }
  const titled = newFile ?? oldFile!;
  if (titled.doc) detail.title = titled.doc.title;
  if (oldFile?.doc && newFile?.doc && !identical && !counts.binary && isDocPath(newFile.path)) {
    const decoder = new TextDecoder();
    detail.doc = docChanges(decoder.decode(oldFile.bytes), oldFile.doc, decoder.decode(newFile.bytes), newFile.doc);
  }
  return detail;
}

/** Paths only in the old tree (rename sources) and only in the new one (destinations), in git's order. */
function renameCandidates(oldByPath: Map<string, DiffInputFile>, newByPath: Map<string, DiffInputFile>) {
  const sources = sortedPaths([...oldByPath.values()]).filter((path) => !newByPath.has(path)).map((path) => oldByPath.get(path)!);
  const destinations = sortedPaths([...newByPath.values()]).filter((path) => !oldByPath.has(path)).map((path) => newByPath.get(path)!);
  return { sources, destinations };
}

function findTreeRenames(oldByPath: Map<string, DiffInputFile>, newByPath: Map<string, DiffInputFile>, options: DiffOptions): TreeRenames {
  const { sources, destinations } = renameCandidates(oldByPath, newByPath);
  const found = detectRenames(sources, destinations, {
    minScore: thresholdToScore(options.renameThreshold ?? DEFAULT_RENAME_THRESHOLD),
    renameLimit: options.renameLimit,
  });
  return {
    pairs: found.pairs.map((pair) => ({ oldPath: sources[pair.src]!.path, newPath: destinations[pair.dst]!.path, score: pair.score })),
    limitApplied: found.limitApplied,
  };
}

/**
 * The renames `diffTrees` would find in these trees. Only the bytes of files whose path is in one
 * tree alone are read, so the other files may still be empty here.
 */
export function pairRenames(oldFiles: DiffInputFile[], newFiles: DiffInputFile[], options: Omit<DiffOptions, 'renames'> = {}): TreeRenames {
  return findTreeRenames(indexByPath(oldFiles, 'old'), indexByPath(newFiles, 'new'), options);
}

export function diffTrees(oldFiles: DiffInputFile[], newFiles: DiffInputFile[], options: DiffOptions = {}): TreeDiff {
  const oldByPath = indexByPath(oldFiles, 'old');
  const newByPath = indexByPath(newFiles, 'new');
  const renames = options.renames ?? findTreeRenames(oldByPath, newByPath, options);
  const renameOf = new Map<string, { source: DiffInputFile; score: number }>();
  const renamedSources = new Set<string>();
  for (const pair of renames.pairs) {
    const source = oldByPath.get(pair.oldPath);
    if (!source || newByPath.has(pair.oldPath) || !newByPath.has(pair.newPath) || oldByPath.has(pair.newPath)) {
      throw invalidInput(`the given rename ${JSON.stringify(pair.oldPath)} → ${JSON.stringify(pair.newPath)} does not fit these trees`);
    }
    renameOf.set(pair.newPath, { source, score: pair.score });
    renamedSources.add(pair.oldPath);
  }

  // Git's output order: path order, each rename at its destination, consumed deletions gone.
  const paths = [...new Set([...oldByPath.keys(), ...newByPath.keys()])].sort(compareGitPaths);
  const files: FileChange[] = [];
  for (const path of paths) {
    const oldFile = oldByPath.get(path) ?? null;
    const newFile = newByPath.get(path) ?? null;
    if (oldFile && newFile) {
      if (oldFile.sha256 !== newFile.sha256) files.push({ status: 'modified', path, ...fileDetail(oldFile, newFile) });
    } else if (newFile) {
      const rename = renameOf.get(path);
      if (rename) {
        files.push({
          status: 'renamed',
          path,
          oldPath: rename.source.path,
          similarity: scoreToSimilarity(rename.score),
          ...fileDetail(rename.source, newFile),
        });
      } else {
        files.push({ status: 'added', path, ...fileDetail(null, newFile) });
      }
    } else if (oldFile && !renamedSources.has(path)) {
      files.push({ status: 'removed', path, ...fileDetail(oldFile, null) });
    }
  }

  return { files, moves: findFolderMoves(files, oldFiles.map((file) => file.path)), summary: summarize(files), renameLimitApplied: renames.limitApplied };
}
