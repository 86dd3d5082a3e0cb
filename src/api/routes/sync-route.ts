// POST /sync[?package=] — ingest new versions now. Needs the bearer token. Runs the one sync verb,
// so the run is a job_runs row; while a sync runs in this process or another replica, a second
// request gets 409 rather than racing the first over the same versions.
import { conflict, notFound } from '../../errors.ts';
import { listPackages } from '../../services/catalog.ts';
import { type PackageSyncReport, runSync, trackedPackageNames } from '../../services/sync.ts';
import { requireBearerToken } from '../bearer-auth.ts';
import { packageParam, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

function describe(report: PackageSyncReport) {
  return {
    package: report.package,
    ingested: report.ingested.map(({ version, files, bytes, blobsWritten }) => ({ version, files, bytes, blobsWritten })),
    alreadyStored: report.alreadyStored,
    failed: report.failed,
    unpublished: report.unpublished,
  };
}

const syncQuery = { package: packageParam.optional() };

export const syncRoute: RouteModule = (router, ctx, api) => {
  router.post('/sync', requireBearerToken(ctx.config.apiToken), async (req, res) => {
    const query = parseQuery(req, syncQuery);
    let names = await trackedPackageNames(ctx);
    if (query.package) {
      // Only packages this deployment tracks: the endpoint syncs, it does not register new ones.
      const known = new Set([...names, ...(await listPackages(ctx)).map((pkg) => pkg.name)]);
      if (!known.has(query.package)) throw notFound(`unknown package ${JSON.stringify(query.package)}; tracked: ${[...known].join(', ')}`);
      names = [query.package];
    }
    // On shutdown the run is recorded as interrupted rather than left `running` (see run-serve.ts).
    const run = await runSync(ctx, { packages: names, trigger: 'api', signal: api.stopping });
    if (run.status === 'skipped') throw conflict(`a sync is already running (${run.error}); try again when it has finished`);
    api.invalidate();
    const byName = new Map(run.details?.reports.map((report) => [report.package, report]) ?? []);
    // A package that failed as a whole has no report: it is listed with its error.
    const reports = (run.details?.packages ?? []).map((entry) => {
      const report = byName.get(entry.package);
      return report ? describe(report) : { package: entry.package, ingested: [], alreadyStored: 0, failed: [], unpublished: false, error: entry.error };
    });
    res.set('Cache-Control', 'no-store').json({ runId: run.runId, status: run.status, reports });
  });
};
