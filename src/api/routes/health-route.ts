// GET /healthz — 200 when the database answers, 503 when it does not (for load balancers and probes).
import { checkDatabase } from '../../services/health.ts';
import { HttpError } from '../http-errors.ts';
import { NO_PARAMETERS, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

export const healthRoute: RouteModule = (router, ctx) => {
  router.get('/healthz', async (req, res) => {
    parseQuery(req, NO_PARAMETERS);
    try {
      await checkDatabase(ctx);
    } catch (error) {
      ctx.logger.warn('health check: database unreachable', { message: (error as Error).message });
      throw new HttpError(503, 'UNAVAILABLE', 'database unreachable');
    }
    res.set('Cache-Control', 'no-store').json({ status: 'ok', database: ctx.database.client.driver });
  });
};
