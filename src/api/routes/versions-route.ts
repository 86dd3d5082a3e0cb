// GET /versions[?package=] — stored versions in release order, with dates, file counts and their docs layout.
import { listVersions } from '../../services/catalog.ts';
import { packageParam, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

const versionsQuery = { package: packageParam.optional() };

export const versionsRoute: RouteModule = (router, ctx) => {
  router.get('/versions', async (req, res) => {
    const query = parseQuery(req, versionsQuery);
    res.set('Cache-Control', 'no-cache').json(await listVersions(ctx, query.package, { docs: true }));
  });
};
