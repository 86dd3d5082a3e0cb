// The embedded server's idle period (DOCDELTA_SERVER_IDLE_SECONDS, docs/adr/0014): the last client
// leaves the server running for the next command, a detached stopper stops it once nobody has used
// it for that long, a client still connected keeps it up, and a killed stopper is replaced by the
// next client to leave. Real processes and a real server throughout.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { clusterDirOf, isServerProcess, readPostmasterPid } from '../../src/store/embedded-server.ts';
import { useDataFolders } from '../support/data-folders.ts';
import { removeTree } from '../support/remove-tree.ts';
import { waitFor } from '../support/wait-for.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

/** The pids of idle stoppers started for this data folder (Linux: read from /proc). */
function stoppersOf(dataDir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (commandLine.includes('idle-stopper') && commandLine.includes(JSON.stringify(path.resolve(dataDir)).slice(1, -1))) found.push(Number(entry));
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function useOnce(dataDir: string, idleSeconds: number): Promise<number> {
  const database = await openDatabase({ dataDir, serverIdleSeconds: idleSeconds });
  try {
    await database.db.execute(sql`select 1`);
    return readPostmasterPid(clusterDirOf(dataDir))!.pid;
  } finally {
    await database.close();
  }
}

const newFolder = useDataFolders('docdelta-idle-');

describe('the embedded server idle period', () => {
  it('keeps the server for the next client, then stops it once nobody used it for the period', async () => {
    const dataDir = await newFolder();
    const first = await useOnce(dataDir, 2);
    // The last client has left, and the server is still there.
    expect(isServerProcess(first)).toBe(true);
    expect(await waitFor(() => stoppersOf(dataDir).length === 1, 10_000)).toBe(true);

    const second = await useOnce(dataDir, 2);
    expect(second).toBe(first);
    // One stopper per server: a second one started before the first held its lock gives way.
    expect(await waitFor(() => stoppersOf(dataDir).length === 1, 5_000)).toBe(true);

    expect(await waitFor(() => !isServerProcess(first), 15_000)).toBe(true);
    expect(readPostmasterPid(clusterDirOf(dataDir))).toBeUndefined();
    expect(await waitFor(() => stoppersOf(dataDir).length === 0, 5_000)).toBe(true);
  });

  it('never stops a server a client is still connected to, and stops it once the last one left', async () => {
    const dataDir = await newFolder();
    const holder = await openDatabase({ dataDir, serverIdleSeconds: 1 });
    const pid = readPostmasterPid(clusterDirOf(dataDir))!.pid;
    try {
      // A short-lived client leaves while the holder stays: not the last one, so nothing is stopped.
      expect(await useOnce(dataDir, 1)).toBe(pid);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(isServerProcess(pid)).toBe(true);
      const rows = (await holder.db.execute(sql`select 1 as one`)) as unknown as { one: number }[];
      expect(rows[0]?.one).toBe(1);
    } finally {
      await holder.close();
    }
    expect(await waitFor(() => !isServerProcess(pid), 15_000)).toBe(true);
  });

  it('replaces a killed stopper at the next client, and a `docdelta` command leaves the server running', async () => {
    const dataDir = await newFolder();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_DATA_DIR: dataDir, DOCDELTA_SERVER_IDLE_SECONDS: '2' };
    await run(process.execPath, [BIN, 'packages'], { env, timeout: 90_000 });
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    expect(isServerProcess(server.pid)).toBe(true);
    expect(await waitFor(() => stoppersOf(dataDir).length === 1, 10_000)).toBe(true);

    const [stopper] = stoppersOf(dataDir);
    process.kill(stopper!, 'SIGKILL');
    expect(await waitFor(() => !alive(stopper!), 5_000)).toBe(true);
    // Nobody will stop it now, until the next client leaves and finds no stopper in place.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(isServerProcess(server.pid)).toBe(true);

    await run(process.execPath, [BIN, 'packages'], { env, timeout: 90_000 });
    expect(readPostmasterPid(clusterDirOf(dataDir))?.pid).toBe(server.pid);
    expect(await waitFor(() => !isServerProcess(server.pid), 15_000)).toBe(true);
  });

  it('`serve` stopped by a signal says the server stays up for the period, and it then stops', async () => {
    const dataDir = await newFolder();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_DATA_DIR: dataDir, DOCDELTA_SERVER_IDLE_SECONDS: '2', SYNC_CRON: '0 0 1 1 *' };
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(await waitFor(() => output.includes('serving on'), 60_000)).toBe(true);
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain(`the database server of ${dataDir} stays up 2 s more for the next command`);
    expect(isServerProcess(server.pid)).toBe(true);
    expect(await waitFor(() => !isServerProcess(server.pid), 15_000)).toBe(true);
  }, 90_000);

  it('stops at once when the data folder is deleted under it', async () => {
    const dataDir = await newFolder();
    const pid = await useOnce(dataDir, 600);
    expect(await waitFor(() => stoppersOf(dataDir).length === 1, 10_000)).toBe(true);
    await removeTree(dataDir);
    expect(await waitFor(() => !isServerProcess(pid), 10_000)).toBe(true);
  });
});
