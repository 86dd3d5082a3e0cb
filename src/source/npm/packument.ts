// Reads a registry packument defensively: odd metadata (unpublished packages, versions missing from
// `time`, corgi documents without `time`, dist-tags pointing nowhere) never crashes or yields NaN dates.
import semver from 'semver';
import type { SourceVersion } from '../../types.ts';

export interface NpmVersion extends SourceVersion {
  tarball: string;
  shasum: string | null;
}

export interface Packument {
  name: string;
  /** Release order (semver); versions that are not valid semver are left out. */
  versions: NpmVersion[];
  unpublished: boolean;
  distTags: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function parsePackument(document: unknown, expectedName: string): Packument {
  const doc = isRecord(document) ? document : {};
  const time = isRecord(doc.time) ? doc.time : {};
  const rawVersions = isRecord(doc.versions) ? doc.versions : {};
  const distTags: Record<string, string> = {};
  if (isRecord(doc['dist-tags'])) {
    for (const [tag, version] of Object.entries(doc['dist-tags'])) {
      if (typeof version === 'string' && version in rawVersions) distTags[tag] = version;
    }
  }
  const versions: NpmVersion[] = [];
  for (const [version, manifest] of Object.entries(rawVersions)) {
    if (!semver.valid(version) || !isRecord(manifest) || !isRecord(manifest.dist)) continue;
    const dist = manifest.dist;
    if (typeof dist.tarball !== 'string') continue;
    versions.push({
      version,
      publishedAt: parseDate(time[version]),
      deprecated: typeof manifest.deprecated === 'string' && manifest.deprecated ? manifest.deprecated : null,
      integrity: typeof dist.integrity === 'string' ? dist.integrity : null,
      tarball: dist.tarball,
      shasum: typeof dist.shasum === 'string' ? dist.shasum : null,
    });
  }
  versions.sort((a, b) => semver.compare(a.version, b.version));
  return {
    name: typeof doc.name === 'string' ? doc.name : expectedName,
    versions,
    unpublished: versions.length === 0 && isRecord(time.unpublished),
    distTags,
  };
}
