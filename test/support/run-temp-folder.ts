// Every test's temporary folders live under one folder per `npm test` run, removed when the run
// ends: tests make their folders with os.tmpdir() and many never remove them (a server's idle
// stopper may still be using one), so without this each run left dozens of folders in /tmp.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeTree } from './remove-tree.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const runFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'docdelta-test-run-'));
  // Set before the workers start, so they inherit it; os.tmpdir() reads TMPDIR on every call.
  process.env.TMPDIR = runFolder;
  return async () => {
    // A server still writing in there must not turn a green run red: say so and leave the rest.
    await removeTree(runFolder).catch((error: unknown) => {
      process.stderr.write(`could not remove ${runFolder}: ${(error as Error).message}\n`);
    });
  };
}
