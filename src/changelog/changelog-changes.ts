// The changelog's data: one entry per version, with what changed since the version before it as
// the changelog shows it — the shared doc summary (diff/doc-summary.ts: which files are pages, which
// renames a move explains, which pages changed most) cut to a few items per list. Plain data, so
// the Markdown, the Atom feed, `--format json` and tests all read the same thing.
import { type DocSummary, summarizeDocChanges } from '../diff/index.ts';
import type { DiffSummary, FileChange, FolderMove, VersionDiff } from '../types.ts';
import { plural } from '../plural.ts';

export interface ChangelogPage {
  path: string;
  title: string | null;
}

export interface RenamedPage extends ChangelogPage {
  oldPath: string;
}

export interface ChangedPage extends ChangelogPage {
  /** Set when the page was also renamed. */
  oldPath?: string;
  additions: number;
  deletions: number;
  titleBefore?: string | null;
  sectionsAdded: string[];
  sectionsRemoved: string[];
  sectionsChanged: string[];
  /** Set when every change is whitespace (a space that became NBSP): the page reads the same. */
  whitespaceOnly?: true;
  /** The page's diff in the web viewer (set by the service, which knows the base URL). */
  url?: string;
}

/** A list shown in part: the first items, and how many there were in all. */
export interface Bounded<T> {
  items: T[];
  total: number;
}

export interface ChangelogChanges {
  summary: DiffSummary;
  moves: FolderMove[];
  addedPages: Bounded<ChangelogPage>;
  removedPages: Bounded<ChangelogPage>;
  /** Renamed pages that no folder move explains. */
  renamedPages: Bounded<RenamedPage>;
  /** Pages with the most changed lines, with their section changes. */
  mostChanged: ChangedPage[];
  /** Changed files that are not pages (images, JSON, navigation data…). */
  otherFiles: number;
}

export interface ChangelogEntry {
  package: string;
  version: string;
  /** The version this one is compared with; null for the first stored version. */
  previous: string | null;
  /** When the version was published (tag date for git), else when docdelta stored it. ISO 8601. */
  date: string;
  /** The web page showing this entry's diff (or the version, for the first one). */
  url: string;
  /** null for the first stored version, which has nothing to compare with. */
  changes: ChangelogChanges | null;
  /** Files in this version. */
  files: number;
}

export interface Changelog {
  /** The package asked for, or null for every tracked package. */
  package: string | null;
  entries: ChangelogEntry[];
}

export interface ChangesOptions {
  /** Items per list (added, removed, renamed). */
  maxListed?: number;
  /** How many most-changed pages. */
  maxMostChanged?: number;
}

export const DEFAULT_MAX_LISTED = 10;
export const DEFAULT_MAX_MOST_CHANGED = 5;

function bounded<T>(items: readonly T[], max: number): Bounded<T> {
  return { items: items.slice(0, max), total: items.length };
}

const page = (change: FileChange): ChangelogPage => ({ path: change.path, title: change.title ?? null });

function changedPage(change: FileChange): ChangedPage {
  const sections = change.doc?.sections;
  const out: ChangedPage = {
    path: change.path,
    title: change.title ?? null,
    additions: change.additions,
    deletions: change.deletions,
    sectionsAdded: sections?.added ?? [],
    sectionsRemoved: sections?.removed ?? [],
    sectionsChanged: sections?.changed ?? [],
  };
  if (change.status === 'renamed') out.oldPath = change.oldPath;
  if (change.whitespaceOnly) out.whitespaceOnly = true;
  if (change.doc && change.doc.titleBefore !== change.doc.titleAfter) out.titleBefore = change.doc.titleBefore;
  return out;
}

/** The changelog's cut of a doc summary. */
export function changelogChanges(summary: DocSummary, options: ChangesOptions = {}): ChangelogChanges {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  return {
    summary: summary.summary,
    moves: summary.moves.map(({ from, to, files, edited }) => ({ from, to, files, edited })),
    addedPages: bounded(summary.addedPages.map(page), maxListed),
    removedPages: bounded(summary.removedPages.map(page), maxListed),
    renamedPages: bounded(
      summary.renamedPages.map((change) => ({ path: change.path, oldPath: change.oldPath, title: change.title ?? null })),
      maxListed,
    ),
    mostChanged: summary.editedPages.slice(0, options.maxMostChanged ?? DEFAULT_MAX_MOST_CHANGED).map(changedPage),
    otherFiles: summary.otherFiles.length,
  };
}

/** The changelog's cut of a diff, for callers that hold a diff and no summary (tests, one-off renders). */
export function summarizeDiff(diff: VersionDiff, options: ChangesOptions = {}): ChangelogChanges {
  return changelogChanges(summarizeDocChanges(diff), options);
}


/**
 * One line that says what a version changed, led by what matters most to a docs reader: moved
 * folders, then new and removed pages, then edits. Used as the feed entry title and summary.
 */
export function entryHeadline(entry: ChangelogEntry): string {
  const changes = entry.changes;
  if (!changes) return `first version docdelta stored (${plural(entry.files, 'file')})`;
  const parts: string[] = [];
  if (changes.moves.length) parts.push(`${plural(changes.moves.length, 'folder')} moved`);
  if (changes.addedPages.total) parts.push(`${plural(changes.addedPages.total, 'page')} added`);
  if (changes.removedPages.total) parts.push(`${plural(changes.removedPages.total, 'page')} removed`);
  if (changes.renamedPages.total) parts.push(`${plural(changes.renamedPages.total, 'page')} renamed`);
  const { summary } = changes;
  const filesChanged = summary.added + summary.removed + summary.modified + summary.renamed;
  if (parts.length === 0) {
    parts.push(filesChanged === 0 ? 'no changes' : `${plural(filesChanged, 'file')} changed`);
  } else {
    parts.push(`${plural(filesChanged, 'file')} changed in all`);
  }
  return parts.join(', ');
}

export function countsLine(entry: ChangelogEntry): string {
  const changes = entry.changes;
  if (!changes) return `${plural(entry.files, 'file')}`;
  const { summary } = changes;
  const filesChanged = summary.added + summary.removed + summary.modified + summary.renamed;
  return (
    `${plural(filesChanged, 'file')} changed: ${summary.added} added, ${summary.removed} removed, ` +
    `${summary.modified} modified, ${summary.renamed} renamed; +${summary.additions} −${summary.deletions} lines`
  );
}

/** `2025-01-08` from an ISO timestamp. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
