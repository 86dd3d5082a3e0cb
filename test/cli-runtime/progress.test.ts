// Progress from the first second: a first `docdelta sync` into an empty data folder says that it
// creates the database, that it asks for the version list, and each version's steps, in order.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.ts';
import { createDocsRepo, type FixtureRepo } from '../source-git/fixture-repo.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

describe('progress of a first sync', () => {
  let folder: string;
  let repo: FixtureRepo;
  beforeAll(async () => {
    folder = await tempDir('docdelta-progress-');
    repo = await createDocsRepo();
  });
  afterAll(async () => {
    await repo?.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('prints the database creation, the version list and each version as they happen', async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: path.join(folder, '.data'), DOCDELTA_SNAPSHOTS_DIR: path.join(folder, 'snapshots') };
    const tracked = await run(process.execPath, [BIN, 'track', 'git', repo.dir, '--docs', 'docs', '--tags', 'v*', '--name', 'progress-docs'], { env, timeout: 90_000 });
    expect(tracked.stderr).toContain(`creating the database in ${path.join(folder, '.data', 'postgres')} (first run)…`);
    const { stderr } = await run(process.execPath, [BIN, 'sync', 'progress-docs'], { env, timeout: 90_000 });
    const lines = stderr.split('\n').filter(Boolean);
    const listIndex = lines.indexOf('progress-docs: fetching the version list…');
    expect(listIndex).toBeGreaterThanOrEqual(0);
    const steps = lines.slice(listIndex + 1).filter((line) => line.startsWith('progress-docs@v1.0.0:'));
    expect(steps).toEqual(['progress-docs@v1.0.0: fetch…', 'progress-docs@v1.0.0: normalize…', 'progress-docs@v1.0.0: write…']);
  });
});
