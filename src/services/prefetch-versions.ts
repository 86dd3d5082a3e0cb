// Downloads run ahead of ingest: while one version is normalized and written, the next few are
// already being fetched, so a first sync of several versions waits on the network about once, not
// once per version. Writes stay one version at a time (one transaction each, in order). A source that
// can download without unpacking (npm) holds only the archives ahead; a version is unpacked when its
// turn comes, so at most one version's files are in memory at a time.
import type { PackageSource } from '../source/package-source.ts';
import type { SourceFile, SourceVersion } from '../types.ts';

/** Versions fetched at once: enough to hide a registry's latency, few enough to bound memory. */
export const FETCH_AHEAD = 4;

export type Prefetch = (version: SourceVersion) => Promise<SourceFile[]>;

/**
 * Returns a function that hands out each version's files in the order given, starting the fetches
 * of the following versions as it goes. A fetch that fails is only reported to the caller that asks
 * for that version (its own ingest records the failure), never as an unhandled rejection.
 */
export function prefetchVersions(source: PackageSource, versions: readonly SourceVersion[], ahead = FETCH_AHEAD): Prefetch {
  const pending = new Map<string, Promise<() => Promise<SourceFile[]>>>();
  const handedOut = new Set<string>();
  const download = (version: SourceVersion): Promise<() => Promise<SourceFile[]>> =>
    source.downloadVersion ? source.downloadVersion(version) : source.fetchVersion(version).then((files) => () => Promise.resolve(files));
  const start = (version: SourceVersion) => {
    if (pending.has(version.version) || handedOut.has(version.version)) return;
    const fetching = download(version);
    fetching.catch(() => {});
    pending.set(version.version, fetching);
  };
  // The first ones start now, not when the first is asked for: that one may come from elsewhere
  // (fetched while the database opened, services/listings-ahead.ts).
  for (const next of versions.slice(0, ahead)) start(next);
  return (version) => {
    const index = Math.max(0, versions.findIndex((candidate) => candidate.version === version.version));
    for (const next of versions.slice(index, index + ahead)) start(next);
    const fetching = pending.get(version.version) ?? download(version);
    // Handed out once and forgotten here, so its archive and files are freed once that version is written.
    pending.delete(version.version);
    handedOut.add(version.version);
    return fetching.then((unpack) => unpack());
  };
}
