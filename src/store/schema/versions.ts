import { bigint, boolean, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { packages } from './packages.ts';

export const versions = pgTable(
  'versions',
  {
    id: serial('id').primaryKey(),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    integrity: text('integrity'),
    deprecated: text('deprecated'),
    docsRoot: text('docs_root'),
    /**
     * False until the version's pages are read (doc_meta, routes, docs_root): an ingest stores the
     * contents only, and the first reader that needs pages reads them (services/page-reading.ts).
     */
    pagesRead: boolean('pages_read').notNull().default(true),
    fileCount: integer('file_count').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('versions_package_version').on(table.packageId, table.version)],
);

/** Versions that could not be ingested, so a sync reports them instead of failing silently. */
export const ingestFailures = pgTable(
  'ingest_failures',
  {
    id: serial('id').primaryKey(),
    packageId: integer('package_id')
      .notNull()
      .references(() => packages.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    attempts: integer('attempts').notNull().default(1),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('ingest_failures_package_version').on(table.packageId, table.version)],
);
