// A sync's first waits are opening the database (creating it, the first time: ~0.5–1 s of other
// processes' work) and the registry's list of versions. Neither needs the other, so a sync that
// knows its package names asks the registry while the database opens, and the npm source then uses
// that answer instead of asking again. When the database is being created (a first run: nothing is
// stored), a sync of one package goes further: the version it will ingest first (the first of its
// list, or of the versions named) is downloaded, unpacked, hashed and read (normalize-memo.ts) in
// short slices meanwhile. Reading is pure, so whatever was read by the time the sync reaches that
// version is reused as is; when the database says the version is already stored, the work is dropped.
import type { Config } from '../config.ts';
import { sha256Hex } from '../normalize/content-hash.ts';
import validatePackageName from '../source/package-name.ts';
import type { SourceFile } from '../types.ts';
import { NormalizeMemo } from './normalize-memo.ts';
import { createNpmSource, npmLimits } from './sources.ts';

/** The first version of a sync, fetched and read ahead. */
export interface VersionAhead {
  version: string;
  /** Its files, once downloaded and unpacked (a failure is that version's ingest failure). */
  files: Promise<SourceFile[]>;
  /** What was read of them so far; reading stops when the version is taken. */
  memo: NormalizeMemo;
  /** The content hashes computed while reading, by file. */
  hashes: Map<SourceFile, string>;
}

/** Reading slices: long enough to cost little, short enough that a ready database waits little. */
const SLICE_MS = 15;

/** What a sync asks of the outside world before its database is open: listings, and maybe its first version. */
export class ListingsAhead {
  private readonly controller = new AbortController();
  private readonly fetches = new Map<string, Promise<Uint8Array>>();
  private versionAhead: { name: string; prepared: Promise<VersionAhead | undefined> } | undefined;
  private reading = true;
  /** Reading in slices goes on until the database is open (`databaseOpen`) or the version is taken. */
  private slicing = true;

  /**
   * Starts fetching the registry document of each name that can be an npm package; with a single
   * name and `readFirstVersion`, also the first version to ingest (of `versions`, when the sync is
   * limited to those).
   */
  constructor(config: Config, names: readonly string[], options: { versions?: readonly string[]; readFirstVersion?: boolean } = {}) {
    const fetcher = import('../source/npm/npm-source.ts');
    const unique = new Set(names);
    for (const name of unique) {
      if (!validatePackageName(name)) continue;
      const fetching = fetcher.then(({ fetchPackument }) => fetchPackument(config.npmRegistry, name, npmLimits(config), this.controller.signal));
      // A failure belongs to the sync that takes the answer; one nobody takes is dropped.
      fetching.catch(() => {});
      this.fetches.set(name, fetching);
    }
    const [only] = this.fetches.keys();
    // One name, and a valid one (`only` is then defined: the check narrows its type).
    if (options.readFirstVersion && unique.size === 1 && only !== undefined) {
      const prepared = this.prepareFirstVersion(config, only, this.fetches.get(only)!, options.versions);
      // A listing or download that fails here fails again, and is reported, where the sync asks itself.
      this.versionAhead = { name: only, prepared: prepared.catch(() => undefined) };
    }
  }

  /** This package's answer, once: a later sync of the same name asks the registry afresh. */
  take(name: string): Promise<Uint8Array> | undefined {
    const fetching = this.fetches.get(name);
    this.fetches.delete(name);
    return fetching;
  }

  /**
   * The version fetched and read ahead for this package, once; reading stops now, so the memo is
   * the sync's from here on. Undefined when none was prepared (several names, or none wanted).
   */
  async takeVersion(name: string): Promise<VersionAhead | undefined> {
    if (this.versionAhead?.name !== name) return undefined;
    const { prepared } = this.versionAhead;
    this.versionAhead = undefined;
    const ahead = await prepared;
    this.reading = false;
    return ahead;
  }

  /**
   * The database is open: reading ahead stops here, and the download goes on. From now on every step
   * of the sync before it takes its version (its run row, the package, the listing) waited behind a
   * slice, ~0.2 s of a first sync of @mastra/mcp-docs-server; its ingest reads what is left while it
   * writes, reusing what was read.
   */
  databaseOpen(): void {
    this.slicing = false;
  }

  /**
   * Abandons the answers nobody took (a name that turned out to be a git or local package, a sync
   * refused or skipped), so the process does not wait for them before it exits: the requests ahead,
   * the first version's download included, are aborted, and reading ahead stops.
   */
  cancel(): void {
    this.controller.abort();
    this.fetches.clear();
    this.versionAhead = undefined;
    this.reading = false;
  }

  private async prepareFirstVersion(config: Config, name: string, packument: Promise<Uint8Array>, versions: readonly string[] | undefined): Promise<VersionAhead | undefined> {
    const { SnapshotStore } = await import('../source/snapshots.ts');
    const source = await createNpmSource(config, new SnapshotStore(config.snapshotsDir), name, { packument, signal: this.controller.signal });
    const { versions: listed } = await source.listVersions();
    const wanted = versions ? new Set(versions) : undefined;
    // A sync that names a version the registry lacks stores nothing, so nothing is downloaded for it.
    if (versions?.some((version) => !listed.some((entry) => entry.version === version))) return undefined;
    // The version syncPackage ingests first in a database that holds none: the listing's order.
    const first = listed.find((entry) => !wanted || wanted.has(entry.version));
    if (!first || !this.reading) return undefined;
    // Only an abandoned version is refused here: once taken, the sync awaits these very files, however
    // long the download still takes (a taken version stops being read, not being downloaded).
    const files = source.downloadVersion(first).then((unpack) => (this.controller.signal.aborted ? Promise.reject(new Error('the sync no longer wants this version')) : unpack()));
    // Read as the first version of a sync. The ingest starts its version again (startVersion), which
    // turns these reads into the memo's "version before", where it finds every unchanged path.
    const memo = new NormalizeMemo();
    memo.startVersion();
    const hashes = new Map<SourceFile, string>();
    void files.then((unpacked) => this.readInSlices(unpacked, memo, hashes)).catch(() => {});
    return { version: first.version, files, memo, hashes };
  }

  private async readInSlices(files: readonly SourceFile[], memo: NormalizeMemo, hashes: Map<SourceFile, string>): Promise<void> {
    let next = 0;
    while (this.reading && this.slicing && next < files.length) {
      const until = performance.now() + SLICE_MS;
      while (next < files.length && performance.now() < until) {
        const file = files[next++]!;
        const sha256 = sha256Hex(file.bytes);
        hashes.set(file, sha256);
        memo.read(file, sha256);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
