// The real package the comparisons run on: @workos/mcp-docs-server 0.1.0 → 0.2.0, fetched once
// through docdelta's own npm source (integrity verified) into the bench's snapshot folder, and
// unpacked to disk for git.
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { syncPackage } from '../src/services/sync.ts';
import { NpmSource } from '../src/source/npm/npm-source.ts';
import { SnapshotStore } from '../src/source/snapshots.ts';
import type { SourceFile, SourceVersion } from '../src/types.ts';
import { writeTree } from './tree-on-disk.ts';

export const REAL_PACKAGE = '@workos/mcp-docs-server';
export const REAL_FROM = '0.1.0';
export const REAL_TO = '0.2.0';

export interface RealPackage {
  name: string;
  from: string;
  to: string;
  files: { from: SourceFile[]; to: SourceFile[] };
  /** Unpacked trees, for `git diff --no-index`. */
  trees: { root: string; from: string; to: string };
  tarballBytes: number;
  /** Bytes of every file of both versions, unpacked. */
  rawBytes: number;
}

/**
 * Ensures both snapshots exist (downloading them once) and unpacks them under `workDir/trees`. With
 * the registry unreachable, snapshots already on disk are used as they are.
 */
export async function prepareRealPackage(snapshotsDir: string, workDir: string): Promise<RealPackage> {
  const snapshots = new SnapshotStore(snapshotsDir);
  const config = loadConfig({ DOCDELTA_SNAPSHOTS_DIR: snapshotsDir }, process.cwd());
  const online = new NpmSource(REAL_PACKAGE, { registry: config.npmRegistry, snapshots });
  let source = online;
  let versions: SourceVersion[];
  try {
    versions = (await online.listVersions()).versions;
  } catch (error) {
    source = new NpmSource(REAL_PACKAGE, { registry: config.npmRegistry, snapshots, offline: true });
    versions = (await snapshots.listVersions(REAL_PACKAGE)).map((version) => ({ version, publishedAt: null, deprecated: null, integrity: null }));
    if (versions.length === 0) throw error;
  }
  const byName = new Map(versions.map((version) => [version.version, version]));
  const files: { from: SourceFile[]; to: SourceFile[] } = { from: [], to: [] };
  let tarballBytes = 0;
  for (const [side, version] of [['from', REAL_FROM], ['to', REAL_TO]] as const) {
    const entry = byName.get(version);
    if (!entry) throw new Error(`${REAL_PACKAGE}@${version} is neither in the registry nor in ${snapshotsDir}`);
    files[side] = await source.fetchVersion(entry);
    tarballBytes += (await snapshots.read(REAL_PACKAGE, version))?.length ?? 0;
  }
  const root = path.join(workDir, 'trees');
  await writeTree(path.join(root, REAL_FROM), files.from);
  await writeTree(path.join(root, REAL_TO), files.to);
  const rawBytes = [...files.from, ...files.to].reduce((sum, file) => sum + file.bytes.length, 0);
  return {
    name: REAL_PACKAGE,
    from: REAL_FROM,
    to: REAL_TO,
    files,
    trees: { root, from: path.join(root, REAL_FROM), to: path.join(root, REAL_TO) },
    tarballBytes,
    rawBytes,
  };
}

/** Makes sure a context holds the real pair, from the local snapshots (offline; a no-op when stored). */
export async function ensureRealPair(real: Pick<RealPackage, 'name' | 'from' | 'to'>, ctx: ServiceContext): Promise<void> {
  const report = await syncPackage(ctx, real.name, { versions: [real.from, real.to], offline: true });
  if (report.failed.length > 0) throw new Error(`could not store the real pair: ${JSON.stringify(report.failed)}`);
}
