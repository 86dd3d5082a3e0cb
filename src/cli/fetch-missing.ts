// `docdelta diff A B` on versions that are not stored yet fetches them first, as `npm diff` would:
// one command from an empty data folder to the answer, with the sync's progress on stderr so the
// diff alone reaches stdout. What it fetches is stored as `docdelta sync P --versions A,B` stores it
// (the package is tracked from then on); `--offline` never fetches. The sync's modules load only
// when something is missing, so a diff of stored versions stays as light as before.
import { conflict, DocdeltaError, errorCodeOf } from '../errors.ts';
import type { ListingsAhead } from '../services/listings-ahead.ts';
import { versionsToFetch } from '../services/catalog.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CommandEnv } from './command.ts';
import { registrySpelling } from '../suggest.ts';
import { syncProgress } from './progress.ts';
import { collectGarbageNow, keepYoungGenerationSmall } from './one-shot-heap.ts';

/**
 * In a data folder being created nothing is stored, so the pair's versions will be fetched: their
 * listing and first download start while the database is created (as `sync` does). Undefined when
 * the folder exists or the package is not named (and more than one is configured).
 */
export async function fetchAhead(env: CommandEnv, packageName: string | undefined, versions: readonly string[]): Promise<ListingsAhead | undefined> {
  const name = packageName ?? (env.config.packages.length === 1 ? env.config.packages[0] : undefined);
  if (!env.newDatabase || name === undefined) return undefined;
  // Before the first download is unpacked: that is when the young generation would grow.
  keepYoungGenerationSmall();
  const { ListingsAhead } = await import('../services/listings-ahead.ts');
  const wanted = versions.map(registrySpelling);
  return new ListingsAhead(env.config, [name], { versions: wanted, readFirstVersion: true });
}

/**
 * Fetches and stores the pair's missing versions; returns the package they belong to (the one to
 * diff when none was named), or undefined when nothing was missing. A version the registry does not
 * have, or one that fails to store, is the command's error.
 */
export async function fetchMissingVersions(
  env: CommandEnv,
  ctx: ServiceContext,
  request: { package?: string | null; from: string; to: string },
  ahead: ListingsAhead | undefined,
): Promise<string | undefined> {
  const wanted = await versionsToFetch(ctx, request);
  if (!wanted) return undefined;
  keepYoungGenerationSmall();
  const { runSync } = await import('../services/sync.ts');
  const { describeJob } = await import('../services/jobs/index.ts');
  let failure: DocdeltaError | undefined;
  const progress = syncProgress(env.io.stderr, (event) => {
    if (event.error) failure = new DocdeltaError(errorCodeOf(event.code), event.error);
    const failed = event.report?.failed[0];
    if (failed) failure ??= new DocdeltaError(errorCodeOf(failed.code), `${event.package}@${failed.version}: ${failed.message}`);
  });
  const run = await runSync(ctx, {
    packages: [wanted.package],
    versions: wanted.versions,
    listingsAhead: ahead,
    trigger: 'cli',
    onProgress: progress.onProgress,
    onPackage: progress.onPackage,
  });
  progress.done();
  if (failure) throw withHint(failure);
  if (run.status !== 'ok') {
    // Another sync held the lock (two first diffs at once, or a server syncing): it may have stored
    // these very versions meanwhile.
    if (run.status === 'skipped' && !(await versionsToFetch(ctx, request))) return wanted.package;
    throw conflict(`could not fetch ${wanted.versions.join(', ')} of ${wanted.package}: ${describeJob(run)}`);
  }
  collectGarbageNow();
  return wanted.package;
}

/** A registry that could not be reached says how to answer from what is stored. */
function withHint(failure: DocdeltaError): DocdeltaError {
  if (failure.code !== 'UPSTREAM') return failure;
  return new DocdeltaError(failure.code, `${failure.message} (--offline answers from stored versions only)`, { cause: failure });
}
