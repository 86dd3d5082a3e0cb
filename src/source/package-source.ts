import type { SourceFile, SourceVersion } from '../types.ts';

export interface VersionListing {
  versions: SourceVersion[];
  /** The package was unpublished from its registry: nothing to fetch, not an error. */
  unpublished: boolean;
}

/** Where versions come from: the npm registry, a git repository's tags, or local files. */
export interface PackageSource {
  readonly kind: 'npm' | 'git' | 'local';
  listVersions(): Promise<VersionListing>;
  fetchVersion(version: SourceVersion): Promise<SourceFile[]>;
  /**
   * Optional: downloads (and verifies) a version now and unpacks it later, when the returned function
   * is called. Lets a sync download several versions ahead while holding only their archives, not
   * their unpacked files (npm: a 1.8 MB tarball against 7.3 MB of files and the unpacking's buffers).
   */
  downloadVersion?(version: SourceVersion): Promise<() => Promise<SourceFile[]>>;
}
