// The flow on the command line: `docdelta track git …`, `docdelta sync NAME`,
// `docdelta changelog`, with the commands' real argument parsing and output.
import fs from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changelogCommand } from '../../src/cli/changelog-command.ts';
import { type Command, type CommandEnv, UsageError } from '../../src/cli/command.ts';
import { syncCommand } from '../../src/cli/sync-command.ts';
import { trackCommand } from '../../src/cli/track-command.ts';
import { exitCodeFor } from '../../src/cli.ts';
import { DocdeltaError } from '../../src/errors.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { findPackage } from '../../src/store/packages.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { createDocsRepo, type FixtureRepo } from './fixture-repo.ts';


function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe.each(testDrivers())('the track and changelog commands on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let repo: FixtureRepo;

  async function run(command: Command, args: string[]): Promise<{ code: number; stdout: string; error?: unknown }> {
    const stdout = capture();
    const stderr = capture();
    const env: CommandEnv = { io: { stdout: stdout.stream, stderr: stderr.stream }, config: ctx.config, context: async () => ctx };
    try {
      return { code: await command.run(args, env), stdout: stdout.text() };
    } catch (error) {
      return { code: exitCodeFor(error), stdout: stdout.text(), error };
    }
  }

  beforeAll(async () => {
    [database, repo] = await Promise.all([openTestDatabase(driver), createDocsRepo()]);
    ctx = await testContext(database, { PUBLIC_BASE_URL: 'https://docdelta.example.com' });
  });
  afterAll(async () => {
    await database?.close();
    await repo?.dispose();
    if (ctx) await fs.rm(ctx.config.snapshotsDir, { recursive: true, force: true });
  });

  it('tracks a repository, syncs it and prints the changelog since a version', async () => {
    const tracked = await run(trackCommand, ['git', repo.dir, '--docs', 'docs', '--tags', 'v*', '--name', 'cli-docs']);
    expect(tracked.code).toBe(0);
    expect(tracked.stdout).toBe(`tracking cli-docs: ${repo.dir}, pages under docs/, tags matching v*\nrun \`docdelta sync cli-docs\` to ingest its tags\n`);

    const synced = await run(syncCommand, ['cli-docs']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('cli-docs@v2.0.0: stored 9 files');

    const changelog = await run(changelogCommand, ['--package', 'cli-docs', '--since', 'v1.1.0']);
    expect(changelog.code).toBe(0);
    expect(changelog.stdout.split('\n').slice(0, 4)).toEqual(['# Changelog: cli-docs', '', '## v2.0.0 (2025-03-01)', '']);
    expect(changelog.stdout).toContain('`docs/{user-management → authkit}/`: 4 files, 2 edited');
    expect(changelog.stdout).not.toContain('## v1.1.0');

    const atom = await run(changelogCommand, ['--package', 'cli-docs', '--format', 'atom', '--limit', '1']);
    expect(atom.stdout).toContain('<id>urn:docdelta:changelog:cli-docs:v2.0.0</id>');
    expect(atom.stdout).not.toContain('v1.1.0</id>');
  });

  it('reports an existing registration instead of duplicating it, as JSON when asked', async () => {
    const again = await run(trackCommand, ['git', repo.dir, '--docs', 'docs/', '--tags', 'v*', '--name', 'cli-docs', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ package: 'cli-docs', outcome: 'unchanged', source: 'git', location: repo.dir, docs: 'docs', tags: 'v*' });
  });

  it.each([
    [['git', 'ext::sh -c touch% /tmp/docdelta-pwned', '--docs', 'docs', '--name', 'cli-evil'], 2, /refused repository location/],
    [['git', '--docs', 'docs', '--name', 'cli-evil', '--', '--upload-pack=touch /tmp/docdelta-pwned'], 2, /starts with "-"/],
    [['git', 'file:///tmp/x', '--docs', 'docs', '--name', 'cli-evil'], 2, /file:\/\/ scheme is not allowed/],
    [['git', '-u', 'x', '--docs', 'docs'], 2, /unknown flag -u/],
    [['git', 'https://github.com/workos/docs', '--name', 'cli-evil'], 2, /--docs <folder> is required/],
    [['npm', 'x', '--docs', 'docs'], 2, /--docs.*are for git and local sources/],
    [['git', 'https://github.com/workos/docs', '--docs', 'docs', '--tags', '--orphan', '--name', 'cli-evil'], 2, /--tags/],
  ])('refuses `docdelta track %j` with exit code %i', async (args, code, message) => {
    const result = await run(trackCommand, args);
    expect(result.code).toBe(code);
    expect(result.error instanceof UsageError || (result.error instanceof DocdeltaError && result.error.code === 'INVALID_INPUT')).toBe(true);
    expect((result.error as Error).message).toMatch(message);
    expect(await findPackage(ctx.db, 'cli-evil')).toBeUndefined();
  });

  it('refuses bad changelog options', async () => {
    expect((await run(changelogCommand, ['--limit', '0'])).code).toBe(2);
    expect((await run(changelogCommand, ['--format', 'rss'])).code).toBe(2);
    const unknown = await run(changelogCommand, ['--package', 'cli-docs', '--since', 'v9']);
    // An unknown version is wrong input: exit 2, like every other command.
    expect(unknown.code).toBe(2);
    expect((unknown.error as DocdeltaError).code).toBe('NOT_FOUND');
  });
});
