// The bodies GET /diff can answer with: the VersionDiff JSON of design.md, or one of the engine's
// text renderings (git's stat, numstat, name-status and raw, a patch, Markdown). Built once per
// resolved pair, format, path and whitespace option, then served from the response cache.
import { filterChanges, ignoreWhitespace, renderMarkdown, renderNameStatus, renderNumstat, renderPatch, renderRaw, renderStat } from '../diff/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { diffPair, type ResolvedPair, resolveDiffPath } from '../services/version-diff.ts';
import type { BuiltBody } from './cached-response.ts';
import { orderVersionDiff } from '../diff/canonical-json.ts';
import { loadPatchInputs } from '../services/patch-inputs.ts';

export const DIFF_FORMATS = ['json', 'stat', 'numstat', 'name-status', 'raw', 'patch', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const TEXT = 'text/plain; charset=utf-8';

export interface DiffBodyOptions {
  path?: string;
  /** `w=1`: as `git diff -w`. */
  ignoreWhitespace?: boolean;
}

/** The warning for a path that named no file, with the closest paths; the CLI prints the same. */
export function noMatchWarning(input: string, closest: readonly string[]): string {
  const near = closest.length ? `; closest: ${closest.join(', ')}` : '';
  return `path ${JSON.stringify(input)} matches no file in either version${near}`;
}

export async function renderDiffBody(ctx: ServiceContext, pair: ResolvedPair, format: DiffFormat, options: DiffBodyOptions = {}): Promise<BuiltBody> {
  const whole = await diffPair(ctx, pair);
  let diff = options.ignoreWhitespace ? ignoreWhitespace(whole) : whole;
  let warning: string | undefined;
  if (options.path) {
    const reading = await resolveDiffPath(ctx, pair, options.path);
    diff = filterChanges(diff, reading.patterns);
    if (!reading.matched) warning = noMatchWarning(options.path, reading.closest);
  }
  const body = await renderBody(ctx, pair, format, diff);
  return warning ? { ...body, warning } : body;
}

async function renderBody(ctx: ServiceContext, pair: ResolvedPair, format: DiffFormat, diff: Awaited<ReturnType<typeof diffPair>>): Promise<BuiltBody> {
  switch (format) {
    case 'json':
      return { body: JSON.stringify(orderVersionDiff(diff)), contentType: 'application/json; charset=utf-8' };
    case 'stat':
      return { body: renderStat(diff), contentType: TEXT };
    case 'numstat':
      return { body: renderNumstat(diff), contentType: TEXT };
    case 'name-status':
      return { body: renderNameStatus(diff), contentType: TEXT };
    case 'markdown':
      return { body: renderMarkdown(diff), contentType: 'text/markdown; charset=utf-8' };
    case 'raw':
    case 'patch': {
      const { oldFiles, newFiles } = await loadPatchInputs(ctx, pair, diff.files);
      if (format === 'raw') {
        const bytes = { old: new Map(oldFiles.map((file) => [file.path, file.bytes])), new: new Map(newFiles.map((file) => [file.path, file.bytes])) };
        return { body: renderRaw(diff, { bytesOf: (side, path) => bytes[side].get(path) }), contentType: TEXT };
      }
      // text/plain, as GitHub serves .diff/.patch: a browser shows it instead of downloading it.
      return { body: renderPatch(diff, oldFiles, newFiles), contentType: TEXT };
    }
  }
}
