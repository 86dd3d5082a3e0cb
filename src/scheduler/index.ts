/**
 * The cron side of docdelta: `startScheduler(ctx)` wires the sync verb (services/sync.ts) and the
 * digest (src/digest) to node-cron for `docdelta serve` and jobs/scheduler.ts. The jobs themselves
 * run through services/jobs, whoever starts them.
 */
export { startScheduler, defaultJobs, type Scheduler, type ScheduledJob, type SchedulerOptions } from './start-scheduler.ts';
