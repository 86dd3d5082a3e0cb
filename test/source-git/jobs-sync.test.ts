// `node bin/run-ts.js jobs/sync.ts` — the one-shot job an external cron runs — syncs a package
// tracked from git exactly as `docdelta sync` does: it builds its context from the same
// composition root, so the git source is there without anything registering it.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { findPackage } from '../../src/store/packages.ts';
import { jobRuns } from '../../src/store/schema/index.ts';
import { listVersionRows } from '../../src/store/versions.ts';
import { tempDir } from '../support/context.ts';
import { createDocsRepo, type FixtureRepo } from './fixture-repo.ts';

const run = promisify(execFile);

describe('jobs/sync.ts', () => {
  let root: string;
  let repo: FixtureRepo;

  beforeAll(async () => {
    [root, repo] = await Promise.all([tempDir('docdelta-job-'), createDocsRepo()]);
  });
  afterAll(async () => {
    await repo?.dispose();
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  async function exec(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    // The configured package is the git one, so nothing reaches the npm registry.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: '1', DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: path.join(root, 'data'), DOCDELTA_SNAPSHOTS_DIR: path.join(root, 'snapshots'), DOCDELTA_PACKAGES: 'job-docs' };
    try {
      const { stdout, stderr } = await run(process.execPath, args, { env, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('syncs a git-tracked package and records the run', async () => {
    expect((await exec(['bin/docdelta.js', 'track', 'git', repo.dir, '--docs', 'docs', '--tags', 'v*', '--name', 'job-docs'])).code).toBe(0);
    const job = await exec(['bin/run-ts.js', 'jobs/sync.ts']);
    expect(job.stderr).not.toMatch(/cannot be synced/);
    expect(job.stderr).toMatch(/sync: ok in \d+ ms \(packages 1, synced 1, ingested 3/);
    expect(job.code).toBe(0);

    const database = await openDatabase({ dataDir: path.join(root, 'data') });
    try {
      const pkg = await findPackage(database.db, 'job-docs');
      expect((await listVersionRows(database.db, pkg!.id)).map((row) => row.version)).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0']);
      const runs = await database.db.select().from(jobRuns);
      expect(runs.map((row) => [row.job, row.trigger, row.status])).toEqual([['sync', 'manual', 'ok']]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
