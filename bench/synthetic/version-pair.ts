// Issue 3's synthetic pair: two versions of 5,000 pages where 1,000 pages were deleted and 1,000
// added, plus ~2% edited, built with the same seeded generator as the scale study.
import { type SyntheticPackageOptions, type SyntheticVersion, syntheticVersions } from './package-versions.ts';

export const PAIR_PACKAGE: SyntheticPackageOptions = {
  seed: 3_5000,
  versions: 2,
  files: 5_000,
  editRate: 0.02,
  added: [1_000, 1_000],
  removed: [1_000, 1_000],
  moveEvery: 0,
  folders: 30,
  root: 'docs',
};

export function syntheticPair(options: SyntheticPackageOptions = PAIR_PACKAGE): { from: SyntheticVersion; to: SyntheticVersion } {
  const [from, to] = [...syntheticVersions({ ...options, versions: 2 })];
  return { from: from!, to: to! };
}
