// Adjacent versions of a docs package share most of their files byte for byte. Normalizing is pure —
// the same path, bytes and docs root give the same result — so a sync reuses the previous version's
// result for a file that did not change instead of parsing it again (frontmatter, headings, links).
// Only the previous version is kept, so memory stays one version deep however long the sync.
import { normalizeFile } from '../normalize/index.ts';
import type { NormalizedFile, SourceFile } from '../types.ts';

export class NormalizeMemo {
  private previous = new Map<string, NormalizedFile>();
  private previousDocsRoot: string | null | undefined;

  /** Normalizes one version's files, reusing what the version before it already normalized. */
  normalizeVersion(files: readonly SourceFile[], docsRoot: string | null): NormalizedFile[] {
    const reusable = this.previousDocsRoot === docsRoot ? this.previous : new Map<string, NormalizedFile>();
    const next = new Map<string, NormalizedFile>();
    const normalized = files.map((file) => {
      const before = reusable.get(file.path);
      const result = before && Buffer.from(before.bytes.buffer, before.bytes.byteOffset, before.bytes.byteLength).equals(file.bytes) ? before : normalizeFile(file, { docsRoot });
      next.set(file.path, result);
      return result;
    });
    this.previous = next;
    this.previousDocsRoot = docsRoot;
    return normalized;
  }
}
