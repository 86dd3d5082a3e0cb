// The release order of versions, decided once for every layer: semver first (prereleases before
// their release), then names semver cannot read (git tags) by publish date. Lives with the sources,
// which list versions, so the store and the services agree with them on "previous" and "latest".
// Two functions rather than the whole package: every command that lists versions loads this.
import compareSemver from 'semver/functions/compare.js';
import validSemver from 'semver/functions/valid.js';

export interface OrderedVersion {
  version: string;
  publishedAt: Date | null;
}

/** `v1.2.0` (a git tag) orders as `1.2.0`; anything semver cannot read stays unparsed. */
export function cleanVersion(version: string): string | null {
  return validSemver(version) ?? validSemver(version.replace(/^v(?=\d)/, ''));
}

export function compareVersions(a: OrderedVersion, b: OrderedVersion): number {
  const va = cleanVersion(a.version);
  const vb = cleanVersion(b.version);
  if (va && vb) {
    const bySemver = compareSemver(va, vb);
    if (bySemver !== 0) return bySemver;
  } else if (va !== vb) {
    return va ? -1 : 1;
  }
  const ta = a.publishedAt?.getTime() ?? 0;
  const tb = b.publishedAt?.getTime() ?? 0;
  return ta - tb || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
}
