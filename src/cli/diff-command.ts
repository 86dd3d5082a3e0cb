// `docdelta diff FROM TO`: git's formats (stat, numstat, name-status, raw, patch) and docdelta's
// (json, markdown), coloured on a terminal, with -w and a path filter read from the package root,
// the docs root or as a route. A filter that names no file is a warning with the closest paths.
// The renderers' own modules, not the engine's index: a cached diff is printed without the engine.
import { renderNameStatus, renderNumstat, renderRaw } from '../diff/render-git.ts';
import { renderMarkdown } from '../diff/render-markdown.ts';
import { renderStat } from '../diff/render-stat.ts';
import { renderJson } from '../diff/version-diff.ts';
import { getRawBytes, getVersionDiffView, getVersionPatchView, type DiffRequest, type DiffView } from '../services/version-diff.ts';
import { DocdeltaError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { oneOf, parseCommandArgs } from './args.ts';
import { type Command, type CommandEnv, outputOf, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';
import { fetchAhead, fetchMissingVersions } from './fetch-missing.ts';
import { colorPatch } from './terminal.ts';

const FORMATS = ['stat', 'numstat', 'name-status', 'raw', 'patch', 'json', 'markdown'] as const;

/** git's `--find-renames=<n>`: a whole percentage; 100 means exact renames only. */
function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,3})%?$/.exec(value.trim());
  const percent = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(percent) || percent > 100) throw new UsageError(`--find-renames takes a percentage from 0 to 100; got ${JSON.stringify(value)}`);
  return percent;
}

/** Said on stderr, so the output stays what a script expects. */
function warnPath(env: CommandEnv, path: DiffView['path']): void {
  if (!path || path.matched) return;
  const near = path.closest.length ? `; closest: ${path.closest.join(', ')}` : '';
  env.io.stderr.write(`docdelta: warning: --path ${JSON.stringify(path.input)} matches no file in either version${near}\n`);
}

export const diffCommand: Command = {
  ...commandInfo('diff'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      package: { type: 'string' },
      path: { type: 'string' },
      format: { type: 'string' },
      'find-renames': { type: 'string', short: 'M' },
      'ignore-all-space': { type: 'boolean', short: 'w', default: false },
      offline: { type: 'boolean', default: false },
    });
    if (positionals.length !== 2) throw new UsageError(`expected two versions, FROM and TO; got ${positionals.length} argument(s)`);
    const format = oneOf(values.format, FORMATS, '--format', 'stat');
    const request: DiffRequest = {
      package: values.package,
      from: positionals[0]!,
      to: positionals[1]!,
      path: values.path,
      renameThreshold: parseThreshold(values['find-renames']),
      ignoreWhitespace: values['ignore-all-space'],
    };
    const ahead = values.offline ? undefined : await fetchAhead(env, values.package, positionals);
    let ctx: ServiceContext;
    try {
      ctx = await env.context();
      ahead?.databaseOpen();
      // A data folder being created holds nothing: fetch at once, with what was read ahead.
      if (ahead) request.package = (await fetchMissingVersions(env, ctx, request, ahead)) ?? request.package;
    } finally {
      ahead?.cancel();
    }
    // Elsewhere the stored pair is tried first, so a diff of stored versions asks nothing more than
    // before; only a version or package not found sends the command to the registry.
    const fetchingIfMissing = async <T>(answer: () => Promise<T>): Promise<T> => {
      try {
        return await answer();
      } catch (error) {
        if (values.offline || !(error instanceof DocdeltaError && error.code === 'NOT_FOUND')) throw error;
        const fetched = await fetchMissingVersions(env, ctx, request, undefined);
        if (fetched === undefined) throw error;
        request.package = fetched;
        return answer();
      }
    };
    const out = outputOf(env);
    if (format === 'patch') {
      const { patch, path } = await fetchingIfMissing(() => getVersionPatchView(ctx, request));
      warnPath(env, path);
      out.write(colorPatch(patch, out.paint));
      return 0;
    }
    const view = await fetchingIfMissing(() => getVersionDiffView(ctx, request));
    warnPath(env, view.path);
    const { diff } = view;
    switch (format) {
      case 'json':
        out.write(renderJson(diff));
        break;
      case 'markdown':
        out.write(renderMarkdown(diff));
        break;
      case 'numstat':
        out.write(renderNumstat(diff));
        break;
      case 'name-status':
        out.write(renderNameStatus(diff, { paint: out.paint }));
        break;
      case 'raw': {
        const bytesOf = await getRawBytes(ctx, request, diff);
        out.write(renderRaw(diff, { paint: out.paint, bytesOf }));
        break;
      }
      default:
        out.write(renderStat(diff, { paint: out.paint, width: out.width }));
    }
    return 0;
  },
};
