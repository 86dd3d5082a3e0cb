/**
 * Recorded jobs: `runJob` is the one way a job runs, whether cron, the CLI, the API or a test
 * started it — one runner across replicas (the job lock), every run a `job_runs` row. The sync
 * verb (services/sync.ts) and the digest (src/digest) run through it.
 */
export { runJob, recordSkip, recordMissedTick, publicErrorText, type JobBody, type JobSummary, type JobTrigger, type JobStatus, type SkipReason } from './run-job.ts';
export { describeJob, exitCodeForJob } from './job-report.ts';
export { assertSessionPooling } from './pooling-check.ts';
