import type { DiffSummary, FileChange } from '../types.ts';

export function summarize(files: readonly FileChange[]): DiffSummary {
  const summary: DiffSummary = { added: 0, removed: 0, modified: 0, renamed: 0, additions: 0, deletions: 0 };
  for (const change of files) {
    summary[change.status]++;
    summary.additions += change.additions;
    summary.deletions += change.deletions;
  }
  return summary;
}

/** How many of these files changed only in whitespace (for summary lines). */
export function whitespaceOnlyCount(files: readonly FileChange[]): number {
  return files.filter((change) => change.whitespaceOnly === true).length;
}
