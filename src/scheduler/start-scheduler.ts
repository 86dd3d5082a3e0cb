// The cron side of `docdelta serve`: node-cron fires the ticks, runJob decides whether this
// replica runs them. node-cron's own `noOverlap` stops a tick from starting while the previous run
// of the same job is still going in this process; its `execution:overlap` and `execution:missed`
// events (a timer more than `missedToleranceMs` late, the process blocked, the clock jumped) are
// recorded as skipped runs (or, for the digest, run late), so every tick has a trace at GET /jobs.
import cron, { type ScheduledTask, type TaskContext } from 'node-cron';
import { runDigest } from '../digest/run-digest.ts';
import type { ServiceContext } from '../services/context.ts';
import { assertSessionPooling, type JobSummary, recordSkip } from '../services/jobs/index.ts';
import { runSync } from '../services/sync.ts';
import { missedTickHandler } from './missed-ticks.ts';

export interface ScheduledJob {
  name: string;
  cron: string;
  /** IANA zone the expression is read in; default UTC. */
  timezone?: string;
  run(ctx: ServiceContext, tick: { slot: Date; signal: AbortSignal }): Promise<JobSummary>;
  /**
   * Run a tick the timer missed as soon as the miss is noticed, instead of only reporting it. For
   * a daily digest, waiting for the next tick means a day; a sync 15 minutes later loses nothing.
   * The slot claim in runJob still makes sure no tick runs twice.
   */
  catchUpMissed?: boolean;
}

export interface SchedulerOptions {
  /** Default: sync on SYNC_CRON; digest on DIGEST_CRON in DIGEST_TIMEZONE when SLACK_WEBHOOK_URL is set. */
  jobs?: ScheduledJob[];
  /** A tick this late is reported as missed rather than run; node-cron's default is 1 s. */
  missedToleranceMs?: number;
}

export interface Scheduler {
  jobs: string[];
  nextRuns(): Record<string, string | null>;
  /** Stops the timers, asks running jobs to stop at their next safe point, and waits for them. */
  stop(): Promise<void>;
}

export function defaultJobs(ctx: ServiceContext): ScheduledJob[] {
  const jobs: ScheduledJob[] = [
    { name: 'sync', cron: ctx.config.syncCron, timezone: 'UTC', run: (c, tick) => runSync(c, { trigger: 'schedule', ...tick }) },
  ];
  if (ctx.config.slackWebhookUrl) {
    jobs.push({
      name: 'digest',
      cron: ctx.config.digestCron,
      timezone: ctx.config.digestTimezone,
      run: (c, tick) => runDigest(c, { trigger: 'schedule', ...tick }),
      catchUpMissed: true,
    });
  } else {
    ctx.logger.info('digest not scheduled: SLACK_WEBHOOK_URL is not set');
  }
  return jobs;
}

/**
 * Starts the cron tasks. Async because it first refuses a database connection on which the
 * cross-replica lock cannot work (PgBouncer in transaction mode) — better at startup than at 09:00.
 */
export async function startScheduler(ctx: ServiceContext, options: SchedulerOptions = {}): Promise<Scheduler> {
  await assertSessionPooling(ctx.database, ctx.logger);
  const jobs = options.jobs ?? defaultJobs(ctx);
  const stopping = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const tracked = work.catch((error) => ctx.logger.error('scheduled work failed', { error: String((error as Error)?.message ?? error) }));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return tracked;
  };
  const cronLogger = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => ctx.logger.warn(`node-cron: ${message}`),
    error: (message: string | Error) => ctx.logger.error(`node-cron: ${message instanceof Error ? message.message : message}`),
  };

  const tasks: ScheduledTask[] = jobs.map((job) => {
    let lastStartedSlot: Date | null = null;
    let running = 0;
    const runTick = (slot: Date) => {
      lastStartedSlot = slot;
      running += 1;
      return track(job.run(ctx, { slot, signal: stopping.signal }).finally(() => (running -= 1)));
    };
    const task = cron.createTask(job.cron, (tick: TaskContext) => runTick(tick.date), {
      name: job.name,
      timezone: job.timezone ?? 'UTC',
      noOverlap: true,
      missedExecutionTolerance: options.missedToleranceMs ?? 1_000,
      logger: cronLogger,
    });
    task.on('execution:overlap', (tick) => void track(recordSkip(ctx, job.name, 'schedule', 'overlap', tick.date)));
    const onMissed = missedTickHandler(ctx, {
      job: job.name,
      catchUp: job.catchUpMissed ?? false,
      lastStartedSlot: () => lastStartedSlot,
      busy: () => running > 0,
      runLate: (slot) => void runTick(slot),
      track: (work) => void track(work),
    });
    task.on('execution:missed', (tick) => onMissed(tick.date));
    return task;
  });
  for (const task of tasks) await task.start();
  ctx.logger.info('scheduler started', { jobs: jobs.map((job) => `${job.name} "${job.cron}" ${job.timezone ?? 'UTC'}`) });

  let stopped: Promise<void> | undefined;
  return {
    jobs: jobs.map((job) => job.name),
    nextRuns: () => Object.fromEntries(jobs.map((job, index) => [job.name, tasks[index]!.getNextRun()?.toISOString() ?? null])),
    stop: () =>
      (stopped ??= (async () => {
        for (const task of tasks) await task.destroy();
        stopping.abort(new Error('scheduler stopping'));
        await Promise.allSettled([...inFlight]);
        ctx.logger.info('scheduler stopped');
      })()),
  };
}
