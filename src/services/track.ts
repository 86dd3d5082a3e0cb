// Track verbs: register a package with a source other than the npm registry (npm packages are
// registered by their first sync). Only check and record; the first `docdelta sync` reads. Everything
// is validated before anything is written. (An `untrack` verb belongs here too.)
//   git:   `docdelta track git URL --docs FOLDER`: a repository's tags are the versions.
//   local: `docdelta track local PATH`: a folder or a .tgz on this machine is one version.
import path from 'node:path';
import { z } from 'zod';
import { conflict, DocdeltaError, invalidInput, toDocdeltaError } from '../errors.ts';
import { checkLocalRepository } from '../source/git/local-repository.ts';
import { MAX_DOCS_FOLDER_LENGTH, MAX_TAG_PATTERN_LENGTH, normalizeDocsFolder, tagMatcher } from '../source/git/ref-names.ts';
import { MAX_LOCATION_LENGTH, parseRepositoryLocation, type RepositoryLocation } from '../source/git/repository-location.ts';
import { checkVersionName, readLocation, readManifest } from '../source/local-source.ts';
import validatePackageName from '../source/package-name.ts';
import { ensurePackage, findPackage, type PackageRow, updatePackage } from '../store/packages.ts';
import type { ServiceContext } from './context.ts';
import { sourceFor } from './sources.ts';

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

export interface TrackResult {
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

function parseRequest<T>(schema: z.ZodType<T>, request: unknown): T {
  const parsed = schema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidInput(`invalid track request: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
}

export async function trackGitPackage(ctx: ServiceContext, request: TrackGitRequest): Promise<TrackResult> {
  const input = parseRequest(trackGitRequestSchema, request);
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
  // Read before storing: a repository that cannot be cloned, or has no tag to sync, stores nothing.
  const fields = { location: location.address, docsRoot, options: { tags } };
  const source = await sourceFor(ctx, provisionalPackage(name, 'git', fields));
  const listing = await source.listVersions().catch((error: unknown) => {
    const failure = toDocdeltaError(error);
    throw new DocdeltaError(failure.code, `${failure.message}; nothing was stored`, { cause: error });
  });
  if (listing.versions.length === 0) {
    throw invalidInput(`${location.address} has no tags${tags ? ` matching ${JSON.stringify(tags)}` : ''} to sync; nothing was stored`);
  }
  const row = await ensurePackage(ctx.db, { name, source: 'git', ...fields });
  return { package: row, outcome: 'created' };
}

/** A row for a package that is not stored (yet), so its source can be asked before anything is written. */
export function provisionalPackage(name: string, source: PackageRow['source'] = 'npm', fields: Partial<PackageRow> = {}): PackageRow {
  return { id: -1, name, source, location: null, docsRoot: null, options: {}, unpublishedAt: null, lastSyncedAt: null, createdAt: new Date(), ...fields };
}

export const trackLocalRequestSchema = z
  .object({
    path: z.string().min(1).max(MAX_LOCATION_LENGTH),
    name: z.string().max(214).nullish(),
    /** The version this location holds; default: its package.json's, read at each sync. */
    version: z.string().max(256).nullish(),
    cwd: z.string().optional(),
  })
  .strict();

export type TrackLocalRequest = z.input<typeof trackLocalRequestSchema>;

/**
 * Registers a folder or a .tgz as a package. It is read once here, with the same limits as a sync,
 * so a missing path, a bad tarball or a missing name or version is refused before anything is stored.
 */
export async function trackLocalPackage(ctx: ServiceContext, request: TrackLocalRequest): Promise<TrackResult> {
  const input = parseRequest(trackLocalRequestSchema, request);
  const location = path.resolve(input.cwd ?? process.cwd(), input.path);
  const { files } = await readLocation(location);
  const manifest = readManifest(files);
  const version = input.version ? checkVersionName(input.version) : null;
  if (!version && !manifest.version) throw invalidInput(`${location} has no package.json with a version; give one with --version`);
  if (manifest.version) checkVersionName(manifest.version);
  const name = input.name ?? manifest.name;
  if (!name) throw invalidInput(`${location} has no package.json with a name; give one with --name`);
  if (!validatePackageName(name)) {
    throw invalidInput(`not a valid package name: ${JSON.stringify(name)} (lowercase letters, digits, . _ ~ -, optionally @scope/)`);
  }
  const options = { version };
  const existing = await findPackage(ctx.db, name);
  if (existing) {
    if (existing.source !== 'local' || existing.location !== location) {
      const from = existing.source === 'local' || existing.source === 'git' ? existing.location : `the ${existing.source} registry`;
      throw conflict(`${name} is already tracked from ${from}; choose another --name`);
    }
    if ((existing.options.version ?? null) === version) return { package: existing, outcome: 'unchanged' };
    await updatePackage(ctx.db, name, { options: { ...existing.options, ...options } });
    return { package: (await findPackage(ctx.db, name))!, outcome: 'updated' };
  }
  const row = await ensurePackage(ctx.db, { name, source: 'local', location, options });
  return { package: row, outcome: 'created' };
}
