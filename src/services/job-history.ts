// The read verb behind GET /jobs: recent runs of the scheduled jobs and recent digest deliveries,
// with the schedule they follow. Nothing secret is part of it — the webhook URL is never stored,
// and its hash is left out too.
import { type DeliveryListing, listRecentDeliveries } from '../store/digest-deliveries.ts';
import { listJobRuns } from '../store/job-runs.ts';
import type { ServiceContext } from './context.ts';

export interface JobRunView {
  id: number;
  job: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, unknown>;
  error: string | null;
}

/** A stored delivery as the API shows it: no id, dates as ISO strings. */
export type DeliveryView = Omit<DeliveryListing, 'id' | 'createdAt' | 'deliveredAt'> & {
  createdAt: string;
  deliveredAt: string | null;
};

export interface JobHistory {
  schedule: {
    sync: { cron: string; timezone: string };
    digest: { cron: string; timezone: string; enabled: boolean };
  };
  runs: JobRunView[];
  deliveries: DeliveryView[];
}

export const MAX_HISTORY = 200;

export async function getJobHistory(ctx: ServiceContext, options: { limit?: number; job?: string } = {}): Promise<JobHistory> {
  const limit = Math.min(Math.max(1, options.limit ?? 50), MAX_HISTORY);
  const [runs, deliveries] = await Promise.all([
    listJobRuns(ctx.db, { limit, job: options.job }),
    options.job && options.job !== 'digest' ? Promise.resolve([]) : listRecentDeliveries(ctx.db, limit),
  ]);
  return {
    schedule: {
      sync: { cron: ctx.config.syncCron, timezone: 'UTC' },
      digest: { cron: ctx.config.digestCron, timezone: ctx.config.digestTimezone, enabled: Boolean(ctx.config.slackWebhookUrl) },
    },
    runs: runs.map((row) => ({
      id: row.id,
      job: row.job,
      trigger: row.trigger,
      status: row.status,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
      counts: row.counts,
      error: row.error,
    })),
    deliveries: deliveries.map((row) => ({
      package: row.package,
      from: row.from,
      to: row.to,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      deliveredAt: row.deliveredAt ? row.deliveredAt.toISOString() : null,
    })),
  };
}
