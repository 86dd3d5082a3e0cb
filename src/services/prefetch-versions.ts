// Downloads run ahead of ingest: while one version is normalized and written, the next few are
// already being fetched, so a first sync of several versions waits on the network about once, not
// once per version. Writes stay one version at a time, in order. A source that
// can download without unpacking (npm) holds only the archives ahead. The next version is unpacked
// while the one before is written (the server's work; this thread mostly waits), when that one's
// files came to at most UNPACK_AHEAD_BYTES: releases of a docs package are alike in size, so at most
// one more version's files are held, and only where they are small.
import type { PackageSource } from '../source/package-source.ts';
import type { SourceFile, SourceVersion } from '../types.ts';

/** Versions fetched at once: enough to hide a registry's latency, few enough to bound memory. */
export const FETCH_AHEAD = 4;

/** Unpacked size of a version after which the next one waits for its turn to be unpacked. */
export const UNPACK_AHEAD_BYTES = 16 * 1024 * 1024;

export type Prefetch = (version: SourceVersion) => Promise<SourceFile[]>;

/**
 * Returns a function that hands out each version's files in the order given, starting the fetches
 * of the following versions as it goes. A fetch that fails is only reported to the caller that asks
 * for that version (its own ingest records the failure), never as an unhandled rejection.
 */
export function prefetchVersions(
  source: PackageSource,
  versions: readonly SourceVersion[],
  ahead = FETCH_AHEAD,
  /** A version of the list whose files come from elsewhere (read while the database opened). */
  given?: { version: string; files: Promise<SourceFile[]> },
): Prefetch {
  const pending = new Map<string, Promise<() => Promise<SourceFile[]>>>();
  const unpacked = new Map<string, Promise<SourceFile[]>>();
  const handedOut = new Set<string>();
  const download = (version: SourceVersion): Promise<() => Promise<SourceFile[]>> =>
    source.downloadVersion ? source.downloadVersion(version) : source.fetchVersion(version).then((files) => () => Promise.resolve(files));
  const start = (version: SourceVersion) => {
    if (version.version === given?.version || pending.has(version.version) || unpacked.has(version.version) || handedOut.has(version.version)) return;
    const fetching = download(version);
    fetching.catch(() => {});
    pending.set(version.version, fetching);
  };
  const unpack = (version: SourceVersion): Promise<SourceFile[]> => {
    const fetching = pending.get(version.version) ?? download(version);
    // Forgotten here once unpacked: the archive is freed, and the files once the version is written.
    pending.delete(version.version);
    const files = fetching.then((unpackFiles) => unpackFiles());
    files.catch(() => {});
    return files;
  };
  // The first ones start now, not when the first is asked for: that one may come from elsewhere
  // (fetched while the database opened, services/listings-ahead.ts).
  for (const next of versions.slice(0, ahead)) start(next);
  return (version) => {
    const index = Math.max(0, versions.findIndex((candidate) => candidate.version === version.version));
    for (const next of versions.slice(index, index + ahead)) start(next);
    let files = unpacked.get(version.version);
    if (!files && version.version === given?.version) {
      files = given.files;
      // Handed over once: the files are the caller's from now on, and freed once that version is written.
      given = undefined;
    }
    files ??= unpack(version);
    unpacked.delete(version.version);
    handedOut.add(version.version);
    const following = versions[index + 1];
    if (following && pending.has(following.version)) {
      void files.then(
        (list) => {
          if (list.reduce((sum, file) => sum + file.bytes.byteLength, 0) <= UNPACK_AHEAD_BYTES && pending.has(following.version)) unpacked.set(following.version, unpack(following));
        },
        () => {},
      );
    }
    return files;
  };
}
