// `docdelta diff A B` in an empty data folder fetches both versions from the real npm registry and
// answers in the same command, as `npm diff` does: progress on stderr, the diff alone on stdout.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useDataFolders } from '../support/data-folders.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');
const NAME = '@workos/mcp-docs-server';
const newDataDir = useDataFolders('docdelta-diff-fetches-');

async function docdelta(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The real registry, reached as this machine reaches it.
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
    DOCDELTA_SERVER_IDLE_SECONDS: '0',
    DOCDELTA_DATA_DIR: dataDir,
    DOCDELTA_SNAPSHOTS_DIR: path.join(path.dirname(dataDir), 'snapshots'),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('docdelta diff on versions not stored yet', () => {
  // Three processes, two of them fetching from the real registry.
  it('fetches and stores both, prints only the diff on stdout, and answers the same offline afterwards', { timeout: 180_000 }, async () => {
    const dataDir = await newDataDir();
    const first = await docdelta(dataDir, 'diff', '0.1.0', 'v0.2.0', '--package', NAME, '--format', 'name-status');
    expect(first.stderr).toContain(`${NAME}@0.1.0: fetch…`);
    expect(first.stderr).toContain(`${NAME}@0.2.0: fetch…`);
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((line) => !/^[AMD]\t|^R\d{3}\t/.test(line))).toEqual([]);
    expect(lines).toContain('R097\t.docs/organized/docs/user-management/actions.mdx\t.docs/organized/docs/authkit/actions.mdx');

    const again = await docdelta(dataDir, 'diff', '0.1.0', '0.2.0', '--package', NAME, '--format', 'name-status', '--offline');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).not.toContain('fetch…');
    const listed = await docdelta(dataDir, 'versions', '--package', NAME, '--json');
    expect((JSON.parse(listed.stdout) as { versions: { version: string }[] }).versions.map((entry) => entry.version)).toEqual(['0.1.0', '0.2.0']);
  });

  it('refuses a version the registry does not have, storing and downloading nothing', { timeout: 180_000 }, async () => {
    const dataDir = await newDataDir();
    const result = await docdelta(dataDir, 'diff', '0.1.0', '0.0.999', '--package', NAME);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/docdelta diff: @workos\/mcp-docs-server has no version 0\.0\.999; it has .*\b0\.2\.0\b/);
    const packages = await docdelta(dataDir, 'packages', '--json');
    expect(JSON.parse(packages.stdout)).toEqual([]);
    // Not even the version that exists was downloaded ahead.
    await expect(fs.readdir(path.join(path.dirname(dataDir), 'snapshots'))).rejects.toThrow(/ENOENT/);
  });

  it('never fetches with --offline', { timeout: 120_000 }, async () => {
    const dataDir = await newDataDir();
    const result = await docdelta(dataDir, 'diff', '0.1.0', '0.2.0', '--package', NAME, '--offline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown package "${NAME}"`);
    expect(result.stderr).not.toContain('fetch…');
    await expect(fs.readdir(path.join(path.dirname(dataDir), 'snapshots'))).rejects.toThrow(/ENOENT/);
  });
});
