// GET /jobs[?job=sync|digest][&limit=N] — recent runs of the scheduled jobs (including skipped
// ticks and why), recent digest deliveries, and the schedule. Read-only, and nothing in it is
// secret: the webhook URL is never stored.
import { z } from 'zod';
import { getJobHistory, MAX_HISTORY } from '../../services/job-history.ts';
import { parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

const jobParam = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a job name such as sync or digest');
const limitParam = z
  .string()
  .regex(/^\d{1,4}$/, `must be a whole number from 1 to ${MAX_HISTORY}`)
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_HISTORY, `must be a whole number from 1 to ${MAX_HISTORY}`);

export const jobsRoute: RouteModule = (router, ctx) => {
  router.get('/jobs', async (req, res) => {
    const query = parseQuery(req, { job: jobParam.optional(), limit: limitParam.optional() });
    res.set('Cache-Control', 'no-store').json(await getJobHistory(ctx, query));
  });
};
