// The changelog's data: one entry per version, with the doc-aware summary of what changed since the
// version before it. Plain data, so the Markdown, the Atom feed and tests all read the same thing.
import type { DiffSummary, FolderMove } from '../types.ts';

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
  /** The page's diff in the web viewer (set by the service, which knows the base URL). */
  url?: string;
}

/** A list shown in part: the first items, and how many there were in all. */
export interface Bounded<T> {
  items: T[];
  total: number;
}

export interface DocSummary {
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
  changes: DocSummary | null;
  /** Files in this version. */
  files: number;
}

export interface Changelog {
  /** The package asked for, or null for every tracked package. */
  package: string | null;
  entries: ChangelogEntry[];
}
