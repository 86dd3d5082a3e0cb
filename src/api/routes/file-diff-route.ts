// GET /diff/file?from&to&path[&package][&format=json|patch] — one file's change and unified patch.
// `path` may be either name of a renamed file; the service follows the rename both ways.
import { z } from 'zod';
import { ALGORITHM_VERSION } from '../../diff/index.ts';
import { DEFAULT_RENAME_THRESHOLD, getFileDiff } from '../../services/version-diff.ts';
import { cacheControlFor } from '../cache-policy.ts';
import { orderFileChange } from '../../diff/canonical-json.ts';
import { packageParam, parseQuery, pathParam, versionParam } from '../query.ts';
import type { RouteModule } from '../route-module.ts';
import { pairKey } from '../toolkit.ts';

const fileDiffQuery = {
  package: packageParam.optional(),
  from: versionParam,
  to: versionParam,
  path: pathParam,
  format: z.enum(['json', 'patch'], { message: 'must be json or patch' }).optional(),
};

export const fileDiffRoute: RouteModule = (router, ctx, api) => {
  router.get('/diff/file', async (req, res) => {
    const query = parseQuery(req, fileDiffQuery);
    const format = query.format ?? 'json';
    const pair = await api.pairs.resolve(query);
    await api.responses.send(req, res, {
      key: ['file', pairKey(pair), ALGORITHM_VERSION, `M${DEFAULT_RENAME_THRESHOLD}`, format, query.path].join('\u0000'),
      cacheControl: cacheControlFor(query),
      build: async () => {
        const fileDiff = await getFileDiff(ctx, { package: pair.pkg.name, from: pair.from.version, to: pair.to.version, path: query.path });
        return format === 'patch'
          ? { body: fileDiff.patch, contentType: 'text/plain; charset=utf-8' }
          : { body: JSON.stringify({ ...fileDiff, change: orderFileChange(fileDiff.change) }), contentType: 'application/json; charset=utf-8' };
      },
    });
  });
};
