// A version's files in the shape the pure diff engine takes, normalized the way ingest does, so an
// in-memory diff does the same work as one over stored data (doc metadata included).
import type { DiffInputFile } from '../src/diff/index.ts';
import { normalizeFiles } from '../src/normalize/index.ts';
import type { SourceFile } from '../src/types.ts';

export function toDiffInput(files: SourceFile[]): DiffInputFile[] {
  return normalizeFiles(files).files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.bytes, doc: file.doc }));
}
