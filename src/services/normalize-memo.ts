// Adjacent versions of a docs package share most of their files byte for byte. Reading a file for
// the ingest is pure (its size, whether it is binary, its decoding note: its page is read later, see
// page-reading.ts), so a sync reuses the previous version's result for a file that did not change.
// Only the previous version is kept, so memory stays one version deep however long the sync.
import { shallowFile } from '../normalize/normalize-file.ts';
import type { NormalizedFile, SourceFile } from '../types.ts';

/** A file as read without routes, minus its bytes (the caller holds those; the memo must not). */
export type ReadFile = Omit<NormalizedFile, 'bytes'>;

export class NormalizeMemo {
  private earlier = new Map<string, ReadFile>();
  private current = new Map<string, ReadFile>();

  /**
   * Starts the next version for `read`: what the last one read becomes the reusable set. Call once per
   * version, not per attempt — a write run again after a deadlock reads its files again and finds them.
   */
  startVersion(): void {
    if (this.current.size > 0) this.earlier = this.current;
    this.current = new Map();
  }

  /**
   * One file read for the ingest (`shallowFile`), its content hash already known: the previous
   * version's result when the path holds the same content, else read afresh. Results are kept
   * without bytes, so the memo never holds a version's contents.
   */
  read(file: SourceFile, sha256: string): ReadFile {
    const before = this.current.get(file.path) ?? this.earlier.get(file.path);
    if (before && before.sha256 === sha256) {
      this.current.set(file.path, before);
      return before;
    }
    const { bytes: _bytes, ...result } = shallowFile(file, { sha256 });
    this.current.set(file.path, result);
    return result;
  }
}
