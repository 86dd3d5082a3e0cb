// A bare, as-shallow-as-possible copy of a tracked repository under `snapshots/git/`, so each sync
// fetches only what is new and an ingest can be repeated offline.
//
// Shape of the cache: only tags are fetched (`+refs/tags/*:refs/tags/*`), each at depth 1, without
// blobs (`--filter=blob:none`): a tag costs its commit and trees, and the blobs of the docs folder are
// fetched when a version is read. Servers that do not support filters send the blobs of the tagged
// commits instead; nothing else changes. A new cache is built in a temporary folder and renamed into
// place only when its first fetch succeeded, so a failed or interrupted clone leaves nothing behind.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GitFactory, GitLimits } from './git-process.ts';
import { runGit } from './git-process.ts';
import { describeLocation, type RepositoryLocation } from './repository-location.ts';

/** Folder name for a package's cache: readable, and tied to the location so a moved repo gets a new one. */
export function cacheFolderName(packageName: string, location: RepositoryLocation): string {
  const readable = packageName.toLowerCase().replace(/[^a-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 60) || 'repo';
  const hash = crypto.createHash('sha256').update(location.address).digest('hex').slice(0, 12);
  return `${readable}-${hash}.git`;
}

// One update per cache folder at a time within this process; git's own ref locks cover the rest.
const updating = new Map<string, Promise<void>>();

export class RepositoryCache {
  readonly folder: string;

  constructor(
    root: string,
    packageName: string,
    private readonly location: RepositoryLocation,
    private readonly git: GitFactory,
    private readonly limits: GitLimits,
  ) {
    this.folder = path.join(root, cacheFolderName(packageName, location));
  }

  async exists(): Promise<boolean> {
    const stat = await fs.stat(path.join(this.folder, 'HEAD')).catch(() => null);
    return stat?.isFile() ?? false;
  }

  /** Creates the cache or fetches what changed; concurrent callers share one run. */
  update(): Promise<void> {
    const running = updating.get(this.folder);
    if (running) return running;
    const run = (async () => {
      if (await this.exists()) await this.fetchTags(this.folder);
      else await this.create();
    })().finally(() => updating.delete(this.folder));
    updating.set(this.folder, run);
    return run;
  }

  private async create(): Promise<void> {
    const parent = path.dirname(this.folder);
    await fs.mkdir(parent, { recursive: true });
    const temporary = await fs.mkdtemp(path.join(parent, `.tmp-${path.basename(this.folder, '.git')}-`));
    try {
      await runGit('creating the cache repository', () => this.git(temporary).init(true), this.limits);
      await disableHooks(temporary);
      await runGit('adding the remote', () => this.git(temporary).raw(['remote', 'add', '--', 'origin', this.location.address]), this.limits);
      await this.fetchTags(temporary);
      try {
        await fs.rename(temporary, this.folder);
      } catch (error) {
        // Another process finished first; its cache is as good as ours.
        if (!(await this.exists())) throw error;
        await fs.rm(temporary, { recursive: true, force: true });
      }
    } catch (error) {
      await fs.rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }

  private async fetchTags(folder: string): Promise<void> {
    await runGit(
      `fetching the tags of ${describeLocation(this.location)}`,
      () =>
        this.git(folder).raw([
          'fetch',
          '--depth=1',
          '--filter=blob:none',
          '--no-recurse-submodules',
          '--no-write-fetch-head',
          '--prune',
          '--force',
          // Progress on stderr keeps the inactivity timeout from firing on a slow but live transfer.
          '--progress',
          'origin',
          '+refs/tags/*:refs/tags/*',
        ]),
      this.limits,
    );
  }

  /** Whether blobs may be missing locally (the server honoured `--filter=blob:none`). */
  async isPartial(): Promise<boolean> {
    const value = await runGit('reading the cache settings', () => this.git(this.folder).raw(['config', '--get', '--default', 'false', 'remote.origin.promisor']), this.limits);
    return value.trim() === 'true';
  }

  /** Fetches the blobs under `treeish` that a partial clone does not hold yet, in batches. */
  async prefetchBlobs(treeish: string): Promise<number> {
    if (!(await this.isPartial())) return 0;
    const listing = await runGit(
      'listing missing files',
      () => this.git(this.folder).raw(['rev-list', '--objects', '--missing=print', '--no-object-names', treeish, '--']),
      this.limits,
    );
    const missing = listing
      .split('\n')
      .filter((line) => line.startsWith('?'))
      .map((line) => line.slice(1).trim())
      .filter((oid) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid));
    for (let i = 0; i < missing.length; i += this.limits.fetchBatch) {
      const batch = missing.slice(i, i + this.limits.fetchBatch);
      await runGit(
        `fetching ${missing.length} files from ${describeLocation(this.location)}`,
        () =>
          this.git(this.folder).raw([
            '-c',
            'fetch.negotiationAlgorithm=noop',
            'fetch',
            '--no-tags',
            '--no-write-fetch-head',
            '--no-recurse-submodules',
            '--filter=blob:none',
            '--progress',
            'origin',
            ...batch,
          ]),
        this.limits,
      );
    }
    return missing.length;
  }
}

/**
 * The cache runs no hooks: the template's hook folder is removed, and the repository's own config
 * points hooks at /dev/null so a hooksPath in the user's global config does not apply either.
 * Written to the file directly because simple-git (rightly) refuses any `core.hooksPath` argument
 * unless its unsafe mode is on, and that mode stays off.
 */
async function disableHooks(gitDir: string): Promise<void> {
  await fs.rm(path.join(gitDir, 'hooks'), { recursive: true, force: true });
  await fs.appendFile(path.join(gitDir, 'config'), '[core]\n\thooksPath = /dev/null\n');
}
