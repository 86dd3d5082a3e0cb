// Packages as first-class objects: track one from the npm registry (only if the registry has it),
// list what is tracked with its source, versions and last sync, and untrack one with everything
// only it used. `track git` / `track local` live in track.ts; they share the rule that a request
// that cannot be read stores nothing.
import { conflict, DocdeltaError, invalidInput, notFound } from '../errors.ts';
import { provisionalPackage, trackGitPackage } from './track.ts';
import { parseRepositoryLocation } from '../source/git/repository-location.ts';
import validatePackageName from '../source/package-name.ts';
import type { PackageSource, VersionListing } from '../source/package-source.ts';
import { plannedRemoval, removePackage, type RemovalCounts } from '../store/package-removal.ts';
import { ensurePackage, findPackage, listPackageRows, type PackageRow } from '../store/packages.ts';
import { listVersionRows } from '../store/versions.ts';
import { closestNames } from './near-names.ts';
import type { ServiceContext } from './context.ts';
import { sourceFor } from './sources.ts';

export interface TrackNpmResult {
  package: PackageRow;
  outcome: 'created' | 'unchanged';
  /** How many versions the registry lists (none is stored until `sync`). */
  versions: number;
}

/** The source's version list; for a name not yet stored, a registry 404 says that nothing was stored. */
export async function listOrExplain(ctx: ServiceContext, source: PackageSource, name: string, isNew: boolean): Promise<VersionListing> {
  try {
    return await source.listVersions();
  } catch (error) {
    if (isNew && error instanceof DocdeltaError && error.code === 'NOT_FOUND') {
      throw notFound(`the npm registry has no package ${JSON.stringify(name)}; nothing was stored${await closestNames(ctx, name)}`);
    }
    throw error;
  }
}

/**
 * Asks the registry before storing: a name it does not have, or one with no version left, is
 * refused with the reason, and the database is untouched.
 */
export async function checkNpmPackageExists(ctx: ServiceContext, name: string): Promise<number> {
  if (!validatePackageName(name)) throw invalidInput(`not a valid npm package name: ${JSON.stringify(name)}`);
  const source = await sourceFor(ctx, provisionalPackage(name));
  const listing = await listOrExplain(ctx, source, name, true);
  if (listing.unpublished || listing.versions.length === 0) {
    throw notFound(`${name} has no published versions on the npm registry${listing.unpublished ? ' (it was unpublished)' : ''}; nothing was stored`);
  }
  return listing.versions.length;
}

/** `docdelta track npm NAME`: registers an npm package the registry has; `sync` then ingests it. */
export async function trackNpmPackage(ctx: ServiceContext, name: string): Promise<TrackNpmResult> {
  const existing = await findPackage(ctx.db, name);
  if (existing && existing.source !== 'npm') {
    throw conflict(`${name} is already tracked from ${existing.location ?? `a ${existing.source} source`}; untrack it first`);
  }
  const versions = await checkNpmPackageExists(ctx, name);
  if (existing) return { package: existing, outcome: 'unchanged', versions };
  return { package: await ensurePackage(ctx.db, { name, source: 'npm' }), outcome: 'created', versions };
}

export type RemoteTrackRequest =
  | { source: 'npm'; name: string }
  | { source: 'git'; location: string; docs: string; tags?: string | null; name?: string | null };

/**
 * Tracking asked for over the network (`POST /packages`): npm names and remote repositories only.
 * A folder on the server is the operator's business, tracked from the CLI.
 */
export async function trackRemotePackage(ctx: ServiceContext, request: RemoteTrackRequest): Promise<{ package: PackageRow; outcome: 'created' | 'updated' | 'unchanged' }> {
  if (request.source === 'npm') return trackNpmPackage(ctx, request.name);
  if (parseRepositoryLocation(request.location).kind === 'local') {
    throw invalidInput('a local repository can be tracked from the CLI only; give an https:// or ssh URL');
  }
  return trackGitPackage(ctx, { location: request.location, docs: request.docs, tags: request.tags, name: request.name });
}

export interface PackageOverview {
  name: string;
  source: string;
  /** git: the repository; local: the folder or .tgz; npm: null. */
  location: string | null;
  versions: number;
  latest: string | null;
  /** When a sync last listed its versions (ISO), null if never. */
  lastSyncedAt: string | null;
  /** When its newest stored version was ingested (ISO). */
  lastIngestedAt: string | null;
  /** Configured in DOCDELTA_PACKAGES: a plain `sync` syncs it, and untracking it only lasts until then. */
  configured: boolean;
}

/** `docdelta packages` and `GET /packages`: what is tracked. */
export async function packageOverview(ctx: ServiceContext): Promise<PackageOverview[]> {
  const out: PackageOverview[] = [];
  for (const row of await listPackageRows(ctx.db)) {
    const versions = await listVersionRows(ctx.db, row.id);
    const ingested = versions.reduce<Date | null>((latest, version) => (!latest || version.ingestedAt > latest ? version.ingestedAt : latest), null);
    out.push({
      name: row.name,
      source: row.source,
      location: row.location,
      versions: versions.length,
      latest: versions.at(-1)?.version ?? null,
      lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
      lastIngestedAt: ingested?.toISOString() ?? null,
      configured: ctx.config.packages.includes(row.name),
    });
  }
  return out;
}

export interface UntrackResult extends RemovalCounts {
  package: string;
  /** Downloaded tarballs of the package in the snapshot folder (git clones are kept: a repository may serve several packages). */
  tarballs: number;
  tarballBytes: number;
  /** False for a dry run (`untrack` without `--yes` on a terminal shows what would go). */
  removed: boolean;
  configured: boolean;
}

/** An npm package's downloaded tarballs (git and local packages have none in the snapshot folder). */
function tarballsOf(ctx: ServiceContext, row: PackageRow, action: 'count' | 'remove'): Promise<{ tarballs: number; tarballBytes: number }> {
  if (row.source !== 'npm') return Promise.resolve({ tarballs: 0, tarballBytes: 0 });
  return action === 'count' ? ctx.snapshots.usage(row.name) : ctx.snapshots.removePackage(row.name);
}

/**
 * `docdelta untrack NAME` / `DELETE /packages/:name`: the package, its versions, its cached diffs
 * and the blobs no other package holds. `dryRun` only counts.
 */
export async function untrackPackage(ctx: ServiceContext, name: string, options: { dryRun?: boolean } = {}): Promise<UntrackResult> {
  const row = await findPackage(ctx.db, name);
  if (!row) throw notFound(`${JSON.stringify(name)} is not tracked${await closestNames(ctx, name)}`);
  const configured = ctx.config.packages.includes(name);
  if (options.dryRun) {
    return { package: name, removed: false, configured, ...(await plannedRemoval(ctx.db, row.id)), ...(await tarballsOf(ctx, row, 'count')) };
  }
  const counts = await removePackage(ctx.db, name);
  if (!counts) throw notFound(`${JSON.stringify(name)} is not tracked`);
  // After the rows: a failed removal keeps the tarballs a retry or an offline sync may still want.
  return { package: name, removed: true, configured, ...counts, ...(await tarballsOf(ctx, row, 'remove')) };
}
