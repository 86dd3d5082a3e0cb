import { integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { packages } from './packages.ts';

/** Every scheduled or manual job run, visible at GET /jobs. */
export const jobRuns = pgTable('job_runs', {
  id: serial('id').primaryKey(),
  job: text('job').notNull(),
  trigger: text('trigger').notNull().default('manual'),
  /** 'running' | 'ok' | 'failed' | 'skipped' | 'interrupted' */
  status: text('status').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  counts: jsonb('counts').$type<Record<string, unknown>>().notNull().default({}),
  error: text('error'),
});

/** One row per (package, version range, webhook): a delivered digest is never posted again. */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    id: serial('id').primaryKey(),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    fromVersion: text('from_version').notNull(),
    toVersion: text('to_version').notNull(),
    /** sha256 of the webhook URL: the URL is a secret and is never stored. */
    webhookHash: text('webhook_hash').notNull(),
    /** 'pending' | 'delivered' | 'failed' */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [unique('digest_deliveries_range').on(table.packageId, table.fromVersion, table.toVersion, table.webhookHash)],
);
