// The pieces every what_changed answer (and file_diff) is built from: the JSON schema of the answer
// (paths relative to the package root, as the HTTP API and `--format json` give them), its shared
// fields, the Markdown header with counts and folder moves, pages grouped by folder, and the
// narrower calls a truncated answer points to, written as the exact tool name and arguments a
// model can send back. Which files are pages and which pages a move carries come from the shared
// doc summary (services/doc-summary.ts), so these agree with the digest and the changelog.
import { z } from 'zod';
import { docSummaryOf } from '../../services/doc-summary.ts';
import type { DiffSummary, DocChanges, FileChange, FolderMove } from '../../types.ts';
import { code, oneLine, prose, STRUCTURED_MOVES_MAX } from '../format.ts';
import { plural } from '../../plural.ts';
import type { DiffView } from './what-changed.ts';

export const DETAILS = ['summary', 'files', 'patch'] as const;
export type Detail = (typeof DETAILS)[number];

export const diffCounts = z.object({
  added: z.number(),
  removed: z.number(),
  modified: z.number(),
  renamed: z.number(),
  additions: z.number(),
  deletions: z.number(),
});

export const folderMoveOut = z.object({
  from: z.string(),
  to: z.string(),
  files: z.number(),
  edited: z.number(),
  pages: z.number(),
});

export const fileOutSchema = z.object({
  status: z.enum(['added', 'removed', 'modified', 'renamed']),
  path: z.string(),
  oldPath: z.string().optional(),
  similarity: z.number().optional(),
  additions: z.number(),
  deletions: z.number(),
  binary: z.boolean().optional(),
  title: z.string().nullable().optional(),
});

export const docChangesOut = z.object({
  titleBefore: z.string().nullable(),
  titleAfter: z.string().nullable(),
  frontmatterFields: z.array(z.string()),
  sectionsAdded: z.array(z.string()),
  sectionsRemoved: z.array(z.string()),
  sectionsChanged: z.array(z.string()),
  removedAnchors: z.array(z.string()),
});

export const folderGroupOut = z.object({
  /** Package-root relative, with a trailing slash; '' for the package root. */
  folder: z.string(),
  pages: z.number(),
  titles: z.array(z.string()),
});

export const whatChangedOutput = z.object({
  package: z.string(),
  from: z.string(),
  to: z.string(),
  detail: z.enum(DETAILS),
  path: z.string().nullable(),
  docsRoot: z.string().nullable(),
  summary: diffCounts,
  moves: z.array(folderMoveOut),
  addedPages: z.array(folderGroupOut).optional(),
  removedPages: z.array(folderGroupOut).optional(),
  renamedPages: z.array(fileOutSchema).optional(),
  mostChanged: z.array(fileOutSchema.extend({ doc: docChangesOut.optional() })).optional(),
  otherFiles: z.array(fileOutSchema).optional(),
  files: z.array(fileOutSchema.extend({ patch: z.string().optional() })).optional(),
  /** Changed files in this view; `files` or the groups above may show fewer. */
  totalFiles: z.number(),
  truncated: z.boolean(),
  /** Narrower calls that give what this answer left out. */
  more: z.array(z.string()),
});

export type WhatChangedOutput = z.infer<typeof whatChangedOutput>;
export type FileOut = z.infer<typeof fileOutSchema>;
export type DocChangesOut = z.infer<typeof docChangesOut>;

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
  const summary = docSummaryOf(view.diff);
  return {
    package: view.diff.package,
    from: view.diff.from,
    to: view.diff.to,
    detail,
    path: view.path,
    docsRoot: view.paths.root ? view.paths.root.replace(/\/$/, '') : null,
    summary: { ...view.diff.summary },
    moves: summary.moves
      .slice(0, STRUCTURED_MOVES_MAX)
      .map((move) => ({ from: move.from, to: move.to, files: move.files, edited: move.edited, pages: move.pages })),
    totalFiles: view.diff.files.length,
    truncated: view.diff.moves.length > STRUCTURED_MOVES_MAX,
    more: [],
  };
}

// Markdown every detail level starts with: the pair, the counts, the folder moves.
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
  const { moves } = docSummaryOf(view.diff);
  if (moves.length === 0) return [];
  return [`## Folder moves (${moves.length})`, ...moves.map((move) => moveLine(move, move.pages, view.paths.show)), ''];
}

/** `**Title** \`path\``, or the path alone for a page without a title. */
export function pageLabel(change: FileChange, show: (path: string) => string, titleMax = 60): string {
  const title = change.title ? `**${prose(change.title, titleMax)}** ` : '';
  return `${title}${code(show(change.path))}`;
}

export function lineCounts(change: FileChange): string {
  return change.binary ? 'binary' : `+${change.additions} −${change.deletions}`;
}

// Pages grouped by folder, so a release that adds 187 pages reads as a dozen lines. A folder holding
// a large share of the changes is split one level deeper, where the useful distinctions are
// (`reference/` → `reference/authkit/`, `reference/roles/`).
export interface FolderGroup {
  /** As shown: relative to the docs root, with a trailing slash; '' for the root itself. */
  folder: string;
  changes: FileChange[];
}

const LARGE_SHARE = 0.3;
const MIN_TOTAL_TO_SPLIT = 10;

function folderKey(shownPath: string, depth: number): string {
  const folders = shownPath.split('/').slice(0, -1);
  return folders.length === 0 ? '' : `${folders.slice(0, depth).join('/')}/`;
}

function groupAt(changes: readonly FileChange[], show: (path: string) => string, depth: number): Map<string, FileChange[]> {
  const groups = new Map<string, FileChange[]>();
  for (const change of changes) {
    const key = folderKey(show(change.path), depth);
    const list = groups.get(key);
    if (list) list.push(change);
    else groups.set(key, [change]);
  }
  return groups;
}

/** Largest groups first, then by folder name. */
export function groupByFolder(changes: readonly FileChange[], show: (path: string) => string): FolderGroup[] {
  const out: FolderGroup[] = [];
  for (const [folder, members] of groupAt(changes, show, 1)) {
    const large = changes.length >= MIN_TOTAL_TO_SPLIT && members.length > changes.length * LARGE_SHARE;
    const deeper = large && folder !== '' ? groupAt(members, show, 2) : null;
    if (deeper && deeper.size > 1) {
      for (const [subfolder, subMembers] of deeper) out.push({ folder: subfolder, changes: subMembers });
    } else {
      out.push({ folder, changes: members });
    }
  }
  return out.sort((a, b) => b.changes.length - a.changes.length || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

export interface PairArgs {
  package?: string;
  from: string;
  to: string;
}

/** The resolved pair, so a follow-up call means the same versions even after a new one lands. */
export function pairArgs(view: DiffView, requestedPackage: string | undefined): PairArgs {
  return { ...(requestedPackage ? { package: view.diff.package } : {}), from: view.diff.from, to: view.diff.to };
}

export function callText(tool: string, args: Record<string, unknown>): string {
  return `${tool} ${JSON.stringify(args)}`;
}

/** Folders (as shown) holding the most of these changes, to suggest as `path`; never the path already applied. */
export function busiestFolders(
  changes: readonly FileChange[],
  show: (path: string) => string,
  count: number,
  applied: string | null = null,
): { folder: string; changes: number }[] {
  const current = applied === null ? null : `${show(applied).replace(/\/+$/, '')}/`;
  return groupByFolder(changes, show)
    .filter((group) => group.folder !== '' && group.folder !== current)
    .slice(0, count)
    .map((group) => ({ folder: group.folder, changes: group.changes.length }));
}
