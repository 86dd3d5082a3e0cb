// `docdelta diff --format markdown`: a changelog a person reads, rendered from the doc summary (so
// it lists the pages and moves the digest, the changelog and MCP list). Folder moves come first
// (they explain most renames at once, and say which pages under them were removed instead), then
// pages added, removed, renamed on their own, moved with their folder and modified, with titles and
// page-level changes; files that are not pages close the list. Nothing is cut: this is the full list.
import type { DocChanges, FileChange, VersionDiff } from '../types.ts';
import { type DocSummary, summarizeDocChanges } from './doc-summary.ts';
import { filterChanges } from './path-filter.ts';
import { moveName, summaryLine, type RenderOptions } from './render-stat.ts';
import { foldRenamePath } from './stat-path.ts';

const escapeText = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function shown(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function label(change: FileChange): string {
  return change.title ? `**${escapeText(change.title)}** — ${code(change.path)}` : code(change.path);
}

function counts(change: FileChange): string {
  if (change.binary) return 'binary';
  // Invisible when rendered (a space that became NBSP): say so, or the reader hunts for a change.
  return `+${change.additions} −${change.deletions}${change.whitespaceOnly ? ', whitespace only' : ''}`;
}

function docDetails(doc: DocChanges | undefined): string[] {
  if (!doc) return [];
  const out: string[] = [];
  if (doc.titleBefore !== doc.titleAfter) out.push(`title: ${shown(doc.titleBefore)} → ${shown(doc.titleAfter)}`);
  for (const field of doc.frontmatter) {
    out.push(`${code(field.field)}: ${shown(field.before)} → ${shown(field.after)}${field.whitespaceOnly ? ' (whitespace only)' : ''}`);
  }
  const list = (names: string[]) => names.map(escapeText).join(', ');
  if (doc.sections.added.length) out.push(`sections added: ${list(doc.sections.added)}`);
  if (doc.sections.removed.length) out.push(`sections removed: ${list(doc.sections.removed)}`);
  if (doc.sections.changed.length) out.push(`sections changed: ${list(doc.sections.changed)}`);
  if (doc.removedAnchors.length) out.push(`anchors gone: ${doc.removedAnchors.map((slug) => code(`#${slug}`)).join(', ')}`);
  return out.map((line) => `  - ${line}`);
}

function section(title: string, changes: readonly FileChange[], line: (change: FileChange) => string[]): string[] {
  if (changes.length === 0) return [];
  return [`## ${title} (${changes.length})`, '', ...changes.flatMap(line), ''];
}

function renamedLine(change: FileChange): string[] {
  if (change.status !== 'renamed') return [];
  const title = change.title ? `**${escapeText(change.title)}** — ` : '';
  const similarity = `${Math.round(change.similarity * 100)}% similar`;
  return [`- ${title}${code(foldRenamePath(change.oldPath, change.path))} (${similarity}, ${counts(change)})`, ...docDetails(change.doc)];
}

/** The Markdown of a doc summary (see doc-summary.ts for which files are pages and what a move explains). */
export function renderSummaryMarkdown(summary: DocSummary): string {
  const out = [`# ${escapeText(summary.package)} ${escapeText(summary.from)} → ${escapeText(summary.to)}`, '', summaryLine(summary.summary), ''];
  if (summary.moves.length) {
    out.push(`## Folder moves (${summary.moves.length})`, '');
    for (const move of summary.moves) {
      out.push(`- ${code(moveName(move))}: ${move.files} files, ${move.edited} edited`);
      if (move.pagesLeftBehind.length) out.push(`  - removed, not moved: ${move.pagesLeftBehind.map((change) => code(change.path)).join(', ')}`);
    }
    out.push('');
  }
  out.push(...section('Added pages', summary.addedPages, (change) => [`- ${label(change)}`]));
  out.push(...section('Removed pages', summary.removedPages, (change) => [`- ${label(change)}`]));
  out.push(...section('Pages renamed outside folder moves', summary.renamedPages, renamedLine));
  out.push(...section('Pages moved with their folder', summary.movedPages, renamedLine));
  out.push(...section('Modified pages', summary.modifiedPages, (change) => [`- ${label(change)} (${counts(change)})`, ...docDetails(change.doc)]));
  out.push(
    ...section('Other files', summary.otherFiles, (change) => {
      const name = change.status === 'renamed' ? foldRenamePath(change.oldPath, change.path) : change.path;
      return [`- ${change.status} ${code(name)} (${counts(change)})`];
    }),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderMarkdown(diff: VersionDiff, options: RenderOptions = {}): string {
  const view = options.path === undefined ? diff : filterChanges(diff, options.path);
  return renderSummaryMarkdown(summarizeDocChanges(view));
}
