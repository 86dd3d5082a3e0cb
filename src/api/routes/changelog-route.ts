// GET /changelog[?package][&since][&limit] — Markdown; GET /changelog.xml — the same as an Atom feed.
// Feed readers poll: the request is planned first (which versions, by id — a few small queries),
// and the rendered body is cached and revalidated on that plan, so a poll that finds nothing new
// costs no diff work and a matching If-None-Match gets a 304.
import { z } from 'zod';
import { ATOM_CONTENT_TYPE, buildChangelog, MAX_CHANGELOG_LIMIT, planChangelog, renderAtomFeed, renderChangelogMarkdown } from '../../changelog/index.ts';
import { packageParam, parseQuery } from '../query.ts';
import type { RouteModule } from '../route-module.ts';

const CACHE_CONTROL = 'public, max-age=60';

const changelogQuery = {
  package: packageParam.optional(),
  // Any stored version name: git tags like `docs-preview` are versions too.
  since: z
    .string()
    .min(1, 'must not be empty')
    .max(200, 'is too long (200 characters at most)')
     
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: 'must not contain control characters' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAX_CHANGELOG_LIMIT, { message: `must be from 1 to ${MAX_CHANGELOG_LIMIT}` })
    .optional(),
};

function selfQuery(query: { package?: string; since?: string; limit?: number }): string {
  const params = new URLSearchParams();
  if (query.package) params.set('package', query.package);
  if (query.since) params.set('since', query.since);
  if (query.limit) params.set('limit', String(query.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const changelogRoute: RouteModule = (router, ctx, api) => {
  router.get('/changelog', async (req, res) => {
    const query = parseQuery(req, changelogQuery);
    const plan = await planChangelog(ctx, query);
    await api.responses.send(req, res, {
      key: ['changelog.md', plan.key].join('\u0000'),
      cacheControl: CACHE_CONTROL,
      build: async () => ({ body: renderChangelogMarkdown(await buildChangelog(ctx, plan)), contentType: 'text/markdown; charset=utf-8' }),
    });
  });

  router.get('/changelog.xml', async (req, res) => {
    const query = parseQuery(req, changelogQuery);
    const plan = await planChangelog(ctx, query);
    const base = ctx.config.publicBaseUrl;
    const selfUrl = `${base}/changelog.xml${selfQuery(query)}`;
    await api.responses.send(req, res, {
      key: ['changelog.xml', selfUrl, plan.key].join('\u0000'),
      cacheControl: CACHE_CONTROL,
      build: async () => ({ body: renderAtomFeed(await buildChangelog(ctx, plan), { selfUrl, siteUrl: `${base}/` }), contentType: ATOM_CONTENT_TYPE }),
    });
  });
};
