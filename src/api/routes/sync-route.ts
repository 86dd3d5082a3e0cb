// POST /sync[?package=] — ingest new versions now. Needs the bearer token; one sync at a time per
// process (a second request gets 409 rather than racing the first over the same versions).
import { conflict, notFound } from '../../errors.ts';
import { listPackages } from '../../services/catalog.ts';
import { type PackageSyncReport, syncAll, trackedPackageNames } from '../../services/sync.ts';
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
  let running = false;
  router.post('/sync', requireBearerToken(ctx.config.apiToken), async (req, res) => {
    const query = parseQuery(req, syncQuery);
    let names = await trackedPackageNames(ctx);
    if (query.package) {
      // Only packages this deployment tracks: the endpoint syncs, it does not register new ones.
      const known = new Set([...names, ...(await listPackages(ctx)).map((pkg) => pkg.name)]);
      if (!known.has(query.package)) throw notFound(`unknown package ${JSON.stringify(query.package)}; tracked: ${[...known].join(', ')}`);
      names = [query.package];
    }
    if (running) throw conflict('a sync is already running; try again when it has finished');
    running = true;
    try {
      const reports = await syncAll(ctx, names);
      api.invalidate();
      res.set('Cache-Control', 'no-store').json({ reports: reports.map(describe) });
    } finally {
      running = false;
    }
  });
};
