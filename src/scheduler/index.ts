/**
 * Scheduled work: `runSync` and (from src/digest) `runDigest` run the same way from cron, the CLI,
 * the API and tests — one runner across replicas, every run recorded in job_runs.
 * `startScheduler(ctx)` wires them to node-cron for `docdelta serve`; `registerDiffPrecompute()`
 * makes every sync precompute the diffs of the versions it stored.
 */
export { runSync, type SyncRunOptions, type SyncRunDetails } from './sync-job.ts';
export { runJob, recordSkip, type JobSummary, type JobTrigger, type JobStatus, type SkipReason } from './run-job.ts';
export { startScheduler, defaultJobs, type Scheduler, type ScheduledJob, type SchedulerOptions } from './start-scheduler.ts';
export { registerDiffPrecompute, precomputeDiffs } from './precompute-diffs.ts';
export { getJobHistory, type JobHistory } from './job-history.ts';
export { describeJob, exitCodeForJob } from './job-report.ts';
export { assertSessionPooling } from './pooling-check.ts';
