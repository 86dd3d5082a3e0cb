import { inArray } from 'drizzle-orm';
import type { DocMeta } from '../types.ts';
import type { Db } from './database.ts';
import { blobs, docMeta } from './schema/index.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  binary: boolean;
  content: Uint8Array;
}

const LOOKUP_CHUNK = 5_000;

export async function loadBlobs(db: Db, shas: Iterable<string>): Promise<Map<string, StoredBlob>> {
  const wanted = [...new Set(shas)];
  const found = new Map<string, StoredBlob>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const rows = await db.select().from(blobs).where(inArray(blobs.sha256, wanted.slice(i, i + LOOKUP_CHUNK)));
    for (const row of rows) found.set(row.sha256, row);
  }
  return found;
}

export async function loadDocMeta(db: Db, shas: Iterable<string>): Promise<Map<string, DocMeta>> {
  const wanted = [...new Set(shas)];
  const found = new Map<string, DocMeta>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const rows = await db.select().from(docMeta).where(inArray(docMeta.sha256, wanted.slice(i, i + LOOKUP_CHUNK)));
    for (const row of rows) {
      found.set(row.sha256, {
        title: row.title,
        description: row.description,
        frontmatter: row.frontmatter,
        frontmatterError: row.frontmatterError,
        headings: row.headings,
        links: row.links,
      });
    }
  }
  return found;
}
