import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { VersionDiff } from '../../types.ts';
import { versions } from './versions.ts';

/** A computed diff, keyed by the pair, the algorithm version and the options that shape it. */
export const diffCache = pgTable(
  'diff_cache',
  {
    fromVersionId: integer('from_version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    toVersionId: integer('to_version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    algorithm: text('algorithm').notNull(),
    options: text('options').notNull(),
    result: jsonb('result').$type<VersionDiff>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.fromVersionId, table.toVersionId, table.algorithm, table.options] })],
);
