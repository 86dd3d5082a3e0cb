// The body of a diff worker thread: the same pure engine the main thread would run, one pair at a
// time, so a 10,000 × 10,000 rename search never holds up the event loop that answers requests.
// Errors cross the thread boundary as plain data; the pool turns them back into DocdeltaErrors.
import { parentPort, workerData } from 'node:worker_threads';
import { diffTrees, type DiffInputFile, toVersionDiff, type TreeRenames } from '../diff/index.ts';
import { DocdeltaError } from '../errors.ts';
import type { VersionDiff } from '../types.ts';
import { DIFF_WORKER_MARK } from './diff-pool.ts';

export interface DiffTask {
  package: string;
  from: string;
  to: string;
  oldTree: DiffInputFile[];
  newTree: DiffInputFile[];
  renameThreshold: number;
  /** Found ahead, while the rest of the files were read (services/pair-trees.ts). */
  renames?: TreeRenames;
}

export type WorkerReply =
  | { id: number; ok: true; diff: VersionDiff }
  | { id: number; ok: false; code: string; message: string; stack?: string };

/** Runs a task where it is called; the worker and the pool's small-pair path share it. */
export function computeDiff(task: DiffTask): VersionDiff {
  const computed = diffTrees(task.oldTree, task.newTree, { renameThreshold: task.renameThreshold, renames: task.renames });
  return toVersionDiff(task.package, task.from, task.to, computed);
}

if (parentPort && (workerData as { role?: string } | null)?.role === DIFF_WORKER_MARK) {
  const port = parentPort;
  port.on('message', (message: { id: number; task: DiffTask }) => {
    let reply: WorkerReply;
    try {
      reply = { id: message.id, ok: true, diff: computeDiff(message.task) };
    } catch (error) {
      const code = error instanceof DocdeltaError ? error.code : 'INTERNAL';
      reply = { id: message.id, ok: false, code, message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack };
    }
    port.postMessage(reply);
  });
}
