// Adjacent versions of a docs package share most of their files byte for byte. Normalizing is pure —
// the same path, bytes and docs root give the same result — so a sync reuses the previous version's
// result for a file that did not change instead of parsing it again (frontmatter, headings, links).
// Only the previous version is kept, so memory stays one version deep however long the sync.
import { normalizeFile } from '../normalize/index.ts';
import type { NormalizedFile, SourceFile } from '../types.ts';

/** A file as read without routes, minus its bytes (the caller holds those; the memo must not). */
export type ReadFile = Omit<NormalizedFile, 'bytes'>;

export class NormalizeMemo {
  private previous = new Map<string, NormalizedFile>();
  private previousDocsRoot: string | null | undefined;
  private earlier = new Map<string, ReadFile>();
  private current = new Map<string, ReadFile>();

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

  /**
   * Starts the next version for `read`: what the last one read becomes the reusable set. Call once per
   * version, not per attempt — a write run again after a deadlock reads its files again and finds them.
   */
  startVersion(): void {
    if (this.current.size > 0) this.earlier = this.current;
    this.current = new Map();
  }

  /**
   * One file read without routes (`normalizeFile` with no docs root), its content hash already known:
   * the previous version's result when the path holds the same content, else normalized afresh.
   * Results are kept without bytes, so the memo holds page metadata, never a version's contents.
   */
  read(file: SourceFile, sha256: string): ReadFile {
    const before = this.current.get(file.path) ?? this.earlier.get(file.path);
    if (before && before.sha256 === sha256) {
      this.current.set(file.path, before);
      return before;
    }
    const { bytes: _bytes, ...result } = normalizeFile(file, { docsRoot: null, sha256 });
    this.current.set(file.path, result);
    return result;
  }
}
