// GET /links?from&to[&package][&format][&base_path] — route map, broken links and redirects for an upgrade.
// GET /resolve?route[&to][&from][&package] — where one docs route went.
// Scanning a folder is a command-line feature only: a URL must never make the server read its disk.
import { z } from 'zod';
import { ALGORITHM_VERSION } from '../../diff/index.ts';
import { checkLinks, resolveRoute } from '../../services/links.ts';
import { renderNetlify, renderNextjs } from '../../links/redirects.ts';
import { LINK_REPORT_VERSION, renderTable } from '../../links/link-report.ts';
import { cacheControlFor } from '../cache-policy.ts';
import { MAX_PATH_PARAM_LENGTH, packageParam, parseQuery, versionParam } from '../query.ts';
import type { RouteModule } from '../route-module.ts';
import { pairKey } from '../toolkit.ts';

const LINK_FORMATS = ['json', 'table', 'netlify', 'nextjs'] as const;
const CONTENT_TYPES: Record<(typeof LINK_FORMATS)[number], string> = {
  json: 'application/json; charset=utf-8',
  table: 'text/plain; charset=utf-8',
  netlify: 'text/plain; charset=utf-8',
  nextjs: 'text/javascript; charset=utf-8',
};

const linksQuery = {
  package: packageParam.optional(),
  from: versionParam,
  to: versionParam,
  format: z.enum(LINK_FORMATS, { message: `must be one of ${LINK_FORMATS.join(', ')}` }).optional(),
  base_path: z
    .string()
    .max(200, 'is too long (200 characters at most)')
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, 'must be a path such as /docs')
    .optional(),
};

const resolveQuery = {
  package: packageParam.optional(),
  route: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_PATH_PARAM_LENGTH, `is too long (${MAX_PATH_PARAM_LENGTH} characters at most)`)
     
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: 'must not contain control characters' }),
  from: versionParam.optional(),
  to: versionParam.optional(),
};

export const linksRoute: RouteModule = (router, ctx, api) => {
  router.get('/links', async (req, res) => {
    const query = parseQuery(req, linksQuery);
    const format = query.format ?? 'json';
    const basePath = (query.base_path ?? '').replace(/\/+$/, '');
    const pair = await api.pairs.resolve(query);
    await api.responses.send(req, res, {
      // The package's link conventions shape the report, so they are part of what names it.
      key: ['links', LINK_REPORT_VERSION, pairKey(pair), ALGORITHM_VERSION, JSON.stringify(pair.pkg.options ?? {}), format, basePath].join('\u0000'),
      cacheControl: cacheControlFor(query),
      build: async () => {
        const report = await checkLinks(ctx, { package: pair.pkg.name, from: pair.from.version, to: pair.to.version });
        const header = { package: report.package, from: report.from, to: report.to, basePath };
        const body =
          format === 'json'
            ? JSON.stringify(report)
            : format === 'table'
              ? renderTable(report)
              : format === 'netlify'
                ? renderNetlify(report.redirects, header)
                : renderNextjs(report.redirects, header);
        return { body, contentType: CONTENT_TYPES[format] };
      },
    });
  });

  router.get('/resolve', async (req, res) => {
    const query = parseQuery(req, resolveQuery);
    const resolution = await resolveRoute(ctx, { package: query.package ?? null, route: query.route, from: query.from ?? null, to: query.to ?? 'latest' });
    res.set('Cache-Control', 'no-cache').json(resolution);
  });
};
