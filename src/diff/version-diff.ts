// The JSON the HTTP API and `--format json` return: exactly a VersionDiff (see src/types.ts).
import type { VersionDiff } from '../types.ts';
import { orderVersionDiff } from './canonical-json.ts';
import type { TreeDiff } from './diff-trees.ts';

export function toVersionDiff(pkg: string, from: string, to: string, diff: Pick<TreeDiff, 'files' | 'moves' | 'summary'>): VersionDiff {
  return { package: pkg, from, to, summary: diff.summary, moves: diff.moves, files: diff.files };
}

/** In design.md's key order, whether the diff was just computed or read back from the cache. */
export function renderJson(diff: VersionDiff): string {
  return `${JSON.stringify(orderVersionDiff(diff), null, 2)}\n`;
}
