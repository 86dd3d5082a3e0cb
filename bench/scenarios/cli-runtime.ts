// The CLI as whole processes (issue 17): `docdelta --help`; a stored, cached diff against
// `git diff --no-index -M --numstat`; first use (empty data folder → sync two versions → diff)
// against `npm diff`, for the default package and @mastra/mcp-docs-server; the peak RSS of each
// command; `docdelta serve` RSS after syncing. Every docdelta process runs bin/docdelta.js as a user
// would (dist/ after `npm install`), on the embedded PostgreSQL server of its data folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type BenchEnv, freshFolder } from '../bench-env.ts';
import { CLEAN_GIT_ENV, runCommand } from '../external-command.ts';
import { interleave, repeat, type TimedSide } from '../interleave.ts';
import { npmEnv, REPO } from './npm-diff-sides.ts';
import type { Scenario } from './scenario.ts';

const BIN = path.join(REPO, 'bin/docdelta.js');
const GNU_TIME = '/usr/bin/time';
const SECOND_PACKAGE = '@mastra/mcp-docs-server';

function docdeltaEnv(dataDir: string, snapshotsDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCDELTA_DATA_DIR: dataDir, DOCDELTA_SNAPSHOTS_DIR: snapshotsDir, DOCDELTA_RUNTIME: 'dist' };
  delete env.DATABASE_URL;
  return env;
}

const docdelta = (args: string[], env: NodeJS.ProcessEnv) => runCommand(process.execPath, [BIN, ...args], { cwd: REPO, env, timeoutMs: 300_000 });

/** Stops a data folder's embedded server the way the README says: any command with the idle period at zero. */
const stopServerOf = async (env: NodeJS.ProcessEnv) => void (await docdelta(['packages'], { ...env, DOCDELTA_SERVER_IDLE_SECONDS: '0' }));

/** Peak RSS of a whole command in MB, from GNU time (the kernel's maxrss of the process). */
async function peakRssMb(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  if (!fs.existsSync(GNU_TIME)) return null;
  return new Promise((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', 'peak-kb %M', process.execPath, BIN, ...args], { cwd: REPO, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      // A command that failed part-way would report the small peak of doing less.
      if (code !== 0) return reject(new Error(`docdelta ${args.join(' ')} exited with ${code}: ${stderr.slice(-600)}`));
      const match = /peak-kb (\d+)/.exec(stderr);
      resolve(match ? Number(match[1]) / 1024 : null);
    });
  });
}

