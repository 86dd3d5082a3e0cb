// One runner per job. Inside a process an in-memory flag stops a run from starting while the
// previous one is still going (PGlite has a single session, where PostgreSQL's advisory locks are
// re-entrant and would let the second run through). Across replicas on one PostgreSQL, a session
// advisory lock in a session of its own decides which process runs (see advisory-lock.ts).
import type { Database } from '../../store/database.ts';
import { tryAdvisoryLock } from './advisory-lock.ts';

export interface JobLock {
  /** True when the cross-replica lock, if any, was still ours when released. */
  release(): Promise<{ lost: boolean }>;
  stillHeld(): Promise<boolean>;
}

export type LockAttempt =
  | { acquired: true; lock: JobLock }
  /** `overlap`: this process is running the job; `locked`: another process is. */
  | { acquired: false; reason: 'overlap' | 'locked' };

const runningByDatabase = new WeakMap<Database, Set<string>>();

function runningIn(database: Database): Set<string> {
  let running = runningByDatabase.get(database);
  if (!running) {
    running = new Set();
    runningByDatabase.set(database, running);
  }
  return running;
}

export async function acquireJobLock(database: Database, job: string): Promise<LockAttempt> {
  const running = runningIn(database);
  if (running.has(job)) return { acquired: false, reason: 'overlap' };
  // Claimed before the first await, so two calls in one tick cannot both pass.
  running.add(job);
  if (database.client.driver === 'pglite') {
    return {
      acquired: true,
      lock: {
        stillHeld: async () => running.has(job),
        release: async () => {
          running.delete(job);
          return { lost: false };
        },
      },
    };
  }
  let advisory;
  try {
    if (!database.url) throw new Error('a PostgreSQL database without its URL: the job lock needs a session of its own');
    advisory = await tryAdvisoryLock(database.url, `job:${job}`);
  } catch (error) {
    running.delete(job);
    throw error;
  }
  if (!advisory) {
    running.delete(job);
    return { acquired: false, reason: 'locked' };
  }
  const held = advisory;
  return {
    acquired: true,
    lock: {
      stillHeld: () => held.stillHeld(),
      release: async () => {
        try {
          return { lost: !(await held.release()) };
        } finally {
          running.delete(job);
        }
      },
    },
  };
}
