// Sync: ask each package's source what exists, ingest what is new, then run the after-sync steps.
import { invalidInput, notFound, toDocdeltaError } from '../errors.ts';
import validatePackageName from '../source/package-name.ts';
import { ensurePackage, findPackage, listPackageRows, type PackageRow, updatePackage } from '../store/packages.ts';
import { listVersionRows } from '../store/versions.ts';
import type { SourceVersion } from '../types.ts';
import type { ServiceContext } from './context.ts';
import { type IngestOptions, type IngestedVersion, ingestVersion } from './ingest.ts';
import { sourceFor } from './sources.ts';
import { listOrExplain, provisionalPackage } from './packages.ts';

export interface SyncOptions extends IngestOptions {
  /** Only these versions (must exist at the source). */
  versions?: string[];
  offline?: boolean;
}

export interface PackageSyncReport {
  package: string;
  ingested: IngestedVersion[];
  alreadyStored: number;
  failed: { version: string; code: string; message: string }[];
  unpublished: boolean;
}

/** Steps to run after a package gained versions (diff precompute, link check); registered by those modules. */
export type AfterSyncStep = (ctx: ServiceContext, pkg: PackageRow, report: PackageSyncReport) => Promise<void>;
const afterSyncSteps: AfterSyncStep[] = [];

export function registerAfterSyncStep(step: AfterSyncStep): void {
  afterSyncSteps.push(step);
}

export async function syncPackage(ctx: ServiceContext, name: string, options: SyncOptions = {}): Promise<PackageSyncReport> {
  if (!validatePackageName(name) && !(await findPackage(ctx.db, name))) {
    throw invalidInput(`not a valid package name: ${JSON.stringify(name)}`);
  }
  // A new name is stored only once its source has answered with versions: a mistyped name, or one
  // the registry does not have, leaves no trace (it would otherwise be tracked, and fail, forever).
  const existing = await findPackage(ctx.db, name);
  let pkg = existing ?? provisionalPackage(name, 'npm');
  const source = await sourceFor(ctx, pkg, { offline: options.offline ?? false });

  let available: SourceVersion[];
  let unpublished = false;
  // Only npm needs the network to list versions; a git source lists tags from its local clone.
  if (options.offline && pkg.source === 'npm') {
    const names = options.versions ?? (await ctx.snapshots.listVersions(pkg.name));
    available = names.map((version) => ({ version, publishedAt: null, deprecated: null, integrity: null }));
  } else {
    const listing = await listOrExplain(ctx, source, name, existing === undefined);
    available = listing.versions;
    unpublished = listing.unpublished;
    if (existing && unpublished && !pkg.unpublishedAt) await updatePackage(ctx.db, pkg.name, { unpublishedAt: new Date() });
  }
  if (!existing) {
    if (available.length === 0) throw notFound(`${name} has no versions to sync${unpublished ? ' (it was unpublished)' : ''}; nothing was stored`);
    pkg = await ensurePackage(ctx.db, { name, source: 'npm' });
  }
  const stored = new Set((await listVersionRows(ctx.db, pkg.id)).map((row) => row.version));
  await updatePackage(ctx.db, pkg.name, { lastSyncedAt: new Date() });
  if (options.versions && !options.offline) {
    const known = new Set(available.map((entry) => entry.version));
    const missing = options.versions.filter((version) => !known.has(version));
    if (missing.length > 0) {
      throw invalidInput(`${pkg.name} has no version ${missing.join(', ')}; it has ${[...known].slice(-10).join(', ') || 'none'}`);
    }
    const wanted = new Set(options.versions);
    available = available.filter((entry) => wanted.has(entry.version));
  }

  const report: PackageSyncReport = { package: pkg.name, ingested: [], alreadyStored: 0, failed: [], unpublished };
  for (const version of available) {
    if (stored.has(version.version)) {
      report.alreadyStored += 1;
      continue;
    }
    try {
      const result = await ingestVersion(ctx, pkg, source, version, options);
      if (result.created) report.ingested.push(result);
      else report.alreadyStored += 1;
    } catch (error) {
      const failure = toDocdeltaError(error);
      ctx.logger.warn(`could not ingest ${pkg.name}@${version.version}`, { code: failure.code, message: failure.message });
      report.failed.push({ version: version.version, code: failure.code, message: failure.message });
    }
  }
  if (report.ingested.length > 0) {
    for (const step of afterSyncSteps) {
      try {
        await step(ctx, pkg, report);
      } catch (error) {
        ctx.logger.warn(`after-sync step failed for ${pkg.name}`, { message: (error as Error).message });
      }
    }
  }
  return report;
}

const POLLABLE_SOURCES = new Set(['npm', 'git']);

/** What a plain `sync` covers: the configured packages plus every registered package with a source to poll. */
export async function trackedPackageNames(ctx: ServiceContext): Promise<string[]> {
  const stored = (await listPackageRows(ctx.db)).filter((row) => POLLABLE_SOURCES.has(row.source)).map((row) => row.name);
  return [...new Set([...ctx.config.packages, ...stored])];
}

export async function syncAll(ctx: ServiceContext, names: string[], options: SyncOptions = {}): Promise<PackageSyncReport[]> {
  const reports: PackageSyncReport[] = [];
  for (const name of names) reports.push(await syncPackage(ctx, name, options));
  return reports;
}
