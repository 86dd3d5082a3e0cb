// A VersionDiff built from a list of changes, for tests of what consumers render from a diff.
import { summarize } from '../../src/diff/summary.ts';
import type { FileChange, VersionDiff } from '../../src/types.ts';

export function versionDiffOf(files: FileChange[], moves: VersionDiff['moves'] = [], pkg = '@acme/docs'): VersionDiff {
  return { package: pkg, from: '1.0.0', to: '2.0.0', summary: summarize(files), moves, files };
}
