// A version's files in the shape the pure diff engine takes, normalized the way ingest does, so an
// in-memory diff does the same work as one over stored data (doc metadata included).
import type { DiffInputFile } from '../src/diff/index.ts';
import { detectDocsRoot, normalizeFile } from '../src/normalize/index.ts';
import type { SourceFile } from '../src/types.ts';

/** A whole version normalized as ingest does it: the docs root detected across all its paths. */
export function normalizeVersion(files: SourceFile[]) {
  const docsRoot = detectDocsRoot(files.map((file) => file.path));
  return files.map((file) => normalizeFile(file, { docsRoot }));
}

export function toDiffInput(files: SourceFile[]): DiffInputFile[] {
  return normalizeVersion(files).map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.bytes, doc: file.doc }));
}
