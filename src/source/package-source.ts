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
}
