// The whole path for a git-tracked package: track → sync → diff (the folder move found) → changelog
// and its Atom feed, parsed and checked entry by entry. Runs on PGlite and, when DATABASE_URL is
// set, on PostgreSQL.
import fs from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangelog, renderAtomFeed, renderChangelogMarkdown } from '../../src/changelog/index.ts';
import { DocdeltaError } from '../../src/errors.ts';
import { listVersions } from '../../src/services/catalog.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import { trackGitPackage } from '../../src/services/track.ts';
import { findPackage } from '../../src/store/packages.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { createDocsRepo, type FixtureRepo } from './fixture-repo.ts';


describe.each(testDrivers())('a git-tracked package on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let repo: FixtureRepo;

  beforeAll(async () => {
    [database, repo] = await Promise.all([openTestDatabase(driver), createDocsRepo()]);
    ctx = await testContext(database, { PUBLIC_BASE_URL: 'https://docdelta.example.com' });
  });
  afterAll(async () => {
    await database?.close();
    await repo?.dispose();
    if (ctx) await fs.rm(ctx.config.snapshotsDir, { recursive: true, force: true });
  });

  it('tracks the repository, then syncs its tags as versions (a second sync stores nothing)', async () => {
    const tracked = await trackGitPackage(ctx, { location: repo.dir, docs: './docs/', name: 'git-docs' });
    expect(tracked.outcome).toBe('created');
    expect(tracked.package).toMatchObject({ name: 'git-docs', source: 'git', location: repo.dir, docsRoot: 'docs', options: { tags: null } });
    expect((await trackGitPackage(ctx, { location: repo.dir, docs: 'docs', name: 'git-docs' })).outcome).toBe('unchanged');

    const report = await syncPackage(ctx, 'git-docs');
    expect(report.failed).toEqual([]);
    expect(report.ingested.map((version) => [version.version, version.files])).toEqual([
      ['v1.0.0', 8],
      ['v1.1.0', 9],
      ['v2.0.0', 9],
      ['docs-preview', 10],
    ]);
    const listed = await listVersions(ctx, 'git-docs');
    expect(listed.versions.map((version) => [version.version, version.publishedAt?.slice(0, 10)])).toEqual([
      ['v1.0.0', '2025-01-01'],
      ['v1.1.0', '2025-02-01'],
      ['v2.0.0', '2025-03-01'],
      ['docs-preview', '2025-03-15'],
    ]);
    const again = await syncPackage(ctx, 'git-docs');
    expect(again.ingested).toEqual([]);
    expect(again.alreadyStored).toBe(4);
  });

  it('finds the folder move, the binary change and the page changes between v1.1.0 and v2.0.0', async () => {
    const diff = await getVersionDiff(ctx, { package: 'git-docs', from: 'v1.1.0', to: 'v2.0.0' });
    expect(diff.moves).toEqual([{ from: 'docs/user-management', to: 'docs/authkit', files: 4, edited: 2 }]);
    const byPath = new Map(diff.files.map((change) => [change.path, change]));
    expect(byPath.get('docs/assets/logo.png')).toMatchObject({ status: 'modified', binary: true });
    expect(byPath.get('docs/authkit/passkeys.mdx')).toMatchObject({ status: 'added', title: 'Passkeys' });
    expect(byPath.get('docs/legacy.mdx')).toMatchObject({ status: 'removed', title: 'Legacy API' });
    expect(byPath.get('docs/authkit/users.mdx')).toMatchObject({ status: 'renamed', oldPath: 'docs/user-management/users.mdx' });
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, renamed: 4 });
  });

  it('honours a tag pattern, and refuses re-tracking a name from another location', async () => {
    await trackGitPackage(ctx, { location: repo.dir, docs: 'docs', tags: 'v*', name: 'git-docs-releases' });
    const report = await syncPackage(ctx, 'git-docs-releases');
    expect(report.ingested.map((version) => version.version)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0']);
    const error = await trackGitPackage(ctx, { location: `${repo.dir}/..`, docs: 'docs', name: 'git-docs' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocdeltaError);
    expect((error as DocdeltaError).code).toBe('CONFLICT');
  });

  it('refuses bad locations and refs with INVALID_INPUT and registers nothing', async () => {
    for (const location of ['ext::sh -c touch% /tmp/docdelta-pwned', 'file:///tmp/x', '--upload-pack=touch /tmp/docdelta-pwned', 'fd::3']) {
      const error = await trackGitPackage(ctx, { location, docs: 'docs', name: 'evil-docs' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DocdeltaError);
      expect((error as DocdeltaError).code).toBe('INVALID_INPUT');
    }
    const badTags = await trackGitPackage(ctx, { location: repo.dir, docs: 'docs', tags: '--orphan', name: 'evil-docs' }).catch((caught: unknown) => caught);
    expect((badTags as DocdeltaError).code).toBe('INVALID_INPUT');
    expect(await findPackage(ctx.db, 'evil-docs')).toBeUndefined();
    const badVersion = await syncPackage(ctx, 'git-docs', { versions: ['--orphan'] }).catch((caught: unknown) => caught);
    expect((badVersion as DocdeltaError).code).toBe('INVALID_INPUT');
  });

  it('writes the changelog newest first, with the move, new and removed pages, and links to the diff pages', async () => {
    const changelog = await getChangelog(ctx, { package: 'git-docs' });
    expect(changelog.entries.map((entry) => [entry.version, entry.previous])).toEqual([
      ['docs-preview', 'v2.0.0'],
      ['v2.0.0', 'v1.1.0'],
      ['v1.1.0', 'v1.0.0'],
      ['v1.0.0', null],
    ]);
    const markdown = renderChangelogMarkdown(changelog);
    expect(markdown).toMatchInlineSnapshot(`
      "# Changelog: git-docs

      ## docs-preview (2025-03-15)

      Compared with v2.0.0: 1 file changed: 1 added, 0 removed, 0 modified, 0 renamed; +8 −0 lines. [See the full diff](<https://docdelta.example.com/p/git-docs/diff/v2.0.0...docs-preview>)

      ### New pages

      - **Preview \\<script\\>alert(1)\\</script\\>** \`docs/preview.mdx\`

      ## v2.0.0 (2025-03-01)

      Compared with v1.1.0: 8 files changed: 1 added, 1 removed, 2 modified, 4 renamed; +17 −17 lines. [See the full diff](<https://docdelta.example.com/p/git-docs/diff/v1.1.0...v2.0.0>)

      ### Folder moves

      - \`docs/{user-management → authkit}/\`: 4 files, 2 edited

      ### New pages

      - **Passkeys** \`docs/authkit/passkeys.mdx\`

      ### Removed pages

      - **Legacy API** \`docs/legacy.mdx\`

      ### Most changed pages

      - **AuthKit** [\`docs/{user-management → authkit}/index.mdx\`](<https://docdelta.example.com/p/git-docs/diff/v1.1.0...v2.0.0#file-docs-authkit-index-mdx>) +3 −3
        - title was “User Management”
        - sections added: AuthKit
        - sections removed: User Management
      - **Users** [\`docs/{user-management → authkit}/users.mdx\`](<https://docdelta.example.com/p/git-docs/diff/v1.1.0...v2.0.0#file-docs-authkit-users-mdx>) +1 −1
        - sections added: Remove a user
        - sections removed: Delete a user
      - **Home** [\`docs/index.mdx\`](<https://docdelta.example.com/p/git-docs/diff/v1.1.0...v2.0.0#file-docs-index-mdx>) +1 −1
        - sections changed: Home

      1 other file changed (not pages).

      ## v1.1.0 (2025-02-01)

      Compared with v1.0.0: 2 files changed: 1 added, 0 removed, 1 modified, 0 renamed; +20 −0 lines. [See the full diff](<https://docdelta.example.com/p/git-docs/diff/v1.0.0...v1.1.0>)

      ### New pages

      - **Webhooks** \`docs/guides/webhooks.mdx\`

      ### Most changed pages

      - **Quickstart** [\`docs/guides/quickstart.mdx\`](<https://docdelta.example.com/p/git-docs/diff/v1.0.0...v1.1.0#file-docs-guides-quickstart-mdx>) +8 −0
        - sections added: Configure

      ## v1.0.0 (2025-01-01)

      First version docdelta stored: 8 files. [Browse it](<https://docdelta.example.com/p/git-docs>)
      "
    `);
  });

  it('publishes an Atom feed that an XML parser reads back entry by entry', async () => {
    const changelog = await getChangelog(ctx, { package: 'git-docs' });
    const xml = renderAtomFeed(changelog, { selfUrl: 'https://docdelta.example.com/changelog.xml?package=git-docs', siteUrl: 'https://docdelta.example.com/' });
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:docdelta:changelog:git-docs');
    expect(feed.updated).toBe('2025-03-15T10:00:00.000Z');
    expect(feed.link.map((link: Record<string, string>) => link['@rel'])).toEqual(['self', 'alternate']);
    // Parsed XML: loosely typed by nature.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const entries = feed.entry as Record<string, any>[];
    expect(entries.map((entry) => entry.id)).toEqual([
      'urn:docdelta:changelog:git-docs:docs-preview',
      'urn:docdelta:changelog:git-docs:v2.0.0',
      'urn:docdelta:changelog:git-docs:v1.1.0',
      'urn:docdelta:changelog:git-docs:v1.0.0',
    ]);
    expect(entries.map((entry) => entry.updated)).toEqual([
      '2025-03-15T10:00:00.000Z',
      '2025-03-01T10:00:00.000Z',
      '2025-02-01T10:00:00.000Z',
      '2025-01-01T10:00:00.000Z',
    ]);
    expect(entries.map((entry) => entry.title['#text'])).toEqual([
      'git-docs docs-preview: 1 page added, 1 file changed in all',
      'git-docs v2.0.0: 1 folder moved, 1 page added, 1 page removed, 8 files changed in all',
      'git-docs v1.1.0: 1 page added, 2 files changed in all',
      'git-docs v1.0.0: first version docdelta stored (8 files)',
    ]);
    expect(entries.map((entry) => entry.link[0]['@href'])).toEqual([
      'https://docdelta.example.com/p/git-docs/diff/v2.0.0...docs-preview',
      'https://docdelta.example.com/p/git-docs/diff/v1.1.0...v2.0.0',
      'https://docdelta.example.com/p/git-docs/diff/v1.0.0...v1.1.0',
      'https://docdelta.example.com/p/git-docs',
    ]);
    // The content is HTML carried as text: the page title's <script> arrives escaped inside it.
    const preview = entries[0]!.content;
    expect(preview['@type']).toBe('html');
    expect(preview['#text']).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview['#text']).not.toContain('<script>');
    expect(entries[1]!.content['#text']).toContain('<code>docs/{user-management → authkit}/</code>: 4 files, 2 edited');
  });
});
