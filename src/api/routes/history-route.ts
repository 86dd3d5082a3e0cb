// GET /history?path[&package] — the versions in which a page changed, following renames back.
import { getFileHistory } from '../../services/version-diff.ts';
import { packageParam, parseQuery, pathParam } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

const historyQuery = { package: packageParam.optional(), path: pathParam };

export const historyRoute: RouteModule = (router, ctx) => {
  router.get('/history', async (req, res) => {
    const query = parseQuery(req, historyQuery);
    res.set('Cache-Control', 'no-cache').json(await getFileHistory(ctx, { package: query.package, path: query.path }));
  });
};