/** The last two versions of a package on the registry, oldest first (adjacent stable releases). */
async function adjacentVersions(name: string): Promise<[string, string]> {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['view', name, 'versions', '--json'], { env: npmEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm view ${name} exited with ${code}`))));
  });
  const stable = (JSON.parse(output) as string[]).filter((version) => /^\d+\.\d+\.\d+$/.test(version));
  if (stable.length < 2) throw new Error(`${name} has fewer than two stable versions`);
  return [stable.at(-2)!, stable.at(-1)!];
}

/** Empty data folder → `docdelta sync P --versions A,B` → `docdelta diff A B`, against `npm diff`. */
async function firstUse(env: BenchEnv, name: string, from: string, to: string): Promise<void> {
  const cwd = await freshFolder(env, 'npm-cwd');
  const npmArgs = ['diff', `--diff=${name}@${from}`, `--diff=${name}@${to}`];
  // Both sides keep their download caches, as for a returning user: one untimed run of each first.
  await runCommand('npm', npmArgs, { cwd, env: npmEnv(), timeoutMs: 300_000 });
  const warmEnv = docdeltaEnv(await freshFolder(env, 'first-use'), env.snapshotsDir);
  await docdelta(['sync', name, '--versions', `${from},${to}`], warmEnv);
  await stopServerOf(warmEnv);
  let dataEnv: NodeJS.ProcessEnv = {};
  const ours: TimedSide = {
    prepare: async () => {
      dataEnv = docdeltaEnv(path.join(await freshFolder(env, 'first-use'), '.data'), env.snapshotsDir);
    },
    run: async () => {
      await docdelta(['sync', name, '--versions', `${from},${to}`], dataEnv);
      const diff = await docdelta(['diff', from, to, '--package', name, '--format', 'patch'], dataEnv);
      if (diff.stdoutBytes === 0) throw new Error('docdelta diff printed nothing');
    },
    // Each run's server would otherwise idle on for 300 s, beside every later measurement.
    settle: () => stopServerOf(dataEnv),
  };
  // The same first use as one command: `docdelta diff` fetches the versions it does not have, as npm diff does.
  let oneEnv: NodeJS.ProcessEnv = {};
  const oneCommand: TimedSide = {
    prepare: async () => {
      oneEnv = docdeltaEnv(path.join(await freshFolder(env, 'first-use'), '.data'), env.snapshotsDir);
    },
    run: async () => {
      const diff = await docdelta(['diff', from, to, '--package', name, '--format', 'patch'], oneEnv);
      if (diff.stdoutBytes === 0) throw new Error('docdelta diff printed nothing');
    },
    settle: () => stopServerOf(oneEnv),
  };
  const theirs: TimedSide = { run: () => runCommand('npm', npmArgs, { cwd, env: npmEnv(), timeoutMs: 300_000 }) };
  const samples = await interleave({ ours, oneCommand, theirs }, { repetitions: env.reps('heavy') });
  const shapes = [
    { label: 'first use in one command', samples: samples.oneCommand, ours: 'new DOCDELTA_DATA_DIR → `docdelta diff A B --package P --format patch`, one process that fetches and stores both versions (creates the embedded database)' },
    { label: 'first use', samples: samples.ours, ours: 'new DOCDELTA_DATA_DIR → `docdelta sync --versions A,B` → `docdelta diff A B --format patch`, two processes (creates the embedded database)' },
  ];
  for (const shape of shapes) {
    env.report.compare({
      name: `${shape.label}, ${name} ${from} → ${to}: docdelta CLI vs npm diff`,
      ours: shape.ours,
      theirs: `npm diff --diff=${name}@${from} --diff=${name}@${to}`,
      oursSamples: shape.samples,
      theirsSamples: samples.theirs,
      goal: { text: '≤ 1.0 × npm diff', max: 1 },
      notes: "npm's cache and docdelta's snapshot folder both hold the tarballs; both fetch the packument from the registry",
    });
  }
}

/** RSS of a running process and of its children (for the embedded server: postmaster + backends). */
function treeRssMb(rootPid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (entry === String(rootPid) || fields[1] === String(rootPid)) total += (Number(fields[21]) * 4096) / 1e6;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

async function serveRss(env: BenchEnv, dataEnv: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: REPO, env: dataEnv, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /serving on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const { real } = env;
    for (let i = 0; i < 3; i++) await fetch(`${url}/diff?package=${encodeURIComponent(real.name)}&from=${real.from}&to=${real.to}`).then((r) => r.arrayBuffer());
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
    const clusterPid = Number(fs.readFileSync(path.join(dataEnv.DOCDELTA_DATA_DIR!, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    env.report.figure({
      section: 'docdelta CLI processes',
      name: '`docdelta serve` RSS after syncing the default package and answering /diff three times',
      unit: 'MB',
      samples: [rss],
      goal: { text: '≤ 300 MB', max: 300 },
      notes: `peak ${hwm.toFixed(0)} MB; the embedded PostgreSQL server beside it: ${treeRssMb(clusterPid).toFixed(0)} MB (postmaster and backends, shared buffers counted in each)`,
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export const cliRuntimeScenario: Scenario = {
  name: 'cli',
  async run(env) {
    const { report, real } = env;
    const dataEnv = docdeltaEnv(path.join(await freshFolder(env, 'cli'), '.data'), env.snapshotsDir);
    // What a user runs after `npm install`: a fresh dist/ (the build is what `prepare` runs).
    await runCommand(process.execPath, [path.join(REPO, 'bin/build.js')], { cwd: REPO, timeoutMs: 300_000 });
    report.note('docdelta processes run dist/, built by `npm run build` (what `npm install` runs) at the start of the cli scenario');

    const help = await repeat({ run: () => docdelta(['--help'], dataEnv) }, env.reps('medium'), 1);
    report.figure({ section: 'docdelta CLI processes', name: '`docdelta --help`', unit: 'ms', samples: help, goal: { text: '≤ 150 ms', max: 150 } });

    await docdelta(['sync', real.name, '--versions', `${real.from},${real.to}`], dataEnv);
    const diffArgs = ['diff', real.from, real.to, '--package', real.name];
    await docdelta(diffArgs, dataEnv); // computes and caches the diff
    // A user's second command within the idle period (DOCDELTA_SERVER_IDLE_SECONDS, default 300 s)
    // finds the server up; with 0 every command starts and stops it, as before the idle period.
    // Its own data folder: on a shared one its last-client stops would stop the other side's server.
    const coldServerEnv = { ...docdeltaEnv(path.join(await freshFolder(env, 'cli-stopped'), '.data'), env.snapshotsDir), DOCDELTA_SERVER_IDLE_SECONDS: '0' };
    await docdelta(['sync', real.name, '--versions', `${real.from},${real.to}`], coldServerEnv);
    await docdelta(diffArgs, coldServerEnv);
    const samples = await interleave(
      {
        ours: { run: () => docdelta(diffArgs, dataEnv) },
        oursServerStopped: { run: () => docdelta(diffArgs, coldServerEnv) },
        git: { run: () => runCommand('git', ['diff', '--no-index', '-M', '--numstat', real.from, real.to], { cwd: real.trees.root, env: CLEAN_GIT_ENV, okCodes: [1] }) },
      },
      { repetitions: env.reps('medium'), warmup: 1 },
    );
    report.compare({
      name: 'cached diff as a process: `docdelta diff A B` vs git',
      ours: '`docdelta diff 0.1.0 0.2.0` (stat), both versions stored, diff cached; the embedded server still up from the previous command (idle period)',
      theirs: '`git diff --no-index -M --numstat from to` on the unpacked trees',
      oursSamples: samples.ours,
      theirsSamples: samples.git,
      goal: { text: '≤ 2 × git', max: 2 },
    });
    report.compare({
      name: 'cached diff as a process, server stopped between commands: `docdelta diff A B` vs git',
      ours: 'the same with DOCDELTA_SERVER_IDLE_SECONDS=0: each command starts the embedded server and stops it when it leaves',
      theirs: '`git diff --no-index -M --numstat from to` on the unpacked trees',
      oursSamples: samples.oursServerStopped,
      theirsSamples: samples.git,
    });

    const commands: [string, string[]][] = [
      ['--help', ['--help']],
      ['versions', ['versions', '--package', real.name]],
      ['diff (cached)', diffArgs],
      ['diff --format patch (cached)', [...diffArgs, '--format', 'patch']],
      ['history', ['history', '.docs/organized/docs/authkit/index.mdx', '--package', real.name]],
      ['sync (up to date)', ['sync', real.name, '--versions', `${real.from},${real.to}`]],
    ];
    for (const [label, args] of commands) {
      const peak = await peakRssMb(args, dataEnv);
      if (peak === null) {
        report.gap(`peak RSS of \`docdelta ${label}\`: GNU time is not at ${GNU_TIME}`);
        break;
      }
      report.figure({ section: 'docdelta CLI processes', name: `peak RSS: \`docdelta ${label}\``, unit: 'MB', samples: [peak], goal: { text: '≤ 150 MB', max: 150 } });
    }
    const syncEnv = docdeltaEnv(path.join(await freshFolder(env, 'rss'), '.data'), env.snapshotsDir);
    const firstSync = await peakRssMb(['sync', real.name, '--versions', `${real.from},${real.to}`], syncEnv);
    // Its server would otherwise idle on beside the measurements that follow.
    await stopServerOf(syncEnv);
    if (firstSync !== null) {
      report.figure({ section: 'docdelta CLI processes', name: 'peak RSS: `docdelta sync` of both versions into a new data folder', unit: 'MB', samples: [firstSync], goal: { text: '≤ 150 MB', max: 150 } });
    }
    const diffEnv = docdeltaEnv(path.join(await freshFolder(env, 'rss'), '.data'), env.snapshotsDir);
    const firstDiff = await peakRssMb([...diffArgs, '--format', 'patch'], diffEnv);
    await stopServerOf(diffEnv);
    if (firstDiff !== null) {
      report.figure({ section: 'docdelta CLI processes', name: 'peak RSS: `docdelta diff --format patch` into a new data folder (fetches both versions)', unit: 'MB', samples: [firstDiff], goal: { text: '≤ 150 MB', max: 150 } });
    }

    await serveRss(env, dataEnv);

    await firstUse(env, real.name, real.from, real.to);
    try {
      const [from, to] = await adjacentVersions(SECOND_PACKAGE);
      await firstUse(env, SECOND_PACKAGE, from, to);
    } catch (error) {
      report.gap(`first use of ${SECOND_PACKAGE}: ${(error as Error).message.slice(0, 300)}`);
    }
  },
};
