// A NormalizedFile made in memory, for store tests that write versions without a tarball: the
// content's hash and size computed as ingest would, everything else plain unless a test says so.
import crypto from 'node:crypto';
import type { NormalizedFile } from '../../src/types.ts';

export function normalizedFile(path: string, text: string, fields: Partial<Omit<NormalizedFile, 'path' | 'bytes' | 'sha256' | 'size'>> = {}): NormalizedFile {
  const bytes = new TextEncoder().encode(text);
  return {
    path,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    binary: false,
    note: null,
    route: null,
    doc: null,
    bytes,
    ...fields,
  };
}
