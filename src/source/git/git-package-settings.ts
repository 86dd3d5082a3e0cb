// What a git package row carries: the location column, the docsRoot column, and `{tags}` in its
// options. Read back through one schema, since the row may have been written by an older docdelta.
import path from 'node:path';
import { z } from 'zod';
import { invalidInput } from '../../errors.ts';
import { MAX_TAG_PATTERN_LENGTH } from './ref-names.ts';

const optionsSchema = z.object({ tags: z.string().max(MAX_TAG_PATTERN_LENGTH).nullable().optional() }).passthrough();

export interface GitPackageSettings {
  location: string;
  docsFolder: string;
  tags: string | null;
}

/** The columns of a package row this module reads (the row type itself lives in the store, above). */
export interface GitPackageColumns {
  name: string;
  location: string | null;
  docsRoot: string | null;
  options: unknown;
}

export function gitPackageSettings(pkg: GitPackageColumns): GitPackageSettings {
  if (!pkg.location) throw invalidInput(`${pkg.name} is a git package without a repository location; track it again with \`docdelta track git\``);
  if (!pkg.docsRoot) throw invalidInput(`${pkg.name} is a git package without a docs folder; track it again with --docs`);
  const options = optionsSchema.safeParse(pkg.options ?? {});
  if (!options.success) throw invalidInput(`${pkg.name} has unreadable git options: ${options.error.issues[0]?.message ?? 'invalid'}`);
  return { location: pkg.location, docsFolder: pkg.docsRoot, tags: options.data.tags ?? null };
}

export function gitCacheRoot(snapshotsDir: string): string {
  return path.join(snapshotsDir, 'git');
}
