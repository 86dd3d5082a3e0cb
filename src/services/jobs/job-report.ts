// How a finished run reads on a terminal and what exit code it gives, shared by the CLI commands
// and the jobs/ entry points.
import type { JobSummary } from './run-job.ts';

/** 0 ok; 0 skipped (another runner has it: nothing is wrong); 1 failed. */
export function exitCodeForJob(summary: Pick<JobSummary, 'status'>): number {
  return summary.status === 'failed' ? 1 : 0;
}

export function describeJob(summary: JobSummary): string {
  if (summary.status === 'skipped') return `${summary.job}: skipped (${summary.reason}): ${summary.error}`;
  const counts = Object.entries(summary.counts)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const head = `${summary.job}: ${summary.status} in ${summary.durationMs} ms${counts ? ` (${counts})` : ''}`;
  return summary.error ? `${head}\n  ${summary.error}` : head;
}
