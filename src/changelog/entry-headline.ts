// One line that says what a version changed, led by what matters most to a docs reader: moved
// folders, then new and removed pages, then edits. Used as the feed entry title and summary.
import type { ChangelogEntry } from './changelog-types.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

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
