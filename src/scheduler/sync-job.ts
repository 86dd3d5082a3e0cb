// The scheduled sync: every tracked package, new versions ingested, successive diffs precomputed.
// One package failing (registry down, a tampered tarball) does not stop the others; the run is
// recorded as failed with what went wrong, and the next tick tries again.
import { toDocdeltaError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { type PackageSyncReport, syncPackage, trackedPackageNames } from '../services/sync.ts';
import { registerDiffPrecompute } from './precompute-diffs.ts';
import { type JobSummary, type JobTrigger, runJob } from './run-job.ts';

export interface SyncRunOptions {
  trigger?: JobTrigger;
  slot?: Date;
  signal?: AbortSignal;
  /** Default: DOCDELTA_PACKAGES plus every stored package that comes from a source that can be polled. */
  packages?: string[];
}

export interface SyncRunDetails {
  packages: { package: string; ingested: string[]; failed: { version: string; code: string; message: string }[]; error?: string }[];
}

export async function runSync(ctx: ServiceContext, options: SyncRunOptions = {}): Promise<JobSummary<SyncRunDetails>> {
  registerDiffPrecompute();
  return runJob(ctx, 'sync', { trigger: options.trigger ?? 'manual', slot: options.slot, signal: options.signal }, async (signal) => {
    const names = options.packages ?? (await trackedPackageNames(ctx));
    const counts = { packages: names.length, synced: 0, ingested: 0, alreadyStored: 0, failedVersions: 0, failedPackages: 0 };
    const details: SyncRunDetails = { packages: [] };
    const problems: string[] = [];
    for (const name of names) {
      if (signal.aborted) break;
      let report: PackageSyncReport;
      try {
        report = await syncPackage(ctx, name);
      } catch (error) {
        const failure = toDocdeltaError(error);
        const message = failure.code === 'INTERNAL' ? 'internal error (details in the server log)' : failure.message;
        if (failure.code === 'INTERNAL') ctx.logger.error(`sync of ${name} failed`, { detail: String((error as Error)?.stack ?? error) });
        counts.failedPackages += 1;
        problems.push(`${name}: ${message}`);
        details.packages.push({ package: name, ingested: [], failed: [], error: message });
        continue;
      }
      counts.synced += 1;
      counts.ingested += report.ingested.length;
      counts.alreadyStored += report.alreadyStored;
      counts.failedVersions += report.failed.length;
      for (const failed of report.failed) problems.push(`${name}@${failed.version}: ${failed.code} ${failed.message}`);
      details.packages.push({ package: name, ingested: report.ingested.map((version) => version.version), failed: report.failed });
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
