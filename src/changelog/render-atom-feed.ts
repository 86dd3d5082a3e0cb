// The changelog as an Atom 1.0 feed (RFC 4287): one entry per version, newest first. Entry ids are
// stable URNs built from package and version names, so a reader never sees an entry twice even
// when PUBLIC_BASE_URL changes. The entry content is an HTML fragment built from escaped text only.
import { foldRenamePath } from '../diff/index.ts';
import { type Bounded, type ChangedPage, type Changelog, type ChangelogEntry, type ChangelogPage, countsLine, entryHeadline } from './changelog-changes.ts';

// Text made safe for XML 1.0: markup characters escaped, and characters XML cannot carry at all
// (NUL and other control characters, lone surrogates, U+FFFE/U+FFFF) dropped — doc text is
// untrusted and a single such character makes a whole feed unparseable.
 
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripNonXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** For element text and attribute values alike. */
export function escapeXml(text: string): string {
  return stripNonXml(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** HTML text inside an HTML fragment (the fragment is then escaped again as XML text). */
export function escapeHtml(text: string): string {
  return stripNonXml(text).replace(/[&<>"']/g, (char) => (char === "'" ? '&#39;' : ENTITIES[char]!));
}

export interface FeedOptions {
  /** This feed's own URL (rel="self"). */
  selfUrl: string;
  /** The site the feed belongs to (rel="alternate"). */
  siteUrl: string;
  /** The feed's `updated` when it has no entries (defaults to the Unix epoch, so output is stable). */
  emptyUpdated?: string;
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function entryId(entry: Pick<ChangelogEntry, 'package' | 'version'>): string {
  return `urn:docdelta:changelog:${encodeURIComponent(entry.package)}:${encodeURIComponent(entry.version)}`;
}

function feedId(changelog: Changelog): string {
  return changelog.package ? `urn:docdelta:changelog:${encodeURIComponent(changelog.package)}` : 'urn:docdelta:changelog';
}

const pageHtml = (page: ChangelogPage) =>
  page.title ? `<strong>${escapeHtml(page.title)}</strong> <code>${escapeHtml(page.path)}</code>` : `<code>${escapeHtml(page.path)}</code>`;

function listHtml<T>(title: string, list: Bounded<T>, item: (value: T) => string): string {
  if (list.total === 0) return '';
  const rest = list.total > list.items.length ? `<li>…and ${list.total - list.items.length} more</li>` : '';
  return `<h4>${escapeHtml(title)}</h4><ul>${list.items.map((value) => `<li>${item(value)}</li>`).join('')}${rest}</ul>`;
}

function changedHtml(page: ChangedPage): string {
  const code = `<code>${escapeHtml(page.oldPath ? foldRenamePath(page.oldPath, page.path) : page.path)}</code>`;
  const name = page.url ? `<a href="${escapeHtml(page.url)}">${code}</a>` : code;
  const label = page.title ? `<strong>${escapeHtml(page.title)}</strong> ${name}` : name;
  const details: string[] = [];
  const names = (list: string[]) => list.map(escapeHtml).join(', ');
  if (page.titleBefore !== undefined) details.push(`title was ${page.titleBefore ? `“${escapeHtml(page.titleBefore)}”` : 'empty'}`);
  if (page.sectionsAdded.length) details.push(`sections added: ${names(page.sectionsAdded)}`);
  if (page.sectionsRemoved.length) details.push(`sections removed: ${names(page.sectionsRemoved)}`);
  if (page.sectionsChanged.length) details.push(`sections changed: ${names(page.sectionsChanged)}`);
  const sub = details.length ? `<ul>${details.map((detail) => `<li>${detail}</li>`).join('')}</ul>` : '';
  return `${label} +${page.additions} −${page.deletions}${sub}`;
}

export function entryHtml(entry: ChangelogEntry): string {
  const link = `<a href="${escapeHtml(entry.url)}">`;
  const changes = entry.changes;
  if (!changes) return `<p>First version docdelta stored: ${escapeHtml(countsLine(entry))}. ${link}Browse it</a>.</p>`;
  const parts = [`<p>Compared with ${escapeHtml(entry.previous ?? '')}: ${escapeHtml(countsLine(entry))}. ${link}See the full diff</a>.</p>`];
  if (changes.moves.length) {
    const moves = changes.moves.map((move) => {
      const name = move.from === '.' || move.to === '.' ? `${move.from} → ${move.to}` : foldRenamePath(`${move.from}/`, `${move.to}/`);
      return `<li><code>${escapeHtml(name)}</code>: ${move.files} files, ${move.edited} edited</li>`;
    });
    parts.push(`<h4>Folder moves</h4><ul>${moves.join('')}</ul>`);
  }
  parts.push(listHtml('New pages', changes.addedPages, pageHtml));
  parts.push(listHtml('Removed pages', changes.removedPages, pageHtml));
  parts.push(
    listHtml('Renamed pages', changes.renamedPages, (page) => {
      const name = `<code>${escapeHtml(foldRenamePath(page.oldPath, page.path))}</code>`;
      return page.title ? `<strong>${escapeHtml(page.title)}</strong> ${name}` : name;
    }),
  );
  parts.push(listHtml('Most changed pages', { items: changes.mostChanged, total: changes.mostChanged.length }, changedHtml));
  if (changes.otherFiles > 0) parts.push(`<p>${changes.otherFiles} other ${changes.otherFiles === 1 ? 'file' : 'files'} changed (not pages).</p>`);
  return parts.filter(Boolean).join('');
}

function entryXml(entry: ChangelogEntry): string {
  const title = `${entry.package} ${entry.version}: ${entryHeadline(entry)}`;
  return [
    '  <entry>',
    `    <id>${escapeXml(entryId(entry))}</id>`,
    `    <title type="text">${escapeXml(title)}</title>`,
    `    <updated>${escapeXml(entry.date)}</updated>`,
    `    <published>${escapeXml(entry.date)}</published>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    `    <category term="${escapeXml(entry.package)}"/>`,
    `    <summary type="text">${escapeXml(countsLine(entry))}</summary>`,
    `    <content type="html">${escapeXml(entryHtml(entry))}</content>`,
    '  </entry>',
  ].join('\n');
}

export function renderAtomFeed(changelog: Changelog, options: FeedOptions): string {
  const updated = changelog.entries.reduce<string | null>((latest, entry) => (latest === null || entry.date > latest ? entry.date : latest), null);
  const title = changelog.package ? `${changelog.package} docs changelog` : 'Docs changelog';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feedId(changelog))}</id>`,
    `  <title type="text">${escapeXml(title)}</title>`,
    `  <subtitle type="text">What changed in the docs, version by version (docdelta)</subtitle>`,
    `  <updated>${escapeXml(updated ?? options.emptyUpdated ?? '1970-01-01T00:00:00.000Z')}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.siteUrl)}"/>`,
    '  <author><name>docdelta</name></author>',
    '  <generator>docdelta</generator>',
    ...changelog.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
