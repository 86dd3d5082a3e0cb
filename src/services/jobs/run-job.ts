// The one way a job runs, whether cron, the CLI, the API or a test started it: take the job's lock,
// claim the scheduled slot, record the run in job_runs, run the body, record how it ended, let go of
// the lock. A run that cannot start is recorded as skipped with the reason, so GET /jobs shows
// every tick and what became of it.
import { DocdeltaError, toDocdeltaError } from '../../errors.ts';
import type { ServiceContext } from '../context.ts';
import { acquireJobLock, type JobLock } from './job-lock.ts';
import { failInterruptedRuns, finishRun, insertRunningRun, insertSkippedRun, type RunCounts, slotTaken } from '../../store/job-runs.ts';

export type JobTrigger = 'schedule' | 'cli' | 'serve' | 'api' | 'manual';
export type JobStatus = 'ok' | 'failed' | 'skipped' | 'interrupted';
/**
 * overlap: this process is still running the previous one; locked: another replica is running it;
 * already-ran: another replica already ran this scheduled tick; missed: the timer fired too late.
 */
export type SkipReason = 'overlap' | 'locked' | 'already-ran' | 'missed';

export interface JobSummary<Details = unknown> {
  job: string;
  /** The job_runs row; null for runs that record nothing (a dry run). */
  runId: number | null;
  trigger: JobTrigger;
  status: JobStatus;
  reason?: SkipReason;
  /** The scheduled tick this run belongs to (ISO), for scheduled runs. */
  slot?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  counts: Record<string, number>;
  /** Safe to show: secrets redacted, internal errors reduced to a pointer to the logs. */
  error: string | null;
  details?: Details;
}

export interface JobBodyResult<Details> {
  counts: Record<string, number>;
  /** Set when the body finished but something in it failed (one package of five). */
  error?: string | null;
  details?: Details;
}

export type JobBody<Details> = (signal: AbortSignal) => Promise<JobBodyResult<Details>>;

export interface RunJobOptions {
  trigger: JobTrigger;
  slot?: Date;
  /**
   * Aborted on shutdown. The body is asked to stop at its next safe point; if it has not within
   * `stopWaitMs`, the run is recorded as interrupted without it (a download trickling at 1 byte/s
   * must not hold a shutdown), and its unfinished transaction is rolled back when the database closes.
   */
  signal?: AbortSignal;
  /** How long a shutdown waits for the body to stop by itself. Default 1 s. */
  stopWaitMs?: number;
  /** Applied to every error text before it is stored or logged (the webhook URL, for one). */
  redact?: (text: string) => string;
  /** How often to confirm the cross-replica lock is still held while the body runs. */
  lockCheckMs?: number;
}

const SKIP_MESSAGES: Record<SkipReason, string> = {
  overlap: 'the previous run in this process is still going',
  locked: 'another replica is running this job',
  'already-ran': 'another replica already ran this tick',
  missed: 'the timer fired more than the tolerance late; the next tick catches up',
};

/** What an error may say in job_runs and at GET /jobs. */
export function publicErrorText(error: unknown, redact: (text: string) => string = (text) => text): string {
  const known = toDocdeltaError(error);
  if (known.code !== 'INTERNAL') return redact(known.message);
  return 'internal error (details in the server log)';
}

function summary<Details>(
  base: { job: string; trigger: JobTrigger; slot?: string; started: Date },
  fields: Pick<JobSummary<Details>, 'runId' | 'status' | 'counts' | 'error'> & Partial<JobSummary<Details>>,
): JobSummary<Details> {
  const finished = new Date();
  return {
    job: base.job,
    trigger: base.trigger,
    ...(base.slot ? { slot: base.slot } : {}),
    startedAt: base.started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - base.started.getTime(),
    ...fields,
  };
}

export async function recordSkip(
  ctx: ServiceContext,
  job: string,
  trigger: JobTrigger,
  reason: SkipReason,
  slot?: Date,
): Promise<JobSummary<never>> {
  const started = new Date();
  const slotIso = slot?.toISOString();
  const counts: RunCounts = { reason, ...(slotIso ? { slot: slotIso } : {}) };
  const row = await insertSkippedRun(ctx.db, job, trigger, counts, SKIP_MESSAGES[reason]);
  ctx.logger.info(`${job}: skipped`, { reason, ...(slotIso ? { slot: slotIso } : {}), detail: SKIP_MESSAGES[reason] });
  return summary({ job, trigger, slot: slotIso, started }, { runId: row.id, status: 'skipped', reason, counts: {}, error: SKIP_MESSAGES[reason] });
}

/**
 * A tick the timer missed: reported once, unless some replica ran that tick after all. Nothing is
 * run late — both jobs work from stored state (sync asks for every version not yet stored; the
 * digest covers every version not yet announced), so the next tick catches up without loss.
 */
