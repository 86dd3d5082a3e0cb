// Sync, the one door: whoever asks (CLI `docdelta sync`, `POST /sync`, `serve --sync`, cron,
// jobs/sync.ts), a sync runs as a recorded job — the job lock, a `job_runs` row — over the asked
// packages: ask each package's source what exists, ingest what is new, then run the context's
// after-sync steps. One package failing (registry down, a tampered tarball) does not stop the
// others; the run is recorded as failed with what went wrong, and the next run tries again.
import { invalidInput, notFound, toDocdeltaError } from '../errors.ts';
import validatePackageName from '../source/package-name.ts';
import { ensurePackage, findPackage, listPackageRows, updatePackage } from '../store/packages.ts';
import { listVersionRows } from '../store/versions.ts';
import type { SourceVersion } from '../types.ts';
import type { PackageSyncReport, ServiceContext } from './context.ts';
import { type IngestOptions, ingestVersion } from './ingest.ts';
import type { ListingsAhead } from './listings-ahead.ts';
import { type JobSummary, type JobTrigger, runJob } from './jobs/run-job.ts';
import { NormalizeMemo } from './normalize-memo.ts';
import { FETCH_AHEAD, prefetchVersions } from './prefetch-versions.ts';
import { isPollable, sourceFor } from './sources.ts';

import { listOrExplain } from './packages.ts';
import { provisionalPackage } from './track.ts';

export type { PackageSyncReport } from './context.ts';

export interface SyncOptions extends IngestOptions {
  /** Only these versions (must exist at the source). */
  versions?: string[];
  offline?: boolean;
  /** Registry documents the caller started fetching before the database was open. */
  listingsAhead?: ListingsAhead;
}

export interface SyncRequest extends SyncOptions {
  /** Default: DOCDELTA_PACKAGES plus every stored package whose source can be polled. */
  packages?: string[];
  trigger?: JobTrigger;
  /** The scheduled tick, for cron runs (a tick is run once across replicas). */
  slot?: Date;
  /** Aborted on shutdown: the run stops between packages. */
  signal?: AbortSignal;
  /** Told when each package starts and ends (the CLI's progress and per-package lines). */
  onPackage?: (event: { package: string; report?: PackageSyncReport; code?: string; error?: string }) => void;
}

export interface SyncRunDetails {
  packages: { package: string; ingested: string[]; failed: { version: string; code: string; message: string }[]; error?: string }[];
  /** The full report of every package that synced, in order. */
  reports: PackageSyncReport[];
}

/**
 * One package: list, ingest what is new, run the after-sync steps. The body of a sync run — call
 * `runSync`, which records it; this is exported for tests and benchmarks that time ingest alone.
 */
export async function syncPackage(ctx: ServiceContext, name: string, options: SyncOptions = {}): Promise<PackageSyncReport> {
  // A new name is stored only once its source has answered with versions: a mistyped name, or one
  // the registry does not have, leaves no trace (it would otherwise be tracked, and fail, forever).
  const existing = await findPackage(ctx.db, name);
  if (!validatePackageName(name) && !existing) {
    throw invalidInput(`not a valid package name: ${JSON.stringify(name)}`);
  }
  let pkg = existing ?? provisionalPackage(name, 'npm');
  const packument = pkg.source === 'npm' && !options.offline ? options.listingsAhead?.take(name) : undefined;
  const source = await sourceFor(ctx, pkg, { offline: options.offline ?? false, packument });

  let available: SourceVersion[];
  let unpublished = false;
  // Only npm needs the network to list versions; git lists tags from its clone, local reads a path.
  if (options.offline && pkg.source === 'npm') {
    const names = options.versions ?? (await ctx.snapshots.listVersions(pkg.name));
    available = names.map((version) => ({ version, publishedAt: null, deprecated: null, integrity: null }));
  } else {
    const listing = await listOrExplain(ctx, source, name, existing === undefined);
    available = listing.versions;
    unpublished = listing.unpublished;
    if (existing && unpublished && !pkg.unpublishedAt) await updatePackage(ctx.db, pkg.name, { unpublishedAt: new Date() });
  }
  // Checked before a new package is stored: a mistyped version leaves no trace either.
  if (options.versions && !options.offline) {
    const known = new Set(available.map((entry) => entry.version));
    const missing = options.versions.filter((version) => !known.has(version));
    if (missing.length > 0) {
      throw invalidInput(`${pkg.name} has no version ${missing.join(', ')}; it has ${[...known].slice(-10).join(', ') || 'none'}`);
    }
    const wanted = new Set(options.versions);
    available = available.filter((entry) => wanted.has(entry.version));
  }
  if (!existing) {
    if (available.length === 0) throw notFound(`${name} has no versions to sync${unpublished ? ' (it was unpublished)' : ''}; nothing was stored`);
    pkg = await ensurePackage(ctx.db, { name, source: 'npm' });
  }
  const stored = new Set((await listVersionRows(ctx.db, pkg.id)).map((row) => row.version));
  await updatePackage(ctx.db, pkg.name, { lastSyncedAt: new Date() });

  const report: PackageSyncReport = { package: pkg.name, ingested: [], alreadyStored: 0, failed: [], unpublished };
  // The version fetched and read while the database opened, when this sync stores it.
  // Let go of once that version is handed over: it holds the version's files (its hashes are keyed by
  // them), and nothing in this function may keep it (no closure over it; `taken` is cleared too).
  let taken = packument ? await options.listingsAhead?.takeVersion(name) : undefined;
  const takenVersion = taken?.version;
  let ahead = taken && !stored.has(taken.version) && available.some((entry) => entry.version === takenVersion) ? taken : undefined;
  taken = undefined;
  const ingestOptions = { ...options, normalizeMemo: ahead?.memo ?? new NormalizeMemo() };
  // Tarballs are independent downloads; git sources share one clone, so they stay one at a time.
  const toFetch = available.filter((version) => !stored.has(version.version));
  const prefetch = pkg.source === 'npm' ? prefetchVersions(source, toFetch, FETCH_AHEAD, ahead) : undefined;
  for (const version of available) {
    if (stored.has(version.version)) {
      report.alreadyStored += 1;
      continue;
    }
    try {
      const given = version.version === ahead?.version ? ahead : undefined;
      if (given) ahead = undefined;
      const fetched = prefetch ? prefetch(version) : given?.files;
      const result = await ingestVersion(ctx, pkg, source, version, given ? { ...ingestOptions, knownHashes: given.hashes } : ingestOptions, fetched);
      if (result.created) report.ingested.push(result);
      else report.alreadyStored += 1;
    } catch (error) {
      const failure = toDocdeltaError(error);
      ctx.logger.warn(`could not ingest ${pkg.name}@${version.version}`, { code: failure.code, message: failure.message });
      report.failed.push({ version: version.version, code: failure.code, message: failure.message });
    }
  }
  if (report.ingested.length > 0) {
    for (const step of ctx.afterSync) {
      try {
        await step(ctx, pkg, report);
      } catch (error) {
        ctx.logger.warn(`after-sync step failed for ${pkg.name}`, { message: (error as Error).message });
      }
    }
  }
  return report;
}

