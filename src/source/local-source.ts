// A package on this machine as a source: a folder or a `.tgz` (what `npm pack` writes), tracked
// with `docdelta track local PATH`. Each sync reads the location again; its version comes from the
// version the user gave when tracking, else from its package.json. A new version number is a new
// stored version; the same number is already stored and not read twice (versions are immutable).
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { invalidInput } from '../errors.ts';
import type { SourceFile, SourceVersion } from '../types.ts';
import { DEFAULT_LIMITS, type SourceLimits } from './limits.ts';
import type { PackageSource, VersionListing } from './package-source.ts';
import { checkPathLength, extractTarball } from './tarball.ts';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
const MAX_VERSION_LENGTH = 256;

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

/** A folder, or a tarball unpacked in memory (top folder stripped, like the npm source). */
export async function readLocation(location: string, limits: SourceLimits = DEFAULT_LIMITS): Promise<{ files: SourceFile[]; modifiedAt: Date }> {
  const stat = await fs.stat(location).catch(() => null);
  if (!stat) throw invalidInput(`${location} does not exist`);
  if (stat.isDirectory()) return { files: await readFolder(location, limits), modifiedAt: stat.mtime };
  if (!stat.isFile() || !/\.(tgz|tar\.gz)$/i.test(location)) throw invalidInput(`${location} is neither a folder nor a .tgz file`);
  if (stat.size > limits.maxTarballBytes) throw invalidInput(`${location} is larger than ${limits.maxTarballBytes} bytes`);
  return { files: await extractTarball(new Uint8Array(await fs.readFile(location)), limits), modifiedAt: stat.mtime };
}

const manifestSchema = z.object({ name: z.string().max(214).optional(), version: z.string().max(MAX_VERSION_LENGTH).optional() }).passthrough();

/** name and version from the package.json at the root, when there is a readable one. */
export function readManifest(files: readonly SourceFile[]): { name: string | null; version: string | null } {
  const manifest = files.find((file) => file.path === 'package.json');
  if (!manifest) return { name: null, version: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(manifest.bytes).toString('utf8'));
  } catch {
    return { name: null, version: null };
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) return { name: null, version: null };
  return { name: result.data.name ?? null, version: result.data.version ?? null };
}

/** A version name as a user may give it: printable, no path or option tricks. */
export function checkVersionName(version: string): string {
  if (version.length === 0 || version.length > MAX_VERSION_LENGTH || !/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(version)) {
    throw invalidInput(`not a usable version name: ${JSON.stringify(version.slice(0, 80))} (letters, digits, . _ + -)`);
  }
  return version;
}

export interface LocalPackageSettings {
  /** Absolute path of the folder or the .tgz. */
  location: string;
  /** Set when tracked with --version; otherwise package.json's version is read at each sync. */
  version: string | null;
}

const optionsSchema = z.object({ version: z.string().max(MAX_VERSION_LENGTH).nullable().optional() }).passthrough();

/** What a local package row carries: the location column and `{version}` in its options. */
export function localPackageSettings(pkg: { name: string; location: string | null; options: unknown }): LocalPackageSettings {
  if (!pkg.location) throw invalidInput(`${pkg.name} is a local package without a location; track it again with \`docdelta track local\``);
  const options = optionsSchema.safeParse(pkg.options ?? {});
  if (!options.success) throw invalidInput(`${pkg.name} has unreadable local options: ${options.error.issues[0]?.message ?? 'invalid'}`);
  return { location: pkg.location, version: options.data.version ?? null };
}

export class LocalSource implements PackageSource {
  readonly kind = 'local' as const;
  #read: Promise<{ version: SourceVersion; files: SourceFile[] }> | undefined;

  constructor(
    private readonly settings: LocalPackageSettings,
    private readonly limits: SourceLimits = DEFAULT_LIMITS,
  ) {}

  /** Read once per sync: listing needs the manifest, and fetching the same files. */
  #load() {
    this.#read ??= (async () => {
      const { files, modifiedAt } = await readLocation(this.settings.location, this.limits);
      const version = this.settings.version ?? readManifest(files).version;
      if (!version) throw invalidInput(`${this.settings.location} has no package.json version; track it with --version`);
      return { version: { version: checkVersionName(version), publishedAt: modifiedAt, deprecated: null, integrity: null }, files };
    })();
    return this.#read;
  }

  async listVersions(): Promise<VersionListing> {
    return { versions: [(await this.#load()).version], unpublished: false };
  }

  async fetchVersion(version: SourceVersion): Promise<SourceFile[]> {
    const read = await this.#load();
    if (read.version.version !== version.version) throw invalidInput(`${this.settings.location} holds version ${read.version.version}, not ${version.version}`);
    return read.files;
  }
}
