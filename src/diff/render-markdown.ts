// `docdelta diff --format markdown`: a changelog a person reads. Folder moves come first (they
// explain most renames at once), then pages added, removed, renamed and modified with their titles
// and page-level changes; files that are not pages close the list.
import type { DocChanges, FileChange, VersionDiff } from '../types.ts';
import { isDocPath } from './doc-changes.ts';
import { filterChanges } from './path-filter.ts';
import { moveName, summaryLine, type RenderOptions } from './render-stat.ts';
import { foldRenamePath } from './stat-path.ts';

const escapeText = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function shown(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

const isPage = (change: FileChange) => change.title !== undefined || isDocPath(change.path);

function label(change: FileChange): string {
  return change.title ? `**${escapeText(change.title)}** — ${code(change.path)}` : code(change.path);
}

function counts(change: FileChange): string {
  return change.binary ? 'binary' : `+${change.additions} −${change.deletions}`;
}

function docDetails(doc: DocChanges | undefined): string[] {
  if (!doc) return [];
  const out: string[] = [];
  if (doc.titleBefore !== doc.titleAfter) out.push(`title: ${shown(doc.titleBefore)} → ${shown(doc.titleAfter)}`);
  for (const field of doc.frontmatter) out.push(`${code(field.field)}: ${shown(field.before)} → ${shown(field.after)}`);
  const list = (names: string[]) => names.map(escapeText).join(', ');
  if (doc.sections.added.length) out.push(`sections added: ${list(doc.sections.added)}`);
  if (doc.sections.removed.length) out.push(`sections removed: ${list(doc.sections.removed)}`);
  if (doc.sections.changed.length) out.push(`sections changed: ${list(doc.sections.changed)}`);
  if (doc.removedAnchors.length) out.push(`anchors gone: ${doc.removedAnchors.map((slug) => code(`#${slug}`)).join(', ')}`);
  return out.map((line) => `  - ${line}`);
}

function section(title: string, changes: FileChange[], line: (change: FileChange) => string[]): string[] {
  if (changes.length === 0) return [];
  return [`## ${title} (${changes.length})`, '', ...changes.flatMap(line), ''];
}

export function renderMarkdown(diff: VersionDiff, options: RenderOptions = {}): string {
  const view = options.path === undefined ? diff : filterChanges(diff, options.path);
  const pages = view.files.filter(isPage);
  const ofStatus = (status: FileChange['status']) => pages.filter((change) => change.status === status);
  const others = view.files.filter((change) => !isPage(change));

  const out = [`# ${escapeText(view.package)} ${escapeText(view.from)} → ${escapeText(view.to)}`, '', summaryLine(view.summary), ''];
  if (view.moves.length) {
    out.push(`## Folder moves (${view.moves.length})`, '');
    for (const move of view.moves) out.push(`- ${code(moveName(move))}: ${move.files} files, ${move.edited} edited`);
    out.push('');
  }
  out.push(...section('Added pages', ofStatus('added'), (change) => [`- ${label(change)}`]));
  out.push(...section('Removed pages', ofStatus('removed'), (change) => [`- ${label(change)}`]));
  out.push(
    ...section('Renamed pages', ofStatus('renamed'), (change) => {
      if (change.status !== 'renamed') return [];
      const title = change.title ? `**${escapeText(change.title)}** — ` : '';
      const similarity = `${Math.round(change.similarity * 100)}% similar`;
      return [`- ${title}${code(foldRenamePath(change.oldPath, change.path))} (${similarity}, ${counts(change)})`, ...docDetails(change.doc)];
    }),
  );
  out.push(...section('Modified pages', ofStatus('modified'), (change) => [`- ${label(change)} (${counts(change)})`, ...docDetails(change.doc)]));
  out.push(
    ...section('Other files', others, (change) => {
      const name = change.status === 'renamed' ? foldRenamePath(change.oldPath, change.path) : change.path;
      return [`- ${change.status} ${code(name)} (${counts(change)})`];
    }),
  );
  return `${out.join('\n').trimEnd()}\n`;
}
