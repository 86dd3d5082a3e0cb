// GET /packages — every tracked package with its version count and latest version.
import { listPackages } from '../../services/catalog.ts';
import { NO_PARAMETERS, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

export const packagesRoute: RouteModule = (router, ctx) => {
  router.get('/packages', async (req, res) => {
    parseQuery(req, NO_PARAMETERS);
    res.set('Cache-Control', 'no-cache').json({ packages: await listPackages(ctx) });
  });
};
