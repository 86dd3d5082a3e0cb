// Versions from local files: a `.tgz` tarball or a folder, for offline use and for tests.
import fs from 'node:fs/promises';
import path from 'node:path';
import { invalidInput } from '../errors.ts';
import type { SourceFile, SourceVersion } from '../types.ts';
import { DEFAULT_LIMITS, type SourceLimits } from './limits.ts';
import type { PackageSource, VersionListing } from './package-source.ts';
import { checkPathLength, extractTarball } from './tarball.ts';

export interface LocalVersion {
  version: string;
  /** A `.tgz` file or a folder. */
  location: string;
  publishedAt?: Date | null;
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export async function readFolder(root: string, limits: SourceLimits = DEFAULT_LIMITS): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  let total = 0;
  async function walk(folder: string, depth: number): Promise<void> {
    if (depth > limits.maxPathDepth) throw invalidInput(`${folder} is nested deeper than ${limits.maxPathDepth} folders`);
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      // Symbolic links are never followed: they could point outside the folder.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, depth + 1);
      } else if (entry.isFile()) {
        const stat = await fs.stat(full);
        if (stat.size > limits.maxFileBytes) throw invalidInput(`${full} is larger than ${limits.maxFileBytes} bytes`);
        total += stat.size;
        if (total > limits.maxUnpackedBytes) throw invalidInput(`${root} holds more than ${limits.maxUnpackedBytes} bytes`);
        if (files.length >= limits.maxEntries) throw invalidInput(`${root} holds more than ${limits.maxEntries} files`);
        const relative = path.relative(root, full).split(path.sep).join('/').normalize('NFC');
        checkPathLength(relative, limits.maxPathBytes, 'file');
        files.push({ path: relative, bytes: new Uint8Array(await fs.readFile(full)) });
      }
    }
  }
  await walk(path.resolve(root), 0);
  return files.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

export async function readLocation(location: string, limits: SourceLimits = DEFAULT_LIMITS): Promise<SourceFile[]> {
  const stat = await fs.stat(location).catch(() => null);
  if (!stat) throw invalidInput(`${location} does not exist`);
  if (stat.isDirectory()) return readFolder(location, limits);
  if (stat.size > limits.maxTarballBytes) throw invalidInput(`${location} is larger than ${limits.maxTarballBytes} bytes`);
  return extractTarball(new Uint8Array(await fs.readFile(location)), limits);
}

export class LocalSource implements PackageSource {
  readonly kind = 'local' as const;

  constructor(
    private readonly entries: LocalVersion[],
    private readonly limits: SourceLimits = DEFAULT_LIMITS,
  ) {}

  async listVersions(): Promise<VersionListing> {
    const versions: SourceVersion[] = this.entries.map((entry) => ({
      version: entry.version,
      publishedAt: entry.publishedAt ?? null,
      deprecated: null,
      integrity: null,
    }));
    return { versions, unpublished: false };
  }

  async fetchVersion(version: SourceVersion): Promise<SourceFile[]> {
    const entry = this.entries.find((candidate) => candidate.version === version.version);
    if (!entry) throw invalidInput(`no local location for version ${version.version}`);
    return readLocation(entry.location, this.limits);
  }
}
