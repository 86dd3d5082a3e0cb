// The measurements behind docs/adr/0009: PGlite (as used so far, from a prepared folder, shared
// through @electric-sql/pglite-socket) against the npm-shipped native PostgreSQL. Plain JavaScript,
// one child process per sample, medians. pglite-socket pins an older PGlite, so it is installed
// apart:  npm i --prefix /tmp/pglite-socket @electric-sql/pglite@0.5.14 @electric-sql/pglite-socket@0.2.17 postgres
//   node bench/embedded-choice/measure.mjs /tmp/pglite-socket   (after `npm run build`)
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
/* global process, console, performance, setTimeout, setInterval, URL */

const run = promisify(execFile);
const repo = path.resolve(new URL('../..', import.meta.url).pathname);
const socketPrefix = path.resolve(process.argv[2] ?? '/tmp/pglite-socket');
const [, , , mode, ...args] = process.argv;
const ms = (t) => Math.round(performance.now() - t);
const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
/** A package from another install (pglite-socket's own PGlite), through its CommonJS entry. */
const load = async (prefix, name) => {
  const loaded = createRequire(path.join(prefix, 'noop.js'))(name);
  return name === 'postgres' ? { default: loaded } : loaded;
};

async function child() {
  const t = performance.now();
  if (mode === 'pglite-open') {
    const { PGlite } = await import(pathToFileURL(path.join(repo, 'node_modules/@electric-sql/pglite/dist/index.js')).href);
    const db = new PGlite(args[0]);
    await db.waitReady;
    const open = ms(t);
    const q = performance.now();
    await db.query('select 1');
    const first = ms(q);
    if (args[1]) await db.exec(`create table if not exists t (who text); insert into t values ('${args[1]}')`);
    console.log(JSON.stringify({ open, first, rss: rssMb() }));
    await db.close();
  } else if (mode === 'pglite-socket-server') {
    const { PGlite } = await load(socketPrefix, '@electric-sql/pglite');
    const { PGLiteSocketServer } = await load(socketPrefix, '@electric-sql/pglite-socket');
    const db = new PGlite(args[0]);
    await db.waitReady;
    const server = new PGLiteSocketServer({ db, port: Number(args[1]), host: '127.0.0.1' });
    await server.start();
    console.log(JSON.stringify({ open: ms(t), rss: rssMb() }));
    setInterval(() => {}, 1 << 30);
  } else if (mode === 'embedded-start') {
    const { ensureServer } = await import(pathToFileURL(path.join(repo, 'dist/src/store/embedded-server.js')).href);
    const address = await ensureServer({ dataDir: args[0], deadline: Date.now() + 30_000 });
    console.log(JSON.stringify({ open: ms(t), pid: address.pid, port: address.port }));
  } else if (mode === 'client') {
    const { default: postgres } = await load(args[1] === 'socket' ? socketPrefix : repo, 'postgres');
    const sql = postgres(args[0], { max: 1, onnotice: () => {} });
    await sql`select 1`;
    const first = ms(t);
    if (args[2] === 'isolation-writer') {
      await sql.begin(async (tx) => {
        await tx`create table if not exists t (who text)`;
        await tx`insert into t values ('uncommitted')`;
        console.log(JSON.stringify({ first, rss: rssMb(), inTransaction: true }));
        await new Promise((resolve) => setTimeout(resolve, 4000));
        throw new Error('rollback');
      }).catch(() => {});
    } else if (args[2] === 'isolation-reader') {
      const [row] = await sql`select count(*)::int as n from t where who = 'uncommitted'`.catch(() => [{ n: 0 }]);
      console.log(JSON.stringify({ first, rss: rssMb(), seesUncommitted: row.n > 0 }));
    } else console.log(JSON.stringify({ first, rss: rssMb() }));
    await sql.end();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const self = new URL(import.meta.url).pathname;
async function sample(...childArgs) {
  const { stdout } = await run(process.execPath, [self, socketPrefix, ...childArgs], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-choice-'));
function startServerChild(...childArgs) {
  const proc = spawn(process.execPath, [self, socketPrefix, ...childArgs], { stdio: ['ignore', 'pipe', 'ignore'] });
  process.once('exit', () => proc.kill('SIGKILL'));
  return new Promise((resolve) => proc.stdout.once('data', (d) => resolve({ proc, ready: JSON.parse(d.toString()) })));
}
const serverRss = (pid) => {
  // The postmaster and its children (backends, checkpointer, walwriter …).
  const out = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((p) => { try { return fs.readFileSync(`/proc/${p}/stat`, 'utf8'); } catch { return ''; } });
  const kids = out.filter((s) => s && (s.split(' ')[0] === String(pid) || s.slice(s.lastIndexOf(')') + 2).split(' ')[1] === String(pid)));
  return Math.round(kids.reduce((sum, s) => sum + Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[21]) * 4096, 0) / 1e6);
};

async function driver(rounds = 3) {
  const rows = {};
  // PGlite as docdelta used it: a new folder, then reopening it.
  const fresh = [], reopen = [];
  for (let i = 0; i < rounds; i++) {
    const dir = tmp();
    fresh.push(await sample('pglite-open', dir));
    reopen.push(await sample('pglite-open', dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows['pglite new folder'] = { ms: median(fresh.map((r) => r.open)), rss: median(fresh.map((r) => r.rss)) };
  rows['pglite open existing'] = { ms: median(reopen.map((r) => r.open)), first: median(reopen.map((r) => r.first)), rss: median(reopen.map((r) => r.rss)) };
  // From a prepared folder: copy a made one, then open.
  const template = tmp();
  await sample('pglite-open', template);
  const prepared = [];
  for (let i = 0; i < rounds; i++) {
    const dir = tmp();
    const t = performance.now();
    fs.cpSync(template, dir, { recursive: true });
    const copy = ms(t);
    const opened = await sample('pglite-open', dir);
    prepared.push(copy + opened.open);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows['pglite prepared folder (copy + open)'] = { ms: median(prepared) };
  // Two processes on one PGlite folder at once: each writes a row.
  const shared = tmp();
  await sample('pglite-open', shared, 'setup');
  await Promise.all([sample('pglite-open', shared, 'one'), sample('pglite-open', shared, 'two')]);
  const after = await run(process.execPath, ['-e', `const {PGlite}=await import(${JSON.stringify(path.join(repo, 'node_modules/@electric-sql/pglite/dist/index.js'))});const d=new PGlite(${JSON.stringify(shared)});const r=await d.query("select who from t where who in ('one','two')");console.log(r.rows.length);await d.close()`, '--input-type=module']).catch((e) => ({ stdout: `error: ${e.message.split('\n')[0]}` }));
  rows['pglite two processes, rows kept of 2'] = { result: after.stdout.trim() };
  // pglite-socket: one PGlite process serving clients.
  const socketDir = tmp();
  const port = 45000 + Math.floor(Math.random() * 1000);
  const socketServer = await startServerChild('pglite-socket-server', socketDir, String(port));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const clients = [];
  for (let i = 0; i < rounds; i++) clients.push(await sample('client', url, 'socket'));
  const writer = spawn(process.execPath, [self, socketPrefix, 'client', url, 'socket', 'isolation-writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => writer.stdout.once('data', resolve));
  const reader = await sample('client', url, 'socket', 'isolation-reader').catch((e) => ({ error: e.message.split('\n')[0] }));
  await new Promise((resolve) => writer.on('exit', resolve));
  rows['pglite-socket server'] = { ms: socketServer.ready.open, rss: Math.round(Number(fs.readFileSync(`/proc/${socketServer.proc.pid}/statm`, 'utf8').split(' ')[1]) * 4096 / 1e6) };
  rows['pglite-socket client'] = { first: median(clients.map((r) => r.first)), rss: median(clients.map((r) => r.rss)) };
  rows['pglite-socket second client during a transaction'] = reader;
  socketServer.proc.kill('SIGKILL');
  // The native server shipped by npm.
  const news = [], starts = [], pgClients = [];
  let serverMemory = 0;
  for (let i = 0; i < rounds; i++) {
    const dir = tmp();
    const created = await sample('embedded-start', dir);
    news.push(created.open);
    process.kill(created.pid, 'SIGINT');
    while (fs.existsSync(`/proc/${created.pid}`)) await new Promise((r) => setTimeout(r, 5));
    const started = await sample('embedded-start', dir);
    starts.push(started.open);
    const password = fs.readFileSync(path.join(dir, 'postgres.password'), 'utf8').trim();
    const pgUrl = `postgres://postgres:${password}@127.0.0.1:${started.port}/postgres`;
    pgClients.push(await sample('client', pgUrl, 'repo'));
    if (i === rounds - 1) {
      const w = spawn(process.execPath, [self, socketPrefix, 'client', pgUrl, 'repo', 'isolation-writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) => w.stdout.once('data', resolve));
      rows['embedded second client during a transaction'] = await sample('client', pgUrl, 'repo', 'isolation-reader');
      serverMemory = serverRss(started.pid);
      await new Promise((resolve) => w.on('exit', resolve));
    }
    process.kill(started.pid, 'SIGINT');
    while (fs.existsSync(`/proc/${started.pid}`)) await new Promise((r) => setTimeout(r, 5));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows['embedded new folder (initdb + start)'] = { ms: median(news) };
  rows['embedded start existing'] = { ms: median(starts), serverRss: serverMemory };
  rows['embedded client'] = { first: median(pgClients.map((r) => r.first)), rss: median(pgClients.map((r) => r.rss)) };
  console.log(JSON.stringify(rows, null, 2));
}

if (mode) await child();
else await driver();
