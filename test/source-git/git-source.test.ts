import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocdeltaError } from '../../src/errors.ts';
import { DEFAULT_GIT_LIMITS, type GitFactory, GitSource, hardenedGitFactory } from '../../src/source/git/index.ts';
import { tempDir } from '../support/context.ts';
import { binaryImage, createDocsRepo, createRepo, type FixtureRepo, TAG_DATES } from './fixture-repo.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** The real hardened factory, counting the simple-git instances it hands out. */
function countingFactory(): { factory: GitFactory; calls: () => number } {
  const real = hardenedGitFactory('file');
  let calls = 0;
  return {
    factory: (baseDir) => {
      calls += 1;
      return real(baseDir);
    },
    calls: () => calls,
  };
}

async function failure(promise: Promise<unknown>): Promise<DocdeltaError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocdeltaError);
  return error as DocdeltaError;
}

describe('GitSource over a repository the test builds', () => {
  let repo: FixtureRepo;
  let cacheRoot: string;

  beforeAll(async () => {
    repo = await createDocsRepo();
    cacheRoot = await tempDir('docdelta-git-cache-');
  });
  afterAll(async () => {
    await repo.dispose();
    await fs.rm(cacheRoot, { recursive: true, force: true });
  });

  const source = (extra: Partial<ConstructorParameters<typeof GitSource>[0]> = {}) =>
    new GitSource({ packageName: 'git-fixture', location: repo.dir, docsFolder: 'docs', cacheRoot, ...extra });

  it('lists the tags that hold the docs folder as versions, in release order, with tag dates and commits', async () => {
    const listing = await source().listVersions();
    expect(listing.unpublished).toBe(false);
    expect(listing.versions.map((version) => version.version)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0', 'docs-preview']);
    for (const version of listing.versions) {
      expect(version.publishedAt?.toISOString()).toBe(new Date(TAG_DATES[version.version]!).toISOString());
      const commit = (await repo.git.raw(['rev-parse', `${version.version}^{commit}`])).trim();
      expect(version.integrity).toBe(commit);
    }
  });

  it('leaves out tags that do not match the pattern', async () => {
    const listing = await source({ tags: 'v*' }).listVersions();
    expect(listing.versions.map((version) => version.version)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0']);
  });

  it('reads the files under the docs folder at a tag: prefix kept, binary intact, links and outside files left out', async () => {
    const git = source();
    const versions = (await git.listVersions()).versions;
    const v1 = await git.fetchVersion(versions[0]!);
    expect(v1.map((file) => file.path)).toEqual([
      'docs/assets/logo.png',
      'docs/guides/quickstart.mdx',
      'docs/index.mdx',
      'docs/legacy.mdx',
      'docs/user-management/index.mdx',
      'docs/user-management/organizations.mdx',
      'docs/user-management/sessions.mdx',
      'docs/user-management/users.mdx',
    ]);
    expect(v1.find((file) => file.path === 'docs/assets/logo.png')!.bytes).toEqual(binaryImage(1));
    expect(text(v1.find((file) => file.path === 'docs/index.mdx')!.bytes)).toContain('title: Home');

    const v11 = await git.fetchVersion(versions[1]!);
    expect(v11.some((file) => file.path === 'docs/readme-link.md')).toBe(false);
    const v2 = await git.fetchVersion(versions[2]!);
    expect(v2.filter((file) => file.path.startsWith('docs/authkit/')).length).toBe(5);
    expect(v2.some((file) => file.path.startsWith('docs/user-management/'))).toBe(false);
    expect(v2.find((file) => file.path === 'docs/assets/logo.png')!.bytes).toEqual(binaryImage(2));
  });

  it('keeps a bare partial clone: tags only, no hooks, and no blobs outside the docs folder', async () => {
    const git = source();
    await git.fetchVersion((await git.listVersions()).versions[0]!);
    const [folder] = (await fs.readdir(cacheRoot)).filter((name) => name.endsWith('.git'));
    expect(folder).toMatch(/^git-fixture-[0-9a-f]{12}\.git$/);
    const cache = path.join(cacheRoot, folder!);
    const inspect = simpleGit({ baseDir: cache }).env({ PATH: process.env.PATH ?? '/usr/bin:/bin' });
    expect((await inspect.raw(['rev-parse', '--is-bare-repository'])).trim()).toBe('true');
    expect((await inspect.raw(['config', '--get', 'remote.origin.promisor'])).trim()).toBe('true');
    expect((await inspect.raw(['for-each-ref', '--format=%(refname)'])).trim().split('\n').every((ref) => ref.startsWith('refs/tags/'))).toBe(true);
    await expect(fs.stat(path.join(cache, 'hooks'))).rejects.toThrow();
    expect(await fs.readFile(path.join(cache, 'config'), 'utf8')).toMatch(/hooksPath = \/dev\/null/);
    // README.md and src/app.ts were never fetched: the partial clone only filled in docs blobs.
    const missing = await inspect.raw(['rev-list', '--objects', '--missing=print', 'v1.0.0^{commit}']);
    const readme = (await repo.git.raw(['rev-parse', 'v1.0.0:README.md'])).trim();
    expect(missing).toContain(`?${readme}`);
    expect((await fs.readdir(cacheRoot)).some((name) => name.startsWith('.tmp-'))).toBe(false);
  });

  it('fetches new tags incrementally into the same cache', async () => {
    const before = await fs.readdir(cacheRoot);
    await repo.commitAndTag({ 'docs/changelog.mdx': '# Changelog\n' }, 'v2.1.0', '2025-04-01T10:00:00Z');
    const git = source({ tags: 'v*' });
    const versions = (await git.listVersions()).versions;
    expect(versions.map((version) => version.version)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0', 'v2.1.0']);
    const files = await git.fetchVersion(versions.at(-1)!);
    expect(files.some((file) => file.path === 'docs/changelog.mdx')).toBe(true);
    expect(await fs.readdir(cacheRoot)).toEqual(before);
  });

  it('refuses a tag that moved since it was listed', async () => {
    const git = source();
    const [first] = (await git.listVersions()).versions;
    const error = await failure(git.fetchVersion({ ...first!, integrity: '0'.repeat(40) }));
    expect(error.code).toBe('INTEGRITY');
  });

  it('reads offline from the cache, and says so when there is none', async () => {
    const hidden = `${repo.dir}-away`;
    await fs.rename(repo.dir, hidden);
    try {
      const offline = source({ offline: true });
      const versions = (await offline.listVersions()).versions;
      expect(versions.length).toBeGreaterThanOrEqual(4);
      expect((await offline.fetchVersion(versions[0]!)).length).toBe(8);
      const online = await failure(source().listVersions());
      expect(online.code).toBe('INVALID_INPUT');
      expect(online.message).toMatch(/no folder at/);
      const noCache = await failure(source({ offline: true, cacheRoot: `${cacheRoot}-none` }).listVersions());
      expect(noCache.message).toMatch(/no cached copy/);
    } finally {
      await fs.rename(hidden, repo.dir);
    }
  });

  it('works the same when the server ignores --filter (full blobs of the tagged commits)', async () => {
    const plain = await createRepo({ allowFilter: false });
    try {
      await plain.commitAndTag({ 'site/a.md': '# A\n', 'site/img.bin': binaryImage(3), 'other.txt': 'x\n' }, '1.0.0', '2025-01-01T00:00:00Z');
      const git = new GitSource({ packageName: 'plain', location: plain.dir, docsFolder: 'site', cacheRoot });
      const [version] = (await git.listVersions()).versions;
      const files = await git.fetchVersion(version!);
      expect(files.map((file) => file.path)).toEqual(['site/a.md', 'site/img.bin']);
      expect(files[1]!.bytes).toEqual(binaryImage(3));
    } finally {
      await plain.dispose();
    }
  });
});

describe('GitSource refuses bad input before running git (rows 31–32)', () => {
  let cacheRoot: string;
  beforeAll(async () => {
    cacheRoot = await tempDir('docdelta-git-refuse-');
  });
  afterAll(() => fs.rm(cacheRoot, { recursive: true, force: true }));

  it.each([
    'ext::sh -c touch% /tmp/docdelta-pwned',
    'fd::3',
    'file:///tmp/repo',
    '--upload-pack=touch /tmp/docdelta-pwned',
    '-u touch /tmp/docdelta-pwned',
    'ssh://-oProxyCommand=touch%20/tmp/docdelta-pwned/x',
    'http://127.0.0.1/repo.git',
  ])('refuses the location %j with INVALID_INPUT and no git process', (location) => {
    const counter = countingFactory();
    let error: unknown;
    try {
      new GitSource({ packageName: 'bad', location, docsFolder: 'docs', cacheRoot, gitFactory: counter.factory });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocdeltaError);
    expect((error as DocdeltaError).code).toBe('INVALID_INPUT');
    expect((error as DocdeltaError).message).toMatch(/refused repository location/);
    expect(counter.calls()).toBe(0);
  });

  it('refuses refs starting with "-" and bad patterns and folders with no git process', async () => {
    const counter = countingFactory();
    const git = new GitSource({ packageName: 'refs', location: cacheRoot, docsFolder: 'docs', cacheRoot, gitFactory: counter.factory });
    for (const version of ['--orphan', '-b', '--upload-pack=x']) {
      const error = await failure(git.fetchVersion({ version, publishedAt: null, deprecated: null, integrity: null }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/refused tag/);
    }
    expect(() => new GitSource({ packageName: 'p', location: cacheRoot, docsFolder: 'docs', tags: '--sort=x', cacheRoot, gitFactory: counter.factory })).toThrow(/refused tag pattern/);
    expect(() => new GitSource({ packageName: 'p', location: cacheRoot, docsFolder: '--output=x', cacheRoot, gitFactory: counter.factory })).toThrow(/refused docs folder/);
    expect(counter.calls()).toBe(0);
    expect(await fs.readdir(cacheRoot)).toEqual([]);
  });

  it('has simple-git refuse unsafe arguments even if they got past the allowlist (GitPluginError)', async () => {
    const marker = path.join(cacheRoot, 'pwned');
    const git = hardenedGitFactory('file')(cacheRoot);
    for (const args of [
      ['fetch', `--upload-pack=touch ${marker}`, cacheRoot],
      ['clone', '-u', `touch ${marker}`, cacheRoot, path.join(cacheRoot, 'x')],
      ['-c', 'protocol.ext.allow=always', 'fetch', `ext::sh -c touch% ${marker}`],
      ['-c', `core.sshCommand=touch ${marker}`, 'fetch', 'ssh://example.invalid/x'],
    ]) {
      const error = await git.raw(args).then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error?.constructor.name, args.join(' ')).toBe('GitPluginError');
    }
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('has git itself refuse the ext:: transport through GIT_ALLOW_PROTOCOL', async () => {
    const marker = path.join(cacheRoot, 'pwned-ext');
    const git = hardenedGitFactory('https')(cacheRoot);
    const error = await git.raw(['ls-remote', `ext::sh -c touch% ${marker}`]).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/transport 'ext' not allowed/);
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('fails fast on a server that never answers, leaving no clone or temporary folder behind', async () => {
    // Accepts TCP connections and says nothing: a hung server, or one waiting for a password.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const root = path.join(cacheRoot, 'hung');
    try {
      const started = Date.now();
      const git = new GitSource({
        packageName: 'hung',
        location: `https://127.0.0.1:${port}/docs.git`,
        docsFolder: 'docs',
        cacheRoot: root,
        gitLimits: { ...DEFAULT_GIT_LIMITS, inactivityMs: 1_000 },
      });
      const error = await failure(git.listVersions());
      expect(error.code).toBe('UPSTREAM');
      expect(error.message).toMatch(/silent for 1 s/);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await fs.readdir(root)).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a folder that is not a repository as an upstream failure, and removes the half-made clone', async () => {
    const notRepo = await tempDir('docdelta-not-a-repo-');
    const root = path.join(cacheRoot, 'not-repo');
    try {
      const error = await failure(new GitSource({ packageName: 'nope', location: notRepo, docsFolder: 'docs', cacheRoot: root }).listVersions());
      expect(error.code).toBe('UPSTREAM');
      expect(error.message).toMatch(/git failed while fetching the tags of folder/);
      expect(await fs.readdir(root)).toEqual([]);
    } finally {
      await fs.rm(notRepo, { recursive: true, force: true });
    }
  });
});
