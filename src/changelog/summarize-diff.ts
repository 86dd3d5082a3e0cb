// The doc-aware summary of one version diff: what a docs reader cares about first. Folder moves
// explain many renames at once, so renames under a move are not listed again; pages added and
// removed come with their titles; the most-changed pages come with their section changes.
import type { FileChange, FolderMove, VersionDiff } from '../types.ts';
import type { Bounded, ChangedPage, ChangelogPage, DocSummary, RenamedPage } from './changelog-types.ts';

export interface SummaryOptions {
  /** Items per list (added, removed, renamed). */
  maxListed?: number;
  /** How many most-changed pages. */
  maxMostChanged?: number;
}

export const DEFAULT_MAX_LISTED = 10;
export const DEFAULT_MAX_MOST_CHANGED = 5;

const PAGE = /\.mdx?$/i;

/**
 * Pages are Markdown/MDX files a site serves. Partials and navigation data (`_navigation.mdx`, any
 * `_`-segment, as the router has them) are files readers never open, so they count as other files.
 */
function isPagePath(path: string): boolean {
  return PAGE.test(path) && !path.split('/').some((segment) => segment.startsWith('_'));
}

export function isPageChange(change: FileChange): boolean {
  return isPagePath(change.path) || (change.status === 'renamed' && isPagePath(change.oldPath));
}

function bounded<T>(items: T[], max: number): Bounded<T> {
  return { items: items.slice(0, max), total: items.length };
}

const page = (change: FileChange): ChangelogPage => ({ path: change.path, title: change.title ?? null });

function insideFolder(path: string, folder: string): boolean {
  return folder === '.' || path.startsWith(`${folder}/`);
}

/** Whether a folder move accounts for this rename (same place under the moved folder). */
function explainedByMove(change: FileChange & { status: 'renamed' }, moves: FolderMove[]): boolean {
  return moves.some((move) => {
    if (!insideFolder(change.oldPath, move.from) || !insideFolder(change.path, move.to)) return false;
    const oldRest = move.from === '.' ? change.oldPath : change.oldPath.slice(move.from.length + 1);
    const newRest = move.to === '.' ? change.path : change.path.slice(move.to.length + 1);
    // The move's rule allows the file name to change but not the folders beneath the move.
    const folderOf = (rest: string) => rest.split('/').slice(0, -1).join('/');
    return folderOf(oldRest) === folderOf(newRest);
  });
}

function changedLines(change: FileChange): number {
  return change.additions + change.deletions;
}

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
  if (change.doc && change.doc.titleBefore !== change.doc.titleAfter) out.titleBefore = change.doc.titleBefore;
  return out;
}

export function summarizeDiff(diff: VersionDiff, options: SummaryOptions = {}): DocSummary {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  const maxMostChanged = options.maxMostChanged ?? DEFAULT_MAX_MOST_CHANGED;
  const pages = diff.files.filter(isPageChange);
  const renamed: RenamedPage[] = [];
  for (const change of pages) {
    if (change.status === 'renamed' && !explainedByMove(change, diff.moves)) {
      renamed.push({ path: change.path, oldPath: change.oldPath, title: change.title ?? null });
    }
  }
  const edited = pages
    .filter((change) => (change.status === 'modified' || change.status === 'renamed') && !change.binary && changedLines(change) > 0)
    .sort((a, b) => changedLines(b) - changedLines(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    summary: diff.summary,
    moves: diff.moves,
    addedPages: bounded(pages.filter((change) => change.status === 'added').map(page), maxListed),
    removedPages: bounded(pages.filter((change) => change.status === 'removed').map(page), maxListed),
    renamedPages: bounded(renamed, maxListed),
    mostChanged: edited.slice(0, maxMostChanged).map(changedPage),
    otherFiles: diff.files.length - pages.length,
  };
}
