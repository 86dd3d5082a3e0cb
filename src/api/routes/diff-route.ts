// GET /diff?from&to[&package][&path][&format][&w=1] — the whole diff of a version pair. `path` may be
// given from the package root, the docs root or as a route; `w=1` ignores whitespace like `git diff -w`.
import { z } from 'zod';
import { ALGORITHM_VERSION } from '../../diff/index.ts';
import type { ResolvedPair } from '../../services/version-diff.ts';
import { DEFAULT_RENAME_THRESHOLD } from '../../services/version-diff.ts';
import { cacheControlFor } from '../cache-policy.ts';
import { DIFF_FORMATS, type DiffFormat, renderDiffBody } from '../diff-formats.ts';
import { packageParam, parseQuery, pathParam, versionParam } from '../query.ts';
import type { RouteModule } from '../route-module.ts';
import { pairKey } from '../toolkit.ts';

export const diffQuery = {
  package: packageParam.optional(),
  from: versionParam,
  to: versionParam,
  path: pathParam.optional(),
  format: z.enum(DIFF_FORMATS, { message: `must be one of ${DIFF_FORMATS.join(', ')}` }).optional(),
  w: z.enum(['0', '1'], { message: 'must be 1 (ignore whitespace) or 0' }).optional(),
};

/** Everything that decides a /diff body; shared with the hot path so both find the same entry. */
export function diffResponseKey(pair: ResolvedPair, format: DiffFormat, path: string | undefined, ignoreWhitespace = false): string {
  return ['diff', pairKey(pair), ALGORITHM_VERSION, `M${DEFAULT_RENAME_THRESHOLD}`, format, path ?? '', ignoreWhitespace ? 'w' : ''].join('\u0000');
}

export const diffRoute: RouteModule = (router, ctx, api) => {
  router.get('/diff', async (req, res) => {
    const query = parseQuery(req, diffQuery);
    const format = query.format ?? 'json';
    const pair = await api.pairs.resolve(query);
    await api.responses.send(req, res, {
      key: diffResponseKey(pair, format, query.path, query.w === '1'),
      cacheControl: cacheControlFor(query),
      build: () => renderDiffBody(ctx, pair, format, { path: query.path, ignoreWhitespace: query.w === '1' }),
    });
  });
};
