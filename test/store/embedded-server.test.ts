// The embedded PostgreSQL server of a data folder: created on first use, shared by every process
// on the folder, stopped by the last one to leave, recovered after a crash, and a damaged folder
// explained in one line. Real processes and a real server throughout.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { newestMigration } from '../../src/store/migrations.ts';
import { clusterDirOf, ensureServer, isServerProcess, readPostmasterPid, stopServer } from '../../src/store/embedded-server.ts';
import { useDataFolders } from '../support/data-folders.ts';
import { waitFor } from '../support/wait-for.ts';

const run = promisify(execFile);
const CHILD = path.resolve('test/store/fixtures/embedded-client.ts');
const RUN_TS = path.resolve('bin/run-ts.js');

/** Another process on the same folder: `write NAME` inserts a package row, `count` prints the row count. */
async function child(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [RUN_TS, CHILD, dataDir, ...args], { timeout: 60_000 });
  return stdout.trim();
}

async function packageNames(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const rows = (await database.db.execute(sql`select name from packages order by name`)) as unknown as { name: string }[];
    return rows.map((row) => row.name);
  } finally {
    await database.close();
  }
}

const newFolder = useDataFolders('docdelta-embedded-');

describe('the embedded PostgreSQL server of a data folder', () => {
  it('is created on first use, shared with another process while open, and stopped by the last client', async () => {
    const dataDir = await newFolder();
    const notes: string[] = [];
    const database = await openDatabase({ dataDir, onStatus: (message) => notes.push(message) });
    expect(notes).toEqual([`creating the database in ${clusterDirOf(dataDir)} (first run)…`]);
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    expect(isServerProcess(server.pid)).toBe(true);

    await database.db.execute(sql`insert into packages (name, source) values ('from-first', 'npm')`);
    // The second process joins the same server: it sees the first one's row and adds its own.
    expect(await child(dataDir, 'write', 'from-second')).toBe('2');
    expect(readPostmasterPid(clusterDirOf(dataDir))?.pid).toBe(server.pid);
    const rows = (await database.db.execute(sql`select name from packages order by name`)) as unknown as { name: string }[];
    expect(rows.map((row) => row.name)).toEqual(['from-first', 'from-second']);

    await database.close();
    expect(isServerProcess(server.pid)).toBe(false);
    expect(readPostmasterPid(clusterDirOf(dataDir))).toBeUndefined();
    expect(await packageNames(dataDir)).toEqual(['from-first', 'from-second']);
  });

  it('lets two processes create and open a new folder at the same moment: one server, both writes kept', async () => {
    const dataDir = await newFolder();
    await Promise.all([child(dataDir, 'write', 'a'), child(dataDir, 'write', 'b'), child(dataDir, 'write', 'c')]);
    expect(await packageNames(dataDir)).toEqual(['a', 'b', 'c']);
    expect(readPostmasterPid(clusterDirOf(dataDir))).toBeUndefined();
  });

  it('recovers when the server was killed: the next open starts a new one and committed rows are there', async () => {
    const dataDir = await newFolder();
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`insert into packages (name, source) values ('before-crash', 'npm')`);
    const { pid } = readPostmasterPid(clusterDirOf(dataDir))!;
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !isServerProcess(pid), 5_000, 10);
    await database.close();
    // postmaster.pid still names the dead server.
    expect(readPostmasterPid(clusterDirOf(dataDir))?.pid).toBe(pid);

    expect(await child(dataDir, 'write', 'after-crash')).toBe('2');
    expect(await packageNames(dataDir)).toEqual(['after-crash', 'before-crash']);
  });

  it('starts anyway when a stale postmaster.pid names a live process that is not a server (a reused pid)', async () => {
    const dataDir = await newFolder();
    await (await openDatabase({ dataDir })).close();
    // As after a reboot or in a container: the file survives and its pid now belongs to someone else.
    await fs.writeFile(path.join(clusterDirOf(dataDir), 'postmaster.pid'), `${process.pid}\n${clusterDirOf(dataDir)}\n1\n5432\n\n127.0.0.1\n  1 1\nready   \n`);
    expect(await child(dataDir, 'write', 'after-reboot')).toBe('1');
  });

  it('starts anyway when an empty postmaster.pid is left from a start that crashed, once it is seconds old', async () => {
    const dataDir = await newFolder();
    await (await openDatabase({ dataDir })).close();
    // PostgreSQL itself refuses to start beside it ("lock file is empty"); younger, it is a start under way.
    const pidFile = path.join(clusterDirOf(dataDir), 'postmaster.pid');
    await fs.writeFile(pidFile, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    await fs.utimes(pidFile, minuteAgo, minuteAgo);
    expect(await child(dataDir, 'write', 'after-crashed-start')).toBe('1');
  });

  it('recovers when a client holding the server was killed: the next client uses that server and stops it', async () => {
    const dataDir = await newFolder();
    const holder = execFile(process.execPath, [RUN_TS, CHILD, dataDir, 'hold']);
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const server = readPostmasterPid(clusterDirOf(dataDir))!;
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    expect(isServerProcess(server.pid)).toBe(true);

    expect(await child(dataDir, 'write', 'after-holder')).toBe('1');
    expect(isServerProcess(server.pid)).toBe(false);
  });

  it('makes a new folder from the installation template once one exists: a working copy with the tables, not a shared cluster', async () => {
    const first = await newFolder();
    await (await openDatabase({ dataDir: first })).close();
    const templates = path.resolve('node_modules/.cache/docdelta');
    const template = (await fs.readdir(templates)).find((name) => name.startsWith('postgres-') && name.includes(`-schema-${newestMigration()}_`) && !name.includes('.tmp-'));
    const templatePassword = (await fs.readFile(path.join(templates, template!, 'password'), 'utf8')).trim();

    const second = await newFolder();
    expect(await child(second, 'write', 'in-the-copy')).toBe('1');
    expect((await fs.readFile(path.join(second, 'postgres.password'), 'utf8')).trim()).toBe(templatePassword);
    expect(await packageNames(first)).toEqual([]);
    await expect(fs.stat(path.join(templates, template!, 'data', 'postmaster.pid'))).rejects.toMatchObject({ code: 'ENOENT' });
    // The template holds docdelta's tables: a server started on a bare copy of it, with nobody
    // migrating, already has the migrations recorded.
    const probe = await newFolder();
    await fs.mkdir(probe, { recursive: true });
    await run('cp', ['-a', path.join(templates, template!, 'data'), clusterDirOf(probe)]);
    await fs.writeFile(path.join(probe, 'postgres.password'), `${templatePassword}\n`, { mode: 0o600 });
    const address = await ensureServer({ dataDir: probe, deadline: Date.now() + 30_000 });
    const client = postgres(`postgres://postgres:${encodeURIComponent(templatePassword)}@127.0.0.1:${address.port}/postgres`, { max: 1, onnotice: () => {} });
    try {
      const [row] = await client<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row!.n).toBeGreaterThan(0);
      // Only the database docdelta uses: initdb's two template databases are most of the files to copy.
      const databases = await client<{ datname: string }[]>`select datname from pg_database order by datname`;
      expect(databases.map((database) => database.datname)).toEqual(['postgres']);
    } finally {
      await client.end({ timeout: 5 });
      await stopServer(address);
    }
  });

  it('stops the server it started to create the tables when that fails, and keeps no half-made cluster or template', async () => {
    const dataDir = await newFolder();
    const id = `failing${process.pid}x${Date.now()}`;
    const schema = { id, apply: async () => Promise.reject(new Error('no tables today')) };
    await expect(ensureServer({ dataDir, deadline: Date.now() + 60_000, schema })).rejects.toThrow('no tables today');
    const servers: string[] = [];
    for (const pid of await fs.readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      // A server works in its cluster folder (as root, -D names it through a descriptor instead).
      const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch(() => '');
      if (cwd.startsWith(dataDir)) servers.push(`${pid} in ${cwd}`);
    }
    expect(servers).toEqual([]);
    expect((await fs.readdir(dataDir)).filter((name) => name.startsWith('postgres') && name !== 'postgres.log')).toEqual([]);
    expect((await fs.readdir(path.resolve('node_modules/.cache/docdelta'))).filter((name) => name.includes(id))).toEqual([]);
  });

  it('names the folder and the fix when the database folder is damaged', async () => {
    const dataDir = await newFolder();
    await (await openDatabase({ dataDir })).close();
    await fs.rm(path.join(clusterDirOf(dataDir), 'global', 'pg_control'));
    const failure = await openDatabase({ dataDir }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(new RegExp(`^the database in ${clusterDirOf(dataDir)} cannot start \\(.*pg_control.*\\); move that folder away and run \`docdelta sync\``));
    expect(failure?.message).not.toContain('\n');
  });

  it('refuses a folder that holds a PGlite database, naming DATABASE_URL=pglite: to keep using it', async () => {
    const dataDir = await newFolder();
    const pglite = await openDatabase({ url: `pglite:${dataDir}` });
    await pglite.db.execute(sql`insert into packages (name, source) values ('kept-in-pglite', 'npm')`);
    await pglite.close();

    await expect(openDatabase({ dataDir })).rejects.toThrow(`${dataDir} holds a PGlite database; use it with DATABASE_URL=pglite:${dataDir}`);
    const reopened = await openDatabase({ url: 'pglite:', dataDir });
    const result = await reopened.db.execute(sql`select name from packages`);
    expect(reopened.client.driver).toBe('pglite');
    expect((result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name)).toEqual(['kept-in-pglite']);
    await reopened.close();
  });

  it('names the folder and the fix when a PGlite folder is damaged, instead of the WASM runtime\'s Aborted()', async () => {
    const dataDir = await newFolder();
    await (await openDatabase({ url: `pglite:${dataDir}` })).close();
    await fs.rm(path.join(dataDir, 'global', 'pg_control'));
    const failure = await openDatabase({ url: `pglite:${dataDir}` }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(new RegExp(`^the PGlite database in ${dataDir} cannot be opened \\(.*\\); move that folder away and run \`docdelta sync\``));
  });
});
