// A whole version at once: the docs root is detected across all its paths unless the caller names one.
import type { NormalizedFile, SourceFile } from '../types.ts';
import { detectDocsRoot } from './docs-root.ts';
import type { NormalizeLimits } from './limits.ts';
import { normalizeFile } from './normalize-file.ts';

export interface NormalizeFilesOptions {
  /** undefined: detect; null: no pages; a string: this folder, whatever detection would say. */
  docsRoot?: string | null;
  limits?: Partial<NormalizeLimits>;
}

export function normalizeFiles(files: SourceFile[], options: NormalizeFilesOptions = {}): { docsRoot: string | null; files: NormalizedFile[] } {
  const docsRoot = options.docsRoot === undefined ? detectDocsRoot(files.map((file) => file.path)) : options.docsRoot;
  return { docsRoot, files: files.map((file) => normalizeFile(file, { docsRoot, limits: options.limits })) };
}
