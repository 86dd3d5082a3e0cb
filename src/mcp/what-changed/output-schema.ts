// The JSON what_changed returns as `structuredContent`: the same selection its Markdown shows, with
// paths relative to the package root (as the HTTP API and the CLI's `--format json` give them).
import { z } from 'zod';

export const DETAILS = ['summary', 'files', 'patch'] as const;
export type Detail = (typeof DETAILS)[number];

export const diffCounts = z.object({
  added: z.number(),
  removed: z.number(),
  modified: z.number(),
  renamed: z.number(),
  additions: z.number(),
  deletions: z.number(),
});

export const folderMoveOut = z.object({
  from: z.string(),
  to: z.string(),
  files: z.number(),
  edited: z.number(),
  pages: z.number(),
});

export const fileOut = z.object({
  status: z.enum(['added', 'removed', 'modified', 'renamed']),
  path: z.string(),
  oldPath: z.string().optional(),
  similarity: z.number().optional(),
  additions: z.number(),
  deletions: z.number(),
  binary: z.boolean().optional(),
  title: z.string().nullable().optional(),
});

export const docChangesOut = z.object({
  titleBefore: z.string().nullable(),
  titleAfter: z.string().nullable(),
  frontmatterFields: z.array(z.string()),
  sectionsAdded: z.array(z.string()),
  sectionsRemoved: z.array(z.string()),
  sectionsChanged: z.array(z.string()),
  removedAnchors: z.array(z.string()),
});

export const folderGroupOut = z.object({
  /** Package-root relative, with a trailing slash; '' for the package root. */
  folder: z.string(),
  pages: z.number(),
  titles: z.array(z.string()),
});

export const whatChangedOutput = z.object({
  package: z.string(),
  from: z.string(),
  to: z.string(),
  detail: z.enum(DETAILS),
  path: z.string().nullable(),
  docsRoot: z.string().nullable(),
  summary: diffCounts,
  moves: z.array(folderMoveOut),
  addedPages: z.array(folderGroupOut).optional(),
  removedPages: z.array(folderGroupOut).optional(),
  renamedPages: z.array(fileOut).optional(),
  mostChanged: z.array(fileOut.extend({ doc: docChangesOut.optional() })).optional(),
  otherFiles: z.array(fileOut).optional(),
  files: z.array(fileOut.extend({ patch: z.string().optional() })).optional(),
  /** Changed files in this view; `files` or the groups above may show fewer. */
  totalFiles: z.number(),
  truncated: z.boolean(),
  /** Narrower calls that give what this answer left out. */
  more: z.array(z.string()),
});

export type WhatChangedOutput = z.infer<typeof whatChangedOutput>;
export type FileOut = z.infer<typeof fileOut>;
export type DocChangesOut = z.infer<typeof docChangesOut>;
