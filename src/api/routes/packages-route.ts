// GET /packages — every tracked package with its source, versions and last sync.
// POST /packages — track one: `{"source":"npm","name":"…"}` or `{"source":"git","location":"https://…",
//   "docs":"folder","tags":"v*","name":"…"}`; a name the registry lacks or a repository that cannot be
//   read stores nothing (404/400). Local folders are for the CLI only: a web client must not name
//   paths on the server.
// DELETE /packages/:name — untrack it with its versions, cached diffs and the blobs only it held.
// Both writes need the bearer token, like POST /sync.
import { z } from 'zod';
import { invalidInput } from '../../errors.ts';
import { packageOverview, trackRemotePackage, untrackPackage } from '../../services/packages.ts';
import { requireBearerToken } from '../bearer-auth.ts';
import { NO_PARAMETERS, packageParam, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

const trackBody = z.discriminatedUnion('source', [
  z.object({ source: z.literal('npm'), name: packageParam }).strict(),
  z
    .object({
      source: z.literal('git'),
      location: z.string().min(1).max(2048),
      docs: z.string().min(1).max(512),
      tags: z.string().max(100).nullish(),
      name: packageParam.nullish(),
    })
    .strict(),
]);

function parseBody(body: unknown): z.infer<typeof trackBody> {
  const parsed = trackBody.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'body';
  throw invalidInput(`${where}: ${issue?.message ?? 'invalid'}; expected {"source":"npm","name":…} or {"source":"git","location":…,"docs":…}`);
}

export const packagesRoute: RouteModule = (router, ctx, api) => {
  router.get('/packages', async (req, res) => {
    parseQuery(req, NO_PARAMETERS);
    // The overview already holds each package's summary and last sync: one pass over the rows.
    const packages = (await packageOverview(ctx)).map(({ name, source, location, versions, latest, lastSyncedAt }) => ({ name, source, location, versions, latest, lastSyncedAt }));
    res.set('Cache-Control', 'no-cache').json({ packages });
  });

  router.post('/packages', requireBearerToken(ctx.config.apiToken), async (req, res) => {
    parseQuery(req, NO_PARAMETERS);
    const result = await trackRemotePackage(ctx, parseBody(req.body));
    const pkg = result.package;
    res
      .status(result.outcome === 'created' ? 201 : 200)
      .set('Cache-Control', 'no-store')
      .json({ package: pkg.name, source: pkg.source, location: pkg.location, outcome: result.outcome });
  });

  // `*name` so a scoped name works unencoded (`/packages/@scope/name`) as well as encoded.
  router.delete('/packages/*name', requireBearerToken(ctx.config.apiToken), async (req, res) => {
    parseQuery(req, NO_PARAMETERS);
    const segments = (req.params as { name: string | string[] }).name;
    const name = Array.isArray(segments) ? segments.join('/') : segments;
    const checked = packageParam.safeParse(name);
    if (!checked.success) throw invalidInput(`not a package name: ${JSON.stringify(name.slice(0, 60))}`);
    const result = await untrackPackage(ctx, checked.data);
    api.invalidate();
    res.set('Cache-Control', 'no-store').json(result);
  });
};
