// The files of an outside folder worth scanning for docs links: source, markup and data files, never
// inside node_modules or .git, never through a symlink, each read with a size cap.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { invalidInput } from '../errors.ts';

export const SCANNED_EXTENSIONS = new Set(['.md', '.mdx', '.html', '.htm', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.tsx', '.jsx', '.json', '.yaml', '.yml']);
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);

export interface WalkLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxDepth: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 200_000, maxFileBytes: 2 * 1024 * 1024, maxDepth: 64 };

export interface WalkStats {
  files: number;
  bytes: number;
  skippedLarge: number;
  skippedBinary: number;
  skippedLinks: number;
  /** True when `maxFiles` stopped the walk early. */
  truncated: boolean;
}

export interface AppFile {
  /** Relative to the scanned folder, with `/`. */
  path: string;
  text: string;
}

/** Opens without following a link (O_NOFOLLOW) and checks the open file, so a swap after listing cannot redirect the read. */
async function readCapped(file: string, maxBytes: number): Promise<Buffer | 'large' | 'not-a-file'> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return 'not-a-file';
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return 'not-a-file';
    if (stat.size > maxBytes) return 'large';
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

async function listFiles(root: string, limits: WalkLimits, stats: WalkStats): Promise<string[]> {
  const files: string[] = [];
  const pending: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (pending.length > 0) {
    const { dir, depth } = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        stats.skippedLinks++;
      } else if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name) && depth < limits.maxDepth) pending.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile() && SCANNED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        if (files.length >= limits.maxFiles) {
          stats.truncated = true;
          return files;
        }
        files.push(full);
      }
    }
  }
  return files;
}

/** Calls `visit` for every scannable file, a few reads in flight at a time, in a stable order. */
export async function walkApp(dir: string, visit: (file: AppFile) => void, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<WalkStats> {
  let root: string;
  try {
    root = await fs.realpath(dir);
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw invalidInput(`--scan: ${JSON.stringify(dir)} is not a readable folder`);
  }
  const stats: WalkStats = { files: 0, bytes: 0, skippedLarge: 0, skippedBinary: 0, skippedLinks: 0, truncated: false };
  const files = await listFiles(root, limits, stats);
  const CONCURRENCY = 16;
  for (let start = 0; start < files.length; start += CONCURRENCY) {
    const batch = files.slice(start, start + CONCURRENCY);
    const contents = await Promise.all(batch.map((file) => readCapped(file, limits.maxFileBytes)));
    batch.forEach((file, index) => {
      const content = contents[index]!;
      if (content === 'not-a-file') return;
      if (content === 'large') {
        stats.skippedLarge++;
        return;
      }
      if (content.subarray(0, 8000).includes(0)) {
        stats.skippedBinary++;
        return;
      }
      stats.files++;
      stats.bytes += content.length;
      visit({ path: path.relative(root, file).split(path.sep).join('/'), text: content.toString('utf8') });
    });
  }
  return stats;
}
