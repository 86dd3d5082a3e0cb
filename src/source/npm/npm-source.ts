import { DocdeltaError, invalidInput } from '../../errors.ts';
import type { SourceFile, SourceVersion } from '../../types.ts';
import { verifyIntegrity } from '../integrity.ts';
import { DEFAULT_LIMITS, type SourceLimits } from '../limits.ts';
import type { PackageSource, VersionListing } from '../package-source.ts';
import validatePackageName from '../package-name.ts';
import type { SnapshotStore } from '../snapshots.ts';
import { extractTarball } from '../tarball.ts';
import { fetchBounded } from './http.ts';
import { type NpmVersion, parsePackument } from './packument.ts';
import { checkTarballUrl } from './tarball-url.ts';

export interface NpmSourceOptions {
  registry: string;
  snapshots: SnapshotStore;
  /** Use only snapshots already on disk; never touch the network. */
  offline?: boolean;
  limits?: SourceLimits;
  /** The package's registry document, already being fetched (see `fetchPackument`): the first listing uses it. */
  packument?: Promise<Uint8Array>;
  /** Abandons this source's downloads (work started ahead that nobody took). */
  signal?: AbortSignal;
}

/**
 * A package's registry document (its packument), bounded like every registry read. A sync can start
 * this before it needs the answer, e.g. while its database opens, and hand it to the source.
 */
export function fetchPackument(registry: string, packageName: string, limits: SourceLimits, signal?: AbortSignal): Promise<Uint8Array> {
  const url = new URL(packageName.replace('/', '%2f'), registry).href;
  return fetchBounded(url, { maxBytes: limits.maxPackumentBytes, timeoutMs: limits.requestTimeoutMs }, { accept: 'application/json', signal });
}

export class NpmSource implements PackageSource {
  readonly kind = 'npm' as const;
  private readonly limits: SourceLimits;
  private byVersion = new Map<string, NpmVersion>();
  private packumentAhead: Promise<Uint8Array> | undefined;

  constructor(
    private readonly packageName: string,
    private readonly options: NpmSourceOptions,
  ) {
    if (!validatePackageName(packageName)) throw invalidInput(`not a valid npm package name: ${JSON.stringify(packageName)}`);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.packumentAhead = options.packument;
  }

  async listVersions(): Promise<VersionListing> {
    if (this.options.offline) {
      throw invalidInput('offline mode lists no versions from the registry: name the versions to ingest from snapshots');
    }
    const ahead = this.packumentAhead;
    this.packumentAhead = undefined;
    const body = await (ahead ?? fetchPackument(this.options.registry, this.packageName, this.limits));
    let document: unknown;
    try {
      document = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      throw new DocdeltaError('UPSTREAM', `the registry's document for ${this.packageName} is not JSON`);
    }
    const packument = parsePackument(document, this.packageName);
    this.byVersion = new Map(packument.versions.map((entry) => [entry.version, entry]));
    return { versions: packument.versions, unpublished: packument.unpublished };
  }

  async fetchVersion(version: SourceVersion): Promise<SourceFile[]> {
    return extractTarball(await this.verifiedTarball(version), this.limits);
  }

  async downloadVersion(version: SourceVersion): Promise<() => Promise<SourceFile[]>> {
    const tarball = await this.verifiedTarball(version);
    return () => extractTarball(tarball, this.limits);
  }

  /** The snapshot when it matches the expected integrity; otherwise a download, verified, retried once. */
  private async verifiedTarball(version: SourceVersion): Promise<Uint8Array> {
    const entry = this.byVersion.get(version.version);
    const expected = { integrity: version.integrity ?? entry?.integrity, shasum: entry?.shasum ?? null };
    const snapshot = await this.options.snapshots.read(this.packageName, version.version);
    if (snapshot) {
      if (this.options.offline && !expected.integrity && !expected.shasum) return snapshot;
      try {
        verifyIntegrity(snapshot, expected);
        return snapshot;
      } catch (error) {
        if (this.options.offline) throw error;
      }
    }
    if (this.options.offline) throw invalidInput(`no snapshot of ${this.packageName}@${version.version} to ingest offline`);
    if (!entry) throw invalidInput(`${this.packageName}@${version.version} is not in the registry's list of versions`);
    const url = checkTarballUrl(entry.tarball, this.options.registry);
    // One deadline for the download of this version, the retry included.
    const deadline = Date.now() + this.limits.requestTimeoutMs;
    let lastError: unknown;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (attempt > 0 && deadline - Date.now() < 1) break;
      const bytes = await fetchBounded(url.href, { maxBytes: this.limits.maxTarballBytes, timeoutMs: deadline - Date.now(), statedTimeoutMs: this.limits.requestTimeoutMs }, { signal: this.options.signal });
      try {
        verifyIntegrity(bytes, expected);
      } catch (error) {
        lastError = error;
        continue;
      }
      await this.options.snapshots.write(this.packageName, version.version, bytes);
      return bytes;
    }
    throw lastError;
  }
}
