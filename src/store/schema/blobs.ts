import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { FrontmatterBrief } from '../../diff/frontmatter-changes.ts';
import type { DocLink, Heading } from '../../types.ts';
import { bytea } from './columns.ts';

/** Content-addressed: one row per distinct content, however many versions hold it. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  binary: boolean('binary').notNull(),
  content: bytea('content').notNull(),
});

/** What normalize read from a Markdown page; content-derived, so keyed by blob too. */
export const docMeta = pgTable('doc_meta', {
  sha256: text('sha256')
    .primaryKey()
    .references(() => blobs.sha256),
  title: text('title'),
  description: text('description'),
  frontmatter: jsonb('frontmatter').$type<Record<string, unknown>>().notNull(),
  /**
   * What a cold diff reads instead of `frontmatter` (diff/frontmatter-changes.ts); null on rows stored
   * before it existed, whose frontmatter is then read whole.
   */
  frontmatterBrief: jsonb('frontmatter_brief').$type<FrontmatterBrief>(),
  frontmatterError: text('frontmatter_error'),
  headings: jsonb('headings').$type<Heading[]>().notNull(),
  links: jsonb('links').$type<DocLink[]>().notNull(),
});
