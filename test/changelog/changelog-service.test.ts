import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChangelog, renderChangelogMarkdown } from '../../src/changelog/index.ts';
import { DocdeltaError } from '../../src/errors.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';

async function failure(promise: Promise<unknown>): Promise<DocdeltaError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocdeltaError);
  return error as DocdeltaError;
}

const steps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    version: `1.${i}.0`,
    files: { 'docs/index.md': `# Home\n\n${'line\n'.repeat(i + 1)}`, [`docs/page-${i}.md`]: `# Page ${i}\n` },
    publishedAt: new Date(Date.UTC(2025, 5, 1 + i)),
  }));

describe.each(testDrivers())('getChangelog on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    ctx = await testContext(database, { PUBLIC_BASE_URL: 'https://docs-diff.example.com/' });
    await seedFixture(ctx, '@fixture/changelog');
    await seedPackage(ctx, 'changelog-steps', steps(4));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('summarizes each version against the one before it, newest first', async () => {
    const changelog = await getChangelog(ctx, { package: '@fixture/changelog' });
    expect(changelog.package).toBe('@fixture/changelog');
    const [latest, first] = changelog.entries;
    expect(changelog.entries).toHaveLength(2);
    expect(first).toMatchObject({ version: '1.0.0', previous: null, changes: null, files: 12, url: 'https://docs-diff.example.com/p/@fixture/changelog' });
    expect(latest).toMatchObject({ version: '2.0.0', previous: '1.0.0', url: 'https://docs-diff.example.com/p/@fixture/changelog/diff/1.0.0...2.0.0' });
    const changes = latest!.changes!;
    expect(changes.moves).toMatchObject([{ from: '.docs/organized/docs/user-management', to: '.docs/organized/docs/authkit', files: 4, edited: 2 }]);
    expect(changes.addedPages.items).toEqual([{ path: '.docs/organized/docs/authkit/passkeys.mdx', title: 'Passkeys' }]);
    expect(changes.removedPages.items.map((page) => page.title).sort()).toEqual(['Multi-Factor Auth', 'Old API']);
    expect(changes.renamedPages.total).toBe(0);
    const sso = changes.mostChanged.find((page) => page.title === 'Single Sign-On');
    expect(sso).toMatchObject({ sectionsAdded: ['Troubleshooting'] });
    expect(sso!.url).toBe('https://docs-diff.example.com/p/@fixture/changelog/diff/1.0.0...2.0.0#file-docs-organized-docs-sso-mdx');
  });

  it('escapes the page that tries to inject markup', async () => {
    const markdown = renderChangelogMarkdown(await getChangelog(ctx, { package: '@fixture/changelog' }));
    expect(markdown).toContain('**Unsafe \\<script\\>alert(1)\\</script\\>**');
    expect(markdown).not.toMatch(/<script>|<img/);
  });

  it('starts after --since and stops at the limit', async () => {
    const since = await getChangelog(ctx, { package: 'changelog-steps', since: '1.1.0' });
    expect(since.entries.map((entry) => entry.version)).toEqual(['1.3.0', '1.2.0']);
    expect((await getChangelog(ctx, { package: 'changelog-steps', since: 'latest' })).entries).toEqual([]);
    expect((await getChangelog(ctx, { package: 'changelog-steps', since: 'previous' })).entries.map((entry) => entry.version)).toEqual(['1.3.0']);
    const limited = await getChangelog(ctx, { package: 'changelog-steps', limit: 2 });
    expect(limited.entries.map((entry) => [entry.version, entry.previous])).toEqual([
      ['1.3.0', '1.2.0'],
      ['1.2.0', '1.1.0'],
    ]);
    expect(limited.entries[0]!.changes!.addedPages.items).toEqual([{ path: 'docs/page-3.md', title: 'Page 3' }]);
  });

  it('merges every tracked package by date when none is named', async () => {
    const all = await getChangelog(ctx, {});
    expect(all.package).toBeNull();
    expect(all.entries.map((entry) => `${entry.package}@${entry.version}`)).toEqual([
      'changelog-steps@1.3.0',
      'changelog-steps@1.2.0',
      'changelog-steps@1.1.0',
      'changelog-steps@1.0.0',
      '@fixture/changelog@2.0.0',
      '@fixture/changelog@1.0.0',
    ]);
    expect(renderChangelogMarkdown(all)).toContain('## changelog-steps 1.3.0 (2025-06-04)');
  });

  it('refuses what it cannot answer', async () => {
    expect((await failure(getChangelog(ctx, { package: 'no-such-docs' }))).code).toBe('NOT_FOUND');
    expect((await failure(getChangelog(ctx, { package: 'changelog-steps', since: '9.9.9' }))).code).toBe('NOT_FOUND');
    expect((await failure(getChangelog(ctx, { since: '1.0.0' }))).message).toMatch(/since needs a package/);
    expect((await failure(getChangelog(ctx, { package: 'changelog-steps', limit: 0 }))).code).toBe('INVALID_INPUT');
    expect((await failure(getChangelog(ctx, { package: 'changelog-steps', since: 'x\u0000' }))).code).toBe('INVALID_INPUT');
  });
});
