// Diffs off the event loop. Rename search is quadratic in the files removed × added (10,000 × 10,000
// takes seconds of pure CPU), so a cold diff of a big pair runs in a worker thread while the main
// thread keeps answering. A bounded number of threads compute at once and a bounded number of pairs
// wait for one; past that, and past a request's deadline, the caller gets UNAVAILABLE with a
// Retry-After instead of an answer that would come too late. A computation whose caller gave up
// keeps going and fills the cache, so the retry finds it done. Results are exactly the engine's:
// the worker runs the same `diffTrees`, with no rename limit.
//
// Under tsx (and vitest) the worker's entry is TypeScript, and loader hooks registered in the main
// thread are not inherited by worker threads, so the thread first registers tsx itself. Compiled to
// JavaScript, the entry is the sibling .js file and needs nothing.
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocdeltaError, errorCodeOf, unavailable } from '../errors.ts';
import type { DiffInputFile } from '../diff/index.ts';
import type { VersionDiff } from '../types.ts';
import { fromPackageRoot, RUNNING_COMPILED } from '../package-root.ts';
import type { DiffTask, WorkerReply } from './diff-worker.ts';

/** Set in workerData by the pool: a module imported inside some other worker (a test runner's) stays passive. */
export const DIFF_WORKER_MARK = 'docdelta-diff-worker';

export interface DiffPoolOptions {
  /** Threads computing at once. Default: one fewer than the cores, from 1 to 4. */
  maxWorkers: number;
  /** Pairs waiting for a thread; one more is refused at once. Default 16. */
  maxQueued: number;
  /** How long a request waits for its diff before UNAVAILABLE; the computation goes on. Default 20 s. */
  waitMs: number;
  /** A computation still running after this is stopped and its thread ended. Default 10 min. */
  hardLimitMs: number;
  /** Sent as Retry-After with UNAVAILABLE. Default 10 s. */
  retryAfterSeconds: number;
  /**
   * Pairs below both bounds (candidate rename pairs, bytes of changed files) are computed in place.
   * A release like the real pair (~60,000 candidate pairs, 4.4 MB of changed files) takes ~60 ms of
   * engine time, less than handing it to a thread (copying the files over took ~35 ms, and a new
   * thread in a CLI process ~100 ms more); at the bounds the event loop stops for ~100 ms, about
   * what one PGlite read batch holds it anyway. Bigger pairs go to a worker.
   */
  inline: { maxPairs: number; maxBytes: number };
}

export const DIFF_POOL_DEFAULTS: DiffPoolOptions = {
  maxWorkers: Math.min(4, Math.max(1, os.availableParallelism() - 1)),
  maxQueued: 16,
  waitMs: 20_000,
  hardLimitMs: 10 * 60_000,
  retryAfterSeconds: 10,
  inline: { maxPairs: 200_000, maxBytes: 6 * 1024 * 1024 },
};

/**
 * What a long-running server computes in place: only pairs that take a few milliseconds. Their
 * contents come from packages, and a crafted pair near the one-shot bounds above could hold every
 * request for seconds, with no thread's time limit to end it. `serve` sets these (run-serve.ts).
 */
export const SERVER_INLINE: DiffPoolOptions['inline'] = { maxPairs: 2_500, maxBytes: 256 * 1024 };

interface Job {
  id: number;
  task: DiffTask;
  resolve(diff: VersionDiff): void;
  reject(error: unknown): void;
  timer?: NodeJS.Timeout;
}

/**
 * Removed × added paths (the rename search's work) and the bytes handed over (the service loads
 * bytes only for files that differ, so this is the line-diffing work).
 */
export function diffCost(task: DiffTask): { pairs: number; bytes: number } {
  const newPaths = new Set(task.newTree.map((file) => file.path));
  const oldPaths = new Set(task.oldTree.map((file) => file.path));
  const removed = task.oldTree.filter((file) => !newPaths.has(file.path)).length;
  const added = task.newTree.filter((file) => !oldPaths.has(file.path)).length;
  let bytes = 0;
  for (const file of [...task.oldTree, ...task.newTree]) bytes += file.bytes.length;
  return { pairs: removed * added, bytes };
}

/**
 * The task as a structured clone carries it: page fields the store parses on first read (getters,
 * see store/pair-contents.ts) would not cross the thread boundary, so they are copied out here.
 */
function portable(task: DiffTask): DiffTask {
  const plain = (tree: DiffInputFile[]) =>
    tree.map((file) => {
      const doc = file.doc;
      if (!doc) return file;
      return { ...file, doc: { title: doc.title, frontmatter: doc.frontmatter, frontmatterBrief: doc.frontmatterBrief, headings: doc.headings } };
    });
  return { ...task, oldTree: plain(task.oldTree), newTree: plain(task.newTree) };
}

function workerEntry(): { url: URL; viaTsx: boolean } {
  const file = RUNNING_COMPILED ? fromPackageRoot('dist', 'src', 'services', 'diff-worker.js') : fromPackageRoot('src', 'services', 'diff-worker.ts');
  return { url: pathToFileURL(file), viaTsx: !RUNNING_COMPILED };
}

/** tsx's ESM API (its CommonJS build cannot register hooks from a data: module). */
function tsxLoaderUrl(): string {
  if (typeof import.meta.resolve === 'function') {
    try {
      return import.meta.resolve('tsx/esm/api');
    } catch {
      // Some runners (vitest's module runner) do not resolve bare names here; fall through.
    }
  }
  const commonJs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(commonJs.replace(/\.cjs$/, '.mjs')).href;
}

function spawnWorker(): Worker {
  const entry = workerEntry();
  const options = { workerData: { role: DIFF_WORKER_MARK } };
  if (!entry.viaTsx) return new Worker(entry.url, options);
  const tsx = tsxLoaderUrl();
  const source = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.url.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), options);
}

