// Pages grouped by folder, so a release that adds 187 pages reads as a dozen lines. A folder holding
// a large share of the changes is split one level deeper, where the useful distinctions are
// (`reference/` → `reference/authkit/`, `reference/roles/`).
import type { FileChange } from '../../types.ts';

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
