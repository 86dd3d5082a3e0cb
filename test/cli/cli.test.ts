// The CLI as a user runs it: a real process, real exit codes, errors as messages.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir, testContext } from '../support/context.ts';
import { seedFixture } from '../support/seed.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let dataDir: string;

async function docdelta(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: dataDir, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('docdelta CLI', () => {
  beforeAll(async () => {
    dataDir = await tempDir('docdelta-cli-');
    const database = await openDatabase({ dataDir });
    await seedFixture(await testContext(database));
    await database.close();
  });

  it('prints help listing every command', async () => {
    const result = await docdelta(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['sync', 'versions', 'diff', 'history']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('exits 2 with a message for an unknown command, a bad flag and a bad configuration value', async () => {
    expect((await docdelta(['frobnicate'])).code).toBe(2);
    const badFlag = await docdelta(['diff', '1.0.0', '2.0.0', '--format', 'yaml']);
    expect(badFlag).toMatchObject({ code: 2 });
    expect(badFlag.stderr).toMatch(/--format must be one of stat, numstat, name-status, raw, patch, json, markdown/);
    const badConfig = await docdelta(['versions'], { PORT: 'eighty' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/PORT/);
  });

  it('shows the diff in git stat style with the folder move, and the same object as JSON', async () => {
    const stat = await docdelta(['diff', '1.0.0', '2.0.0']);
    expect(stat.code).toBe(0);
    expect(stat.stdout).toMatch(/^ R \S*\{user-management => authkit\}\/sessions\.mdx +\| +\d+/m);
    const json = JSON.parse((await docdelta(['diff', 'previous', 'latest', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ package: '@fixture/docs', from: '1.0.0', to: '2.0.0' });
    expect(json.moves[0]).toMatchObject({ from: '.docs/organized/docs/user-management', to: '.docs/organized/docs/authkit' });
  });

  it('prints the same JSON, byte for byte, when the diff is computed and when it is read back from the cache', async () => {
    // A rename threshold no other test asks for: the first run computes this diff, the second reads
    // it from the cache, where jsonb has put the keys in its own order.
    const computed = await docdelta(['diff', '1.0.0', '2.0.0', '--format', 'json', '--find-renames=73']);
    const cached = await docdelta(['diff', '1.0.0', '2.0.0', '--format', 'json', '--find-renames=73']);
    expect(computed.code).toBe(0);
    expect(cached.stdout).toBe(computed.stdout);
    expect(Object.keys(JSON.parse(cached.stdout))).toEqual(['package', 'from', 'to', 'summary', 'moves', 'files']);
  });

  it('says which versions exist when asked for one that does not, with exit code 2', async () => {
    const result = await docdelta(['diff', '1.0.0', '9.9.9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no stored version "9\.9\.9"; stored: 1\.0\.0, 2\.0\.0/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('follows a page across its rename in history', async () => {
    const result = await docdelta(['history', '.docs/organized/docs/authkit/users.mdx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\.0\.0 → 2\.0\.0\s+renamed\s+\.docs\/organized\/docs\/user-management\/users\.mdx → \.docs\/organized\/docs\/authkit\/users\.mdx/);
  });
});
