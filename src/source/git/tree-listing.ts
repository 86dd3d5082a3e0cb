// The files of one tree under the docs folder: `git ls-tree -r -z` output parsed and checked. Only
// regular files are kept; symbolic links and submodules are skipped, never followed. Paths come from
// the repository and are held to the same rules as tarball entries.
import { invalidInput } from '../../errors.ts';

export interface TreeEntry {
  path: string;
  oid: string;
}

const RECORD = /^(\d{6}) (\w+) ([0-9a-f]{40}(?:[0-9a-f]{24})?)\t([\s\S]+)$/;

export interface TreeLimits {
  maxEntries: number;
  maxPathDepth: number;
}

function checkPath(raw: string, maxDepth: number): string {
  const segments = raw.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'))) {
    throw invalidInput(`the repository holds a path docdelta refuses: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (segments.length > maxDepth + 1) throw invalidInput(`${raw.slice(0, 200)} is nested deeper than ${maxDepth} folders`);
  return raw.normalize('NFC');
}

/** Entries under `folder` (the folder itself included when it is a file), in git's byte order. */
export function parseTreeListing(output: string, folder: string, limits: TreeLimits): TreeEntry[] {
  const byPath = new Map<string, { raw: string; oid: string }>();
  let count = 0;
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const match = RECORD.exec(record);
    if (!match) throw invalidInput(`unexpected line from git ls-tree: ${JSON.stringify(record.slice(0, 120))}`);
    const [, mode, type, oid, raw] = match;
    // Regular files only: 120000 is a symbolic link, 160000 a submodule commit.
    if (type !== 'blob' || !mode!.startsWith('100')) continue;
    if (raw !== folder && !raw!.startsWith(`${folder}/`)) continue;
    count += 1;
    if (count > limits.maxEntries) throw invalidInput(`${folder} holds more than ${limits.maxEntries} files`);
    const path = checkPath(raw!, limits.maxPathDepth);
    const earlier = byPath.get(path);
    if (earlier) throw invalidInput(`${JSON.stringify(earlier.raw)} and ${JSON.stringify(raw)} collide after Unicode normalization`);
    byPath.set(path, { raw: raw!, oid: oid! });
  }
  return [...byPath.entries()]
    .map(([path, entry]) => ({ path, oid: entry.oid }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
