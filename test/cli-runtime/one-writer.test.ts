// One writer, never a lost write: `docdelta serve` and CLI commands on one data folder, as a user
// runs them from two terminals — real processes, the real embedded server, a real git repository.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDirOf, isServerProcess, readPostmasterPid } from '../../src/store/embedded-server.ts';
import { tempDir } from '../support/context.ts';
import { createDocsRepo, type FixtureRepo } from '../source-git/fixture-repo.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

let folder: string;
let dataDir: string;
let repo: FixtureRepo;

function env(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCDELTA_SERVER_IDLE_SECONDS: '0',
    DOCDELTA_DATA_DIR: dataDir,
    DOCDELTA_SNAPSHOTS_DIR: path.join(folder, 'snapshots'),
  };
}

async function docdelta(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: env(), timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** `docdelta serve --port 0`, resolved with its URL once it says it is serving. */
async function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function versionsServed(url: string, name: string): Promise<string[]> {
  const response = await fetch(`${url}/versions?package=${encodeURIComponent(name)}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { versions: { version: string }[] };
  return body.versions.map((entry) => entry.version);
}

describe('serve and the CLI on one data folder', () => {
  beforeAll(async () => {
    folder = await tempDir('docdelta-one-writer-');
    dataDir = path.join(folder, '.data');
    repo = await createDocsRepo();
  });
  afterAll(async () => {
    await repo?.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('serves what the CLI tracks and syncs meanwhile, and keeps it after a restart', async () => {
    const serve = await startServe();
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    try {
      const tracked = await docdelta('track', 'git', repo.dir, '--docs', 'docs', '--tags', 'v*', '--name', 'live-docs');
      expect(tracked.code, tracked.stderr).toBe(0);
      const synced = await docdelta('sync', 'live-docs');
      expect(synced.code, synced.stderr).toBe(0);
      // The CLI left while serve stayed: the server it joined is still the same one.
      expect(readPostmasterPid(clusterDirOf(dataDir))?.pid).toBe(server.pid);
      expect(await versionsServed(serve.url, 'live-docs')).toEqual(expect.arrayContaining(['v1.0.0', 'v1.1.0', 'v2.0.0']));
    } finally {
      await stop(serve.child, 'SIGTERM');
    }
    // serve was the last client: the server is stopped, the folder quiet.
    expect(isServerProcess(server.pid)).toBe(false);

    const restarted = await startServe();
    try {
      expect(await versionsServed(restarted.url, 'live-docs')).toEqual(expect.arrayContaining(['v1.0.0', 'v1.1.0', 'v2.0.0']));
    } finally {
      await stop(restarted.child, 'SIGTERM');
    }
  });

  it('recovers on the next command after serve and its database server were killed', async () => {
    const serve = await startServe();
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    await stop(serve.child, 'SIGKILL');
    // The server outlives its killed holder; the next command joins it and, last out, stops it.
    expect(isServerProcess(server.pid)).toBe(true);
    const joined = await docdelta('versions', '--package', 'live-docs', '--json');
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toContain('v2.0.0');
    expect(isServerProcess(server.pid)).toBe(false);

    // Now kill the database server itself, under a running serve.
    const again = await startServe();
    const second = readPostmasterPid(clusterDirOf(dataDir))!;
    process.kill(second.pid, 'SIGKILL');
    await stop(again.child, 'SIGKILL');
    const recovered = await docdelta('versions', '--package', 'live-docs', '--json');
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stdout).toContain('v2.0.0');
    expect(readPostmasterPid(clusterDirOf(dataDir))).toBeUndefined();
  });
});
