// The bodies GET /diff can answer with: the VersionDiff JSON of design.md, or one of the engine's
// text renderings. Built once per resolved pair and format, then served from the response cache.
import { filterChanges, renderMarkdown, renderPatch, renderStat } from '../diff/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { diffPair, type ResolvedPair } from '../services/version-diff.ts';
import type { BuiltBody } from './cached-response.ts';
import { orderVersionDiff } from './canonical-json.ts';
import { loadPatchInputs } from '../services/patch-inputs.ts';

export const DIFF_FORMATS = ['json', 'stat', 'patch', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export async function renderDiffBody(ctx: ServiceContext, pair: ResolvedPair, format: DiffFormat, path: string | undefined): Promise<BuiltBody> {
  const whole = await diffPair(ctx, pair);
  const diff = path ? filterChanges(whole, path) : whole;
  switch (format) {
    case 'json':
      return { body: JSON.stringify(orderVersionDiff(diff)), contentType: 'application/json; charset=utf-8' };
    case 'stat':
      return { body: renderStat(diff), contentType: 'text/plain; charset=utf-8' };
    case 'markdown':
      return { body: renderMarkdown(diff), contentType: 'text/markdown; charset=utf-8' };
    case 'patch': {
      const { oldFiles, newFiles } = await loadPatchInputs(ctx, pair, diff.files);
      // text/plain, as GitHub serves .diff/.patch: a browser shows it instead of downloading it.
      return { body: renderPatch(diff, oldFiles, newFiles), contentType: 'text/plain; charset=utf-8' };
    }
  }
}
