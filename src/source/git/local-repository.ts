// A local folder location must exist and be a folder before git is pointed at it: git also fetches
// from bundle files and would otherwise report a missing folder as a confusing transport error.
import fs from 'node:fs/promises';
import { invalidInput } from '../../errors.ts';
import type { RepositoryLocation } from './repository-location.ts';

export async function checkLocalRepository(location: RepositoryLocation): Promise<void> {
  if (location.kind !== 'local') return;
  const stat = await fs.stat(location.address).catch(() => null);
  if (!stat) throw invalidInput(`no folder at ${location.address}`);
  if (!stat.isDirectory()) throw invalidInput(`${location.address} is not a folder (a local repository location must be a git repository folder)`);
}