function errorFromReply(reply: Extract<WorkerReply, { ok: false }>): DocdeltaError {
  const cause = Object.assign(new Error(reply.message), { stack: reply.stack });
  return new DocdeltaError(errorCodeOf(reply.code), reply.message, { cause });
}

export class DiffPool {
  readonly options: DiffPoolOptions;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: Partial<DiffPoolOptions> = {}) {
    this.options = { ...DIFF_POOL_DEFAULTS, ...options };
  }

  get threads(): number {
    return this.#idle.length + this.#busy.size;
  }

  /** Whether a task of this cost is computed in place (see `DiffPoolOptions.inline`). */
  computesInPlace(cost: { pairs: number; bytes: number }): boolean {
    const { inline } = this.options;
    return cost.pairs <= inline.maxPairs && cost.bytes <= inline.maxBytes;
  }

  /** The diff of a task, computed in place when small and in a worker thread otherwise. */
  run(task: DiffTask): Promise<VersionDiff> {
    if (this.computesInPlace(diffCost(task))) {
      // One turn of the timers first: PGlite's reads settle without one, and a deadline that
      // passed while the files were read (see `within`) must still answer before the computation.
      // The engine is imported here: a command that finds its diff cached never loads it.
      return new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => import('./diff-worker.ts'))
        .then(({ computeDiff }) => computeDiff(task));
    }
    if (this.#closed) return Promise.reject(unavailable('docdelta is shutting down; try again shortly', this.options.retryAfterSeconds));
    const full = this.#idle.length === 0 && this.#busy.size >= this.options.maxWorkers;
    if (full && this.#queue.length >= this.options.maxQueued) {
      return Promise.reject(
        unavailable(`every diff worker is busy and ${this.#queue.length} diffs are waiting; try again later`, this.options.retryAfterSeconds),
      );
    }
    return new Promise<VersionDiff>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, task: portable(task), resolve, reject });
      this.#pump();
    });
  }

  /**
   * Waits for `work` at most `waitMs`. Past it the caller gets UNAVAILABLE and `work` goes on for
   * whoever asks next (see version-diff.ts, which shares one computation per pair).
   */
  within<T>(work: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(unavailable(`${what} is still being computed; try again in ${this.options.retryAfterSeconds} s`, this.options.retryAfterSeconds));
      }, this.options.waitMs);
      work.then(
        (value) => (clearTimeout(timer), resolve(value)),
        (error: unknown) => (clearTimeout(timer), reject(error)),
      );
    });
  }

  /** Ends every thread; queued and running diffs fail with UNAVAILABLE. */
  async close(): Promise<void> {
    this.#closed = true;
    const stopping = unavailable('docdelta is shutting down; try again shortly', this.options.retryAfterSeconds);
    for (const job of this.#queue.splice(0)) job.reject(stopping);
    const workers = [...this.#idle.splice(0), ...this.#busy.keys()];
    for (const [worker, job] of this.#busy) this.#settle(worker, job, () => job.reject(stopping));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#busy.size < this.options.maxWorkers) worker = this.#spawn();
      if (!worker) return;
      this.#start(worker, this.#queue.shift()!);
    }
  }

  #spawn(): Worker {
    const worker = spawnWorker();
    worker.on('message', (reply: WorkerReply) => {
      const job = this.#busy.get(worker);
      if (!job || job.id !== reply.id) return;
      this.#settle(worker, job, () => (reply.ok ? job.resolve(reply.diff) : job.reject(errorFromReply(reply))));
      if (!this.#closed) {
        // An idle thread must not keep a finished CLI process alive.
        worker.unref();
        this.#idle.push(worker);
        this.#pump();
      }
    });
    const lost = (error: unknown) => {
      const job = this.#busy.get(worker);
      if (job) this.#settle(worker, job, () => job.reject(new DocdeltaError('INTERNAL', 'a diff worker failed', { cause: error })));
      this.#forget(worker);
      if (!this.#closed) this.#pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`diff worker exited with code ${code}`)));
    return worker;
  }

  #start(worker: Worker, job: Job): void {
    // A busy thread keeps the process alive: a CLI awaiting its diff must not exit under it.
    worker.ref();
    this.#busy.set(worker, job);
    job.timer = setTimeout(() => {
      this.#settle(worker, job, () =>
        job.reject(unavailable(`the diff took longer than ${Math.round(this.options.hardLimitMs / 1000)} s and was stopped`, this.options.retryAfterSeconds)),
      );
      this.#forget(worker);
      void worker.terminate();
      this.#pump();
    }, this.options.hardLimitMs);
    job.timer.unref();
    worker.postMessage({ id: job.id, task: job.task });
  }

  #settle(worker: Worker, job: Job, settle: () => void): void {
    if (this.#busy.get(worker) !== job) return;
    clearTimeout(job.timer);
    this.#busy.delete(worker);
    settle();
  }

  #forget(worker: Worker): void {
    this.#busy.delete(worker);
    const index = this.#idle.indexOf(worker);
    if (index >= 0) this.#idle.splice(index, 1);
  }
}

let shared: DiffPool | undefined;

/** The process's pool, started on first use. */
export function diffPool(): DiffPool {
  return (shared ??= new DiffPool());
}

/** Replaces the process's pool (serve's settings, tests' short deadlines); the old one is closed. */
export async function configureDiffPool(options: Partial<DiffPoolOptions>): Promise<DiffPool> {
  const previous = shared;
  shared = new DiffPool(options);
  await previous?.close();
  return shared;
}

/** Ends the pool's threads (shutdown); a later diff starts a new pool. */
export async function closeDiffPool(): Promise<void> {
  const previous = shared;
  shared = undefined;
  await previous?.close();
}
