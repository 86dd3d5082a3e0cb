import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { blobs } from './blobs.ts';
import { versions } from './versions.ts';

export const versionFiles = pgTable(
  'version_files',
  {
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    route: text('route'),
    note: text('note'),
  },
  (table) => [primaryKey({ columns: [table.versionId, table.path] }), index('version_files_sha256').on(table.sha256)],
);
