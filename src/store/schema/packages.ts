import { jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const packages = pgTable('packages', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** 'npm' | 'git' | 'local' */
  source: text('source').notNull().default('npm'),
  /** git: the repository URL or folder; npm/local: null. */
  location: text('location'),
  /** Folder under the package root that holds the pages; null = detect. */
  docsRoot: text('docs_root'),
  /** Per-package settings (tag pattern, link-check conventions). */
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
  /** When a sync last listed this package's versions at its source (whether or not any were new). */
  lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
