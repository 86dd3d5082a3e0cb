// Writes a version's files into a folder, so git can diff it from disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../src/types.ts';

export async function writeTree(dir: string, files: readonly SourceFile[]): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const folders = new Set(files.map((file) => path.dirname(path.join(dir, file.path))));
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  // Paths come from docdelta's extractor or the bench's own generator: never absolute, never `..`.
  for (const file of files) await fs.writeFile(path.join(dir, file.path), file.bytes);
}
