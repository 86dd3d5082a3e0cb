// The changelog as Markdown, ready to paste into release notes: one section per version, newest
// first. Every piece of doc text (titles, section names, paths) is escaped, so a page titled
// `<script>…` or `**bold**` shows as written and cannot inject markup.
import { foldRenamePath } from '../diff/index.ts';
import type { FolderMove } from '../types.ts';
import { type Bounded, type ChangedPage, type Changelog, type ChangelogEntry, type ChangelogPage, countsLine, dayOf } from './changelog-changes.ts';

const MAX_TEXT = 200;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

/** Plain text: Markdown and HTML punctuation backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/([\\`*_[\]<>#|~&])/g, '\\$1');
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function pageLabel(page: ChangelogPage): string {
  return page.title ? `**${escapeMarkdown(page.title)}** ${codeSpan(page.path)}` : codeSpan(page.path);
}

function more<T>(list: Bounded<T>): string[] {
  return list.total > list.items.length ? [`- …and ${list.total - list.items.length} more`] : [];
}

function moveLine(move: FolderMove): string {
  const name = move.from === '.' || move.to === '.' ? `${move.from} → ${move.to}` : foldRenamePath(`${move.from}/`, `${move.to}/`);
  return `- ${codeSpan(name)}: ${move.files} files, ${move.edited} edited`;
}

function changedLines(page: ChangedPage): string[] {
  const name = codeSpan(page.oldPath ? foldRenamePath(page.oldPath, page.path) : page.path);
  const linked = page.url ? `[${name}](<${page.url}>)` : name;
  const lines = [`- ${page.title ? `**${escapeMarkdown(page.title)}** ` : ''}${linked} +${page.additions} −${page.deletions}${page.whitespaceOnly ? ' (whitespace only)' : ''}`];
  const list = (names: string[]) => names.map(escapeMarkdown).join(', ');
  if (page.titleBefore !== undefined) lines.push(`  - title was ${page.titleBefore ? `“${escapeMarkdown(page.titleBefore)}”` : 'empty'}`);
  if (page.sectionsAdded.length) lines.push(`  - sections added: ${list(page.sectionsAdded)}`);
  if (page.sectionsRemoved.length) lines.push(`  - sections removed: ${list(page.sectionsRemoved)}`);
  if (page.sectionsChanged.length) lines.push(`  - sections changed: ${list(page.sectionsChanged)}`);
  return lines;
}

function block(title: string, lines: string[]): string[] {
  return lines.length ? [`### ${title}`, '', ...lines, ''] : [];
}

export function renderEntryMarkdown(entry: ChangelogEntry, options: { withPackage: boolean }): string {
  const name = options.withPackage ? `${escapeMarkdown(entry.package)} ${escapeMarkdown(entry.version)}` : escapeMarkdown(entry.version);
  const out = [`## ${name} (${dayOf(entry.date)})`, ''];
  const changes = entry.changes;
  if (!changes) {
    out.push(`First version docdelta stored: ${countsLine(entry)}. [Browse it](<${entry.url}>)`, '');
    return out.join('\n');
  }
  out.push(`Compared with ${escapeMarkdown(entry.previous ?? '')}: ${countsLine(entry)}. [See the full diff](<${entry.url}>)`, '');
  out.push(...block('Folder moves', changes.moves.map(moveLine)));
  out.push(...block('New pages', [...changes.addedPages.items.map((page) => `- ${pageLabel(page)}`), ...more(changes.addedPages)]));
  out.push(...block('Removed pages', [...changes.removedPages.items.map((page) => `- ${pageLabel(page)}`), ...more(changes.removedPages)]));
  out.push(
    ...block('Renamed pages', [
      ...changes.renamedPages.items.map(
        (page) => `- ${page.title ? `**${escapeMarkdown(page.title)}** ` : ''}${codeSpan(foldRenamePath(page.oldPath, page.path))}`,
      ),
      ...more(changes.renamedPages),
    ]),
  );
  out.push(...block('Most changed pages', changes.mostChanged.flatMap(changedLines)));
  if (changes.otherFiles > 0) out.push(`${changes.otherFiles} other ${changes.otherFiles === 1 ? 'file' : 'files'} changed (not pages).`, '');
  return out.join('\n');
}

export function renderChangelogMarkdown(changelog: Changelog): string {
  const title = changelog.package ? `# Changelog: ${escapeMarkdown(changelog.package)}` : '# Changelog';
  const withPackage = changelog.package === null;
  const body = changelog.entries.map((entry) => renderEntryMarkdown(entry, { withPackage }).trimEnd());
  if (body.length === 0) body.push('No versions to show yet.');
  return `${[title, '', body.join('\n\n')].join('\n').trimEnd()}\n`;
}
