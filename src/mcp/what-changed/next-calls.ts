// "Say which narrower call gives the rest": the calls a truncated answer points to, written as the
// exact tool name and arguments a model can send back.
import type { FileChange } from '../../types.ts';
import { groupByFolder } from './folder-groups.ts';
import type { DiffView } from './load-diff-view.ts';

export interface PairArgs {
  package?: string;
  from: string;
  to: string;
}

/** The resolved pair, so a follow-up call means the same versions even after a new one lands. */
export function pairArgs(view: DiffView, requestedPackage: string | undefined): PairArgs {
  return { ...(requestedPackage ? { package: view.diff.package } : {}), from: view.diff.from, to: view.diff.to };
}

export function callText(tool: string, args: Record<string, unknown>): string {
  return `${tool} ${JSON.stringify(args)}`;
}

/** Folders (as shown) holding the most of these changes, to suggest as `path`; never the path already applied. */
export function busiestFolders(
  changes: readonly FileChange[],
  show: (path: string) => string,
  count: number,
  applied: string | null = null,
): { folder: string; changes: number }[] {
  const current = applied === null ? null : `${show(applied).replace(/\/+$/, '')}/`;
  return groupByFolder(changes, show)
    .filter((group) => group.folder !== '' && group.folder !== current)
    .slice(0, count)
    .map((group) => ({ folder: group.folder, changes: group.changes.length }));
}
