// The whole diff as one patch, in the diff's file order, optionally restricted by path.
import type { FileChange } from '../types.ts';
import type { DiffInputFile } from './diff-trees.ts';
import { renderFilePatch } from './file-patch.ts';
import { changeMatches, pathMatcher } from './path-filter.ts';
import type { RenderOptions } from './render-stat.ts';

type PatchInput = Pick<DiffInputFile, 'path' | 'bytes'>;

export function renderPatch(
  diff: { files: readonly FileChange[] },
  oldFiles: readonly PatchInput[],
  newFiles: readonly PatchInput[],
  options: RenderOptions = {},
): string {
  const oldByPath = new Map(oldFiles.map((file) => [file.path, file]));
  const newByPath = new Map(newFiles.map((file) => [file.path, file]));
  const matches = pathMatcher(options.path);
  let out = '';
  for (const change of diff.files) {
    if (!changeMatches(change, matches)) continue;
    const oldPath = change.status === 'renamed' ? change.oldPath : change.path;
    out += renderFilePatch(change, oldByPath.get(oldPath) ?? null, newByPath.get(change.path) ?? null);
  }
  return out;
}
