// The formats scripts written for git read: `--numstat`, `--name-status` and `--raw`, line for
// line in git's shape, so `docdelta diff A B --format numstat | awk -F'\t' …` works unchanged.
//
//   numstat       3\t4\tdocs/{user-management => authkit}/actions.mdx     (binary: -\t-\tpath)
//   name-status   R093\tdocs/user-management/actions.mdx\tdocs/authkit/actions.mdx
//   raw           :100644 100644 1a2b3c4 5d6e7f8 R093\told\tnew
//
// Paths are quoted exactly where git quotes them (quote-path.ts). docdelta does not record file
// modes (npm tarballs and git tags are read as plain files), so raw always says 100644, and its
// object names are git's blob ids when the caller knows the bytes, else zeros — what
// `git diff --no-index --raw` prints for files it has not hashed.
import { createHash } from 'node:crypto';
import type { FileChange } from '../types.ts';
import { PLAIN, paintStatus, STATUS_LETTER } from './paint.ts';
import { changeMatches, pathMatcher } from './path-filter.ts';
import { quotePath } from './quote-path.ts';
import type { RenderOptions } from './render-stat.ts';
import { statName } from './render-stat.ts';

const NULL_ID = '0'.repeat(40);
const ABBREV = 7;
const FILE_MODE = '100644';
const NO_MODE = '000000';

function selected(files: readonly FileChange[], options: RenderOptions): FileChange[] {
  if (options.path === undefined) return [...files];
  const matches = pathMatcher(options.path);
  return files.filter((change) => changeMatches(change, matches));
}

const lines = (out: string[]) => (out.length === 0 ? '' : `${out.join('\n')}\n`);

/** Git's status with its similarity for renames: `R093`, `R100`. */
export function statusField(change: FileChange): string {
  if (change.status !== 'renamed') return STATUS_LETTER[change.status];
  return `R${String(Math.round(change.similarity * 100)).padStart(3, '0')}`;
}

/** `git diff --numstat`: added, deleted (`-` for binary) and the name, tab-separated. */
export function renderNumstat(diff: { files: readonly FileChange[] }, options: RenderOptions = {}): string {
  return lines(
    selected(diff.files, options).map((change) =>
      change.binary ? `-\t-\t${statName(change)}` : `${change.additions}\t${change.deletions}\t${statName(change)}`,
    ),
  );
}

function namePart(change: FileChange): string {
  return change.status === 'renamed' ? `${quotePath(change.oldPath)}\t${quotePath(change.path)}` : quotePath(change.path);
}

/** `git diff --name-status`: the status (with similarity for renames), then the path or both paths. */
export function renderNameStatus(diff: { files: readonly FileChange[] }, options: RenderOptions = {}): string {
  const paint = options.paint ?? PLAIN;
  return lines(selected(diff.files, options).map((change) => `${paintStatus(change, statusField(change), paint)}\t${namePart(change)}`));
}

/** Git's object name of a blob: sha1 over `blob <size>\0` and the bytes. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export interface RawOptions extends RenderOptions {
  /** The bytes of a path on one side, when known, so raw can print git's blob ids. */
  bytesOf?: (side: 'old' | 'new', path: string) => Uint8Array | undefined;
  /** Full 40-character ids instead of git's default 7 (`--no-abbrev`). */
  fullIds?: boolean;
}

/** `git diff --raw`: `:oldmode newmode oldid newid status\tpath(s)`. */
export function renderRaw(diff: { files: readonly FileChange[] }, options: RawOptions = {}): string {
  const paint = options.paint ?? PLAIN;
  const id = (side: 'old' | 'new', path: string) => {
    const bytes = options.bytesOf?.(side, path);
    const full = bytes ? gitBlobId(bytes) : NULL_ID;
    return options.fullIds ? full : full.slice(0, ABBREV);
  };
  return lines(
    selected(diff.files, options).map((change) => {
      const oldPath = change.status === 'renamed' ? change.oldPath : change.path;
      const oldMode = change.status === 'added' ? NO_MODE : FILE_MODE;
      const newMode = change.status === 'removed' ? NO_MODE : FILE_MODE;
      const oldId = change.status === 'added' ? NULL_ID.slice(0, options.fullIds ? 40 : ABBREV) : id('old', oldPath);
      const newId = change.status === 'removed' ? NULL_ID.slice(0, options.fullIds ? 40 : ABBREV) : id('new', change.path);
      return `:${oldMode} ${newMode} ${oldId} ${newId} ${paintStatus(change, statusField(change), paint)}\t${namePart(change)}`;
    }),
  );
}
