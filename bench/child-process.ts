// Scenarios that report a peak RSS run in their own process: a process's maxRSS covers only itself,
// so the figure is that scenario's and not the harness's. The child prints one marked JSON line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MARK = 'BENCH_RESULT ';
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Peak resident set size of this process so far, in MB (resourceUsage reports kilobytes). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Called by a child at the end: its result, plus its peak RSS. */
export function emitChildResult(result: Record<string, unknown>): void {
  process.stdout.write(`${MARK}${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
}

export interface ChildOptions {
  env?: Record<string, string>;
  timeoutMs: number;
  /** Lines of progress the child writes to stderr are passed through with this prefix. */
  label: string;
}

/** Runs `bench/<script>` under tsx and returns its marked result line, parsed. */
export function runChild<T>(script: string, args: string[], options: ChildOptions): Promise<T & { peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', `bench/${script}`, ...args], {
      cwd: REPO,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`  [${options.label}] ${line}\n`);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARK));
      if (code !== 0 || !line) {
        reject(new Error(`${script} exited with ${code}${line ? '' : ' and no result'}: ${stderrTail.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      resolve(JSON.parse(line.slice(MARK.length)) as T & { peakRssMb: number });
    });
  });
}

const READY = 'BENCH_READY ';

/** A long-lived child (a server) tells its parent it is ready, with whatever the parent needs. */
export function emitChildReady(info: Record<string, unknown>): void {
  process.stdout.write(`${READY}${JSON.stringify(info)}\n`);
}

/** Resolves when the parent is done with this child: it closes our stdin. */
export function parentFinished(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.resume();
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
  });
}

export interface ServiceChild<Ready, Result> {
  ready: Ready;
  /** Closes the child's stdin and waits for its final result (with its peak RSS). */
  finish(): Promise<Result & { peakRssMb: number }>;
}

/** Starts a child that serves until told to stop, and waits for its ready line. */
export function startServiceChild<Ready, Result>(script: string, args: string[], options: ChildOptions): Promise<ServiceChild<Ready, Result>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', `bench/${script}`, ...args], {
      cwd: REPO,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    let isReady = false;
    let settleFinish: ((value: Result & { peakRssMb: number }) => void) | null = null;
    let failFinish: ((error: Error) => void) | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} was not ready within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`  [${options.label}] ${line}\n`);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (isReady) return;
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(READY));
      if (!line) return;
      isReady = true;
      clearTimeout(timer);
      resolve({
        ready: JSON.parse(line.slice(READY.length)) as Ready,
        finish: () =>
          new Promise((resolveFinish, rejectFinish) => {
            settleFinish = resolveFinish;
            failFinish = rejectFinish;
            child.stdin.end();
          }),
      });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARK));
      const failure = new Error(`${script} exited with ${code}: ${stderrTail.trim().split('\n').slice(-5).join(' | ')}`);
      if (!isReady) reject(failure);
      else if (code === 0 && line) settleFinish?.(JSON.parse(line.slice(MARK.length)) as Result & { peakRssMb: number });
      else failFinish?.(failure);
    });
  });
}
