// Data folders for the embedded-server tests: each test gets a fresh `.data` under its own temporary
// folder, removed after the test (a server still on it is stopped by its idle stopper or last client).
import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './context.ts';
import { removeTree } from './remove-tree.ts';

/** Registers the clean-up and returns the function that makes a new data folder path. */
export function useDataFolders(prefix: string): () => Promise<string> {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await removeTree(folder);
  });
  return async () => {
    const folder = await tempDir(prefix);
    folders.push(folder);
    return path.join(folder, '.data');
  };
}