export async function recordMissedTick(ctx: ServiceContext, job: string, slot: Date): Promise<void> {
  if (await slotTaken(ctx.db, job, slot.toISOString())) return;
  ctx.logger.warn(`${job}: missed the tick at ${slot.toISOString()} (timer late or clock skew); the next tick catches up`);
  await recordSkip(ctx, job, 'schedule', 'missed', slot);
}

const STOPPED = Symbol('stopped');

/** The body's result, or STOPPED when `signal` aborted and the body did not finish within `waitMs`. */
function untilStopped<T>(work: Promise<T>, signal: AbortSignal | undefined, waitMs: number): Promise<T | typeof STOPPED> {
  if (!signal) return work;
  return new Promise<T | typeof STOPPED>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => resolve(STOPPED), waitMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    work.then(
      (value) => (done(), resolve(value)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}

export async function runJob<Details>(
  ctx: ServiceContext,
  job: string,
  options: RunJobOptions,
  body: JobBody<Details>,
): Promise<JobSummary<Details>> {
  const attempt = await acquireJobLock(ctx.database, job);
  if (!attempt.acquired) return recordSkip(ctx, job, options.trigger, attempt.reason, options.slot);
  let outcome: JobSummary<Details> | 'already-ran';
  try {
    outcome = await runHoldingLock(ctx, job, options, body, attempt.lock);
  } finally {
    const { lost } = await attempt.lock.release();
    if (lost) ctx.logger.error(`${job}: the job lock was no longer held when released (its database session ended during the run)`);
  }
  return outcome === 'already-ran' ? recordSkip(ctx, job, options.trigger, 'already-ran', options.slot) : outcome;
}

async function runHoldingLock<Details>(
  ctx: ServiceContext,
  job: string,
  options: RunJobOptions,
  body: JobBody<Details>,
  lock: JobLock,
): Promise<JobSummary<Details> | 'already-ran'> {
  const redact = options.redact ?? ((text: string) => text);
  const slot = options.slot?.toISOString();
  // Holding the lock, so this check and the insert below cannot race another replica.
  if (slot && (await slotTaken(ctx.db, job, slot))) return 'already-ran';
  const interrupted = await failInterruptedRuns(ctx.db, job);
  if (interrupted > 0) ctx.logger.warn(`${job}: ${interrupted} earlier run(s) never finished; marked failed`);

  const started = new Date();
  const base = { job, trigger: options.trigger, slot, started };
  const slotCounts: RunCounts = slot ? { slot } : {};
  const { id: runId } = await insertRunningRun(ctx.db, job, options.trigger, slotCounts);
  ctx.logger.info(`${job}: started`, { runId, trigger: options.trigger, ...slotCounts });

  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // If the lock's session dies mid-run another replica may start; stop at the next safe point.
  const watch = setInterval(() => {
    void lock.stillHeld().then((held) => {
      if (!held && !abort.signal.aborted) {
        ctx.logger.error(`${job}: lost the job lock while running; stopping`, { runId });
        abort.abort(new Error('lost the job lock'));
      }
    });
  }, options.lockCheckMs ?? 30_000);
  watch.unref();

  try {
    let result: JobBodyResult<Details>;
    try {
      const outcome = await untilStopped(body(abort.signal), options.signal, options.stopWaitMs ?? 1_000);
      if (outcome === STOPPED) {
        const text = 'interrupted: the process was asked to stop before the run finished';
        ctx.logger.warn(`${job}: interrupted`, { runId });
        await finishRun(ctx.db, runId, { status: 'interrupted', counts: slotCounts, error: text });
        return summary(base, { runId, status: 'interrupted', counts: {}, error: text });
      }
      result = outcome;
    } catch (error) {
      const text = publicErrorText(error, redact);
      const cause = error instanceof DocdeltaError ? (error.cause ?? error) : error;
      ctx.logger.error(`${job}: failed`, { runId, error: text, detail: redact(String((cause as Error)?.stack ?? cause)) });
      await finishRun(ctx.db, runId, { status: 'failed', counts: slotCounts, error: text });
      return summary(base, { runId, status: 'failed', counts: {}, error: text });
    }
    const shutDown = options.signal?.aborted ?? false;
    const error = result.error ? redact(result.error) : abort.signal.aborted ? 'interrupted: stopped before finishing' : null;
    const status: JobStatus = shutDown ? 'interrupted' : error ? 'failed' : 'ok';
    await finishRun(ctx.db, runId, { status, counts: { ...result.counts, ...slotCounts }, error });
    const done = summary(base, { runId, status, counts: result.counts, error, details: result.details });
    ctx.logger[status === 'ok' ? 'info' : 'warn'](`${job}: ${status}`, { runId, durationMs: done.durationMs, counts: result.counts, ...(error ? { error } : {}) });
    return done;
  } finally {
    clearInterval(watch);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