/** What a plain `sync` covers: the configured packages plus every stored package with a source to poll. */
export async function trackedPackageNames(ctx: ServiceContext): Promise<string[]> {
  const stored = (await listPackageRows(ctx.db)).filter((row) => isPollable(ctx, row)).map((row) => row.name);
  return [...new Set([...ctx.config.packages, ...stored])];
}

/** Refuses what is wrong with the request itself before a run is recorded: it is input, not an outcome. */
async function checkRequest(ctx: ServiceContext, request: SyncRequest): Promise<void> {
  if (request.versions && request.packages?.length !== 1) throw invalidInput('versions can only be chosen for exactly one package');
  for (const name of request.packages ?? []) {
    if (!validatePackageName(name) && !(await findPackage(ctx.db, name))) throw invalidInput(`not a valid package name: ${JSON.stringify(name)}`);
  }
}

/** The sync verb: every caller goes through here, and every run is a `job_runs` row. */
export async function runSync(ctx: ServiceContext, request: SyncRequest = {}): Promise<JobSummary<SyncRunDetails>> {
  await checkRequest(ctx, request);
  const { trigger = 'manual', slot, signal: outer, onPackage, packages, ...options } = request;
  return runJob(ctx, 'sync', { trigger, slot, signal: outer }, async (signal) => {
    const names = packages ?? (await trackedPackageNames(ctx));
    const counts = { packages: names.length, synced: 0, ingested: 0, alreadyStored: 0, failedVersions: 0, failedPackages: 0 };
    const details: SyncRunDetails = { packages: [], reports: [] };
    const problems: string[] = [];
    for (const name of names) {
      if (signal.aborted) break;
      onPackage?.({ package: name });
      let report: PackageSyncReport;
      try {
        report = await syncPackage(ctx, name, options);
      } catch (error) {
        const failure = toDocdeltaError(error);
        const message = failure.code === 'INTERNAL' ? 'internal error (details in the server log)' : failure.message;
        if (failure.code === 'INTERNAL') ctx.logger.error(`sync of ${name} failed`, { detail: String((error as Error)?.stack ?? error) });
        counts.failedPackages += 1;
        problems.push(`${name}: ${message}`);
        details.packages.push({ package: name, ingested: [], failed: [], error: message });
        onPackage?.({ package: name, code: failure.code, error: message });
        continue;
      }
      counts.synced += 1;
      counts.ingested += report.ingested.length;
      counts.alreadyStored += report.alreadyStored;
      counts.failedVersions += report.failed.length;
      for (const failed of report.failed) problems.push(`${name}@${failed.version}: ${failed.code} ${failed.message}`);
      details.packages.push({ package: name, ingested: report.ingested.map((version) => version.version), failed: report.failed });
      details.reports.push(report);
      onPackage?.({ package: name, report });
    }
    const stopped = signal.aborted && counts.synced + counts.failedPackages < names.length;
    if (stopped) problems.push(`stopped after ${counts.synced + counts.failedPackages} of ${names.length} packages`);
    return { counts, details, error: problems.length > 0 ? summarize(problems) : null };
  });
}

function summarize(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${problems.length - 5} more` : shown;
}
