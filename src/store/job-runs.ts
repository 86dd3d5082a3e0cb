// job_runs: one row per run of a scheduled job, whatever started it, including the runs that were
// skipped (another replica had it, the previous run was still going, the timer fired late). The
// queries the scheduler needs live here so the runner itself holds no SQL.
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { jobRuns } from './schema/index.ts';

export type JobRunRow = typeof jobRuns.$inferSelect;
/** interrupted: the process was asked to stop (SIGTERM) and stopped waiting for the run. */
export type JobRunStatus = 'running' | 'ok' | 'failed' | 'skipped' | 'interrupted';

/** counts is free-form jsonb; the scheduled slot is kept in it so a tick can be claimed once. */
export type RunCounts = Record<string, number | string>;

export async function insertRunningRun(db: Db, job: string, trigger: string, counts: RunCounts): Promise<JobRunRow> {
  const [row] = await db.insert(jobRuns).values({ job, trigger, status: 'running', counts }).returning();
  return row!;
}

export async function finishRun(
  db: Db,
  id: number,
  outcome: { status: Exclude<JobRunStatus, 'running'>; counts: RunCounts; error: string | null },
): Promise<JobRunRow> {
  const [row] = await db
    .update(jobRuns)
    .set({ status: outcome.status, counts: outcome.counts, error: outcome.error, finishedAt: sql`now()` })
    .where(eq(jobRuns.id, id))
    .returning();
  return row!;
}

export async function insertSkippedRun(db: Db, job: string, trigger: string, counts: RunCounts, error: string): Promise<JobRunRow> {
  const [row] = await db
    .insert(jobRuns)
    .values({ job, trigger, status: 'skipped', counts, error, finishedAt: sql`now()` })
    .returning();
  return row!;
}

/** Whether a run (not a skip) of `job` was already started for this scheduled slot, by any replica. */
export async function slotTaken(db: Db, job: string, slot: string): Promise<boolean> {
  const rows = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), ne(jobRuns.status, 'skipped'), sql`${jobRuns.counts}->>'slot' = ${slot}`))
    .limit(1);
  return rows.length > 0;
}

/**
 * Runs still marked running when their job's lock is free again: the process that ran them
 * stopped before it could record the end. Only call this while holding the job's lock.
 */
export async function failInterruptedRuns(db: Db, job: string): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: 'failed', error: 'interrupted: the process running it stopped before the run finished', finishedAt: sql`now()` })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, 'running')))
    .returning({ id: jobRuns.id });
  return rows.length;
}

export async function listJobRuns(db: Db, options: { limit: number; job?: string }): Promise<JobRunRow[]> {
  const query = db.select().from(jobRuns);
  const filtered = options.job ? query.where(eq(jobRuns.job, options.job)) : query;
  return filtered.orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(options.limit);
}
