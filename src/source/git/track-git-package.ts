// `docdelta track git …`: registers a package whose versions are a repository's tags. Only checks and
// records; the first `docdelta sync` clones. Everything is validated before anything is written.
import { z } from 'zod';
import { conflict, invalidInput } from '../../errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { ensurePackage, findPackage, type PackageRow, updatePackage } from '../../store/packages.ts';
import validatePackageName from '../package-name.ts';
import { checkLocalRepository } from './local-repository.ts';
import { MAX_DOCS_FOLDER_LENGTH, MAX_TAG_PATTERN_LENGTH, normalizeDocsFolder, tagMatcher } from './ref-names.ts';
import { MAX_LOCATION_LENGTH, parseRepositoryLocation, type RepositoryLocation } from './repository-location.ts';

export const trackGitRequestSchema = z
  .object({
    location: z.string().min(1).max(MAX_LOCATION_LENGTH),
    docs: z.string().min(1).max(MAX_DOCS_FOLDER_LENGTH),
    tags: z.string().max(MAX_TAG_PATTERN_LENGTH).nullish(),
    name: z.string().max(214).nullish(),
    /** Folder that relative local paths are resolved against. */
    cwd: z.string().optional(),
  })
  .strict();

export type TrackGitRequest = z.input<typeof trackGitRequestSchema>;

export interface TrackGitResult {
  package: PackageRow;
  /** 'created' for a new package, 'updated' when its docs folder or tag pattern changed, else 'unchanged'. */
  outcome: 'created' | 'updated' | 'unchanged';
}

/** `https://github.com/workos/docs.git` → `docs`; the user names it with --name when this fails. */
export function defaultPackageName(location: RepositoryLocation): string {
  const tail = location.address.replace(/[?#].*$/, '').replace(/\/+$/, '').split(/[/:]/).pop() ?? '';
  return tail
    .replace(/\.git$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 214);
}

export async function trackGitPackage(ctx: ServiceContext, request: TrackGitRequest): Promise<TrackGitResult> {
  const parsed = trackGitRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`invalid track request: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  const input = parsed.data;
  const location = parseRepositoryLocation(input.location, input.cwd ?? process.cwd());
  const docsRoot = normalizeDocsFolder(input.docs);
  const tags = input.tags ? input.tags : null;
  tagMatcher(tags);
  const name = input.name ?? defaultPackageName(location);
  if (!validatePackageName(name)) {
    throw invalidInput(
      input.name
        ? `not a valid package name: ${JSON.stringify(name)} (lowercase letters, digits, . _ ~ -, optionally @scope/)`
        : `could not derive a package name from ${JSON.stringify(location.address)}; give one with --name`,
    );
  }
  await checkLocalRepository(location);

  const existing = await findPackage(ctx.db, name);
  if (existing) {
    if (existing.source !== 'git' || existing.location !== location.address) {
      const from = existing.source === 'git' ? existing.location : `the ${existing.source} registry`;
      throw conflict(`${name} is already tracked from ${from}; choose another --name`);
    }
    const options = { ...existing.options, tags };
    if (existing.docsRoot === docsRoot && (existing.options.tags ?? null) === tags) return { package: existing, outcome: 'unchanged' };
    await updatePackage(ctx.db, name, { docsRoot, options });
    return { package: (await findPackage(ctx.db, name))!, outcome: 'updated' };
  }
  const row = await ensurePackage(ctx.db, { name, source: 'git', location: location.address, docsRoot, options: { tags } });
  return { package: row, outcome: 'created' };
}

