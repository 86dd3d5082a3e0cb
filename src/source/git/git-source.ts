// Versions from a git repository: its tags (optionally matching a pattern) are the versions, and
// the files under the docs folder at each tag are that version's files, with their paths as the
// repository has them (the docs folder prefix kept, so routes come from the package's docsRoot).
import { compareVersions } from '../version-order.ts';
import { DocdeltaError, integrity, invalidInput } from '../../errors.ts';
import type { SourceFile, SourceVersion } from '../../types.ts';
import { DEFAULT_LIMITS, type SourceLimits } from '../limits.ts';
import type { PackageSource, VersionListing } from '../package-source.ts';
import { catFileBatch } from './cat-file-batch.ts';
import { DEFAULT_GIT_LIMITS, type GitFactory, type GitLimits, gitEnvironment, hardenedGitFactory, runGit } from './git-process.ts';
import { checkLocalRepository } from './local-repository.ts';
import { checkTagName, normalizeDocsFolder, tagMatcher } from './ref-names.ts';
import { RepositoryCache } from './repository-cache.ts';
import { describeLocation, parseRepositoryLocation, type RepositoryLocation } from './repository-location.ts';
import { parseTagListing, TAG_FORMAT, type TagRecord } from './tag-listing.ts';
import { parseTreeListing } from './tree-listing.ts';

export interface GitSourceOptions {
  packageName: string;
  /** The repository: https://, ssh://, user@host:path or a local folder. */
  location: string;
  /** Folder (relative to the repository root) whose files make up each version. */
  docsFolder: string;
  /** Only tags matching this pattern (`v*`); all tags when absent. */
  tags?: string | null;
  /** Where repository caches live (`${snapshotsDir}/git`). */
  cacheRoot: string;
  /** Use the cache as it is; never touch the network. */
  offline?: boolean;
  limits?: SourceLimits;
  gitLimits?: GitLimits;
  /** The simple-git factory; tests pass the real one wrapped to observe it. */
  gitFactory?: GitFactory;
}

export class GitSource implements PackageSource {
  readonly kind = 'git' as const;
  readonly location: RepositoryLocation;
  readonly docsFolder: string;
  private readonly matches: (tag: string) => boolean;
  private readonly limits: SourceLimits;
  private readonly gitLimits: GitLimits;
  private readonly git: GitFactory;
  private readonly cache: RepositoryCache;
  private updated: Promise<void> | null = null;
  private tags: Promise<TagRecord[]> | null = null;

  /** Every argument is checked here, before any process can be started. */
  constructor(private readonly options: GitSourceOptions) {
    this.location = parseRepositoryLocation(options.location);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.docsFolder = normalizeDocsFolder(options.docsFolder, this.limits.maxPathDepth);
    this.matches = tagMatcher(options.tags);
    this.gitLimits = options.gitLimits ?? DEFAULT_GIT_LIMITS;
    this.git = options.gitFactory ?? hardenedGitFactory(this.location.protocol, this.gitLimits);
    this.cache = new RepositoryCache(options.cacheRoot, options.packageName, this.location, this.git, this.gitLimits);
  }

  async listVersions(): Promise<VersionListing> {
    const tags = await this.matchingTags();
    const present = await this.tagsWithDocs(tags);
    const versions: SourceVersion[] = present.map((tag) => ({
      version: tag.name,
      publishedAt: tag.date,
      deprecated: null,
      integrity: tag.commit,
    }));
    versions.sort((a, b) => compareVersions({ version: a.version, publishedAt: a.publishedAt }, { version: b.version, publishedAt: b.publishedAt }));
    return { versions, unpublished: false };
  }

  async fetchVersion(version: SourceVersion): Promise<SourceFile[]> {
    const name = checkTagName(version.version);
    const tag = (await this.matchingTags()).find((candidate) => candidate.name === name);
    if (!tag) throw invalidInput(`${describeLocation(this.location)} has no tag ${JSON.stringify(name)}${this.options.tags ? ` matching ${this.options.tags}` : ''}`);
    if (version.integrity && version.integrity !== tag.commit) {
      throw integrity(`tag ${name} now points at commit ${tag.commit.slice(0, 12)}, not ${version.integrity.slice(0, 12)} as when it was listed`);
    }
    const [docs] = await this.tagsWithDocs([tag]);
    if (!docs) throw invalidInput(`${name} has no ${this.docsFolder} folder`);
    const treeish = `${tag.commit}:${this.docsFolder}`;
    await this.cache.prefetchBlobs(treeish);
    const listing = await runGit(
      `listing the files of ${name}`,
      () => this.git(this.cache.folder).raw(['ls-tree', '-r', '-z', '--full-tree', tag.commit, '--', this.docsFolder]),
      this.gitLimits,
    );
    const entries = parseTreeListing(listing, this.docsFolder, this.limits);
    const answers = await catFileBatch(
      this.cache.folder,
      entries.map((entry) => entry.oid),
      {
        contents: true,
        env: gitEnvironment(this.location.protocol),
        limits: { maxObjectBytes: this.limits.maxFileBytes, maxTotalBytes: this.limits.maxUnpackedBytes, inactivityMs: this.gitLimits.inactivityMs },
      },
    );
    return entries.map((entry, index) => {
      const answer = answers[index]!;
      if (answer.missing || answer.bytes === null || answer.type !== 'blob') {
        throw new DocdeltaError('UPSTREAM', `could not read ${entry.path} of ${name} from the repository cache`);
      }
      return { path: entry.path, bytes: answer.bytes };
    });
  }

  /** Brings the cache up to date once per source instance (a sync makes one instance). */
  private ensureCache(): Promise<void> {
    this.updated ??= (async () => {
      if (this.options.offline) {
        if (!(await this.cache.exists())) throw invalidInput(`no cached copy of ${describeLocation(this.location)} to read offline; sync once online`);
        return;
      }
      await checkLocalRepository(this.location);
      await this.cache.update();
    })();
    this.updated.catch(() => {
      this.updated = null;
    });
    return this.updated;
  }

  private matchingTags(): Promise<TagRecord[]> {
    this.tags ??= (async () => {
      await this.ensureCache();
      const output = await runGit(
        'listing tags',
        () => this.git(this.cache.folder).raw(['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags']),
        this.gitLimits,
      );
      const tags = parseTagListing(output).tags.filter((tag) => this.matches(tag.name));
      if (tags.length > this.gitLimits.maxTags) {
        throw invalidInput(`${describeLocation(this.location)} has ${tags.length} matching tags, more than ${this.gitLimits.maxTags}; narrow them with a tag pattern`);
      }
      return tags;
    })();
    this.tags.catch(() => {
      this.tags = null;
    });
    return this.tags;
  }

  /** The tags whose tree has the docs folder: earlier tags predate the docs and are not versions. */
  private async tagsWithDocs(tags: TagRecord[]): Promise<TagRecord[]> {
    const answers = await catFileBatch(
      this.cache.folder,
      tags.map((tag) => `${tag.commit}:${this.docsFolder}`),
      {
        contents: false,
        env: gitEnvironment(this.location.protocol),
        limits: { maxObjectBytes: 0, maxTotalBytes: 0, inactivityMs: this.gitLimits.inactivityMs },
      },
    );
    return tags.filter((_, index) => {
      const answer = answers[index];
      return answer !== undefined && !answer.missing && answer.type === 'tree';
    });
  }
}
