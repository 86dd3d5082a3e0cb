// `docdelta track local PATH` end to end, as a user runs it: a folder and a .tgz become packages,
// `docdelta sync` stores their versions — and every CLI sync is a recorded run in job_runs.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { jobRuns } from '../../src/store/schema/index.ts';
import { tempDir } from '../support/context.ts';
import { packageTgz } from '../support/tarballs.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

let root: string;

async function docdelta(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: root,
      // The configured package is the local one (an empty list means the default npm package), so a
      // plain `sync` never reaches the registry; packed-docs is covered only because it is tracked.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: path.join(root, 'data'), DOCDELTA_SNAPSHOTS_DIR: path.join(root, 'snapshots'), DOCDELTA_PACKAGES: 'local-docs' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), content);
  }
}

const page = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\nAbout ${title}.\n`;

async function syncRuns() {
  const database = await openDatabase({ dataDir: path.join(root, 'data') });
  try {
    return (await database.db.select().from(jobRuns)).filter((row) => row.job === 'sync').sort((a, b) => a.id - b.id);
  } finally {
    await database.close();
  }
}

describe('docdelta track local', () => {
  beforeAll(async () => {
    root = await tempDir('docdelta-local-');
    await writeTree(path.join(root, 'site'), {
      'package.json': JSON.stringify({ name: 'local-docs', version: '1.0.0' }),
      'docs/guide/setup.md': page('Setup'),
      'docs/index.md': page('Home'),
    });
    await fs.writeFile(
      path.join(root, 'packed-2.0.0.tgz'),
      packageTgz({ 'package.json': JSON.stringify({ name: 'packed-docs', version: '2.0.0' }), 'docs/index.md': page('Packed') }),
    );
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('tracks a folder, syncs it as a recorded run, and stores a new version when package.json moves on', async () => {
    const tracked = await docdelta('track', 'local', 'site');
    expect(tracked).toMatchObject({ code: 0 });
    expect(tracked.stdout).toBe(`tracking local-docs: ${path.join(root, 'site')}, its package.json's version at each sync\nrun \`docdelta sync local-docs\` to ingest it\n`);
    expect((await docdelta('track', 'local', 'site')).stdout).toMatch(/^already tracking local-docs/);

    const first = await docdelta('sync');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('local-docs@1.0.0: stored 3 files');
    const [run1] = await syncRuns();
    expect(run1).toMatchObject({ job: 'sync', trigger: 'cli', status: 'ok', error: null });
    expect(run1!.counts).toMatchObject({ packages: 1, ingested: 1 });
    expect(run1!.finishedAt).toBeInstanceOf(Date);

    // The page moves and the version goes up: the next sync stores 1.1.0 beside 1.0.0.
    await fs.rm(path.join(root, 'site/docs/guide'), { recursive: true });
    await writeTree(path.join(root, 'site'), { 'package.json': JSON.stringify({ name: 'local-docs', version: '1.1.0' }), 'docs/start/setup.md': page('Setup') });
    expect((await docdelta('sync', 'local-docs')).stdout).toContain('local-docs@1.1.0: stored 3 files');
    const diff = await docdelta('diff', '1.0.0', '1.1.0', '--package', 'local-docs');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('docs/{guide => start}/setup.md');
    const again = await docdelta('sync', 'local-docs');
    expect(again.stdout).toContain('local-docs: up to date (1 versions stored, nothing fetched or written)');
    expect((await syncRuns()).map((row) => [row.trigger, row.status])).toEqual([['cli', 'ok'], ['cli', 'ok'], ['cli', 'ok']]);
  }, 180_000);

  it('tracks a .tgz as a package, its name and version read from the package.json inside', async () => {
    const tracked = await docdelta('track', 'local', 'packed-2.0.0.tgz', '--json');
    expect(tracked.code).toBe(0);
    expect(JSON.parse(tracked.stdout)).toEqual({ package: 'packed-docs', outcome: 'created', source: 'local', location: path.join(root, 'packed-2.0.0.tgz'), version: null });
    const synced = await docdelta('sync');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('local-docs: up to date');
    expect(synced.stdout).toContain('packed-docs@2.0.0: stored 2 files');
    expect((await docdelta('versions', '--package', 'packed-docs')).stdout).toContain('2.0.0');
  }, 120_000);

  it.each([
    [['track', 'local', 'missing-folder'], /missing-folder does not exist/],
    [['track', 'local', 'site', '--name', 'Not A Name'], /not a valid package name/],
    [['track', 'local', 'site', '--version', '../1.0'], /not a usable version name/],
    [['track', 'local'], /expected the folder or \.tgz/],
    [['track', 'local', 'site', '--docs', 'docs'], /--docs and --tags are for git sources/],
  ])('refuses `docdelta %j` with exit code 2 and stores nothing', async (args, message) => {
    const result = await docdelta(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  }, 60_000);

  it('refuses a folder with neither a package.json version nor --version, and the same name from elsewhere', async () => {
    await writeTree(path.join(root, 'bare'), { 'docs/index.md': page('Bare') });
    const bare = await docdelta('track', 'local', 'bare', '--name', 'bare-docs');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/no package\.json with a version; give one with --version/);
    expect((await docdelta('track', 'local', 'bare', '--name', 'bare-docs', '--version', '0.1.0')).code).toBe(0);
    const taken = await docdelta('track', 'local', 'bare', '--name', 'local-docs', '--version', '0.1.0');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/local-docs is already tracked from .*site; choose another --name/);
  }, 60_000);
});
