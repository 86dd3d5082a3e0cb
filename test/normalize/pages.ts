// Builds source files for normalize tests; each test writes the page it is about.
import { normalizeFile } from '../../src/normalize/index.ts';
import type { DocMeta, NormalizedFile } from '../../src/types.ts';

export const DOCS_ROOT = 'docs/';

export function file(path: string, content: string | Uint8Array): NormalizedFile {
  const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content;
  return normalizeFile({ path, bytes }, { docsRoot: DOCS_ROOT });
}

/** A page's DocMeta; fails the test when the file was not read as a page. */
export function doc(content: string, path = 'docs/page.mdx'): DocMeta {
  const normalized = file(path, content);
  if (!normalized.doc) throw new Error(`expected ${path} to be parsed as a page (note: ${normalized.note})`);
  return normalized.doc;
}

export const lines = (...rows: string[]) => rows.join('\n');
