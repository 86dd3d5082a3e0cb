import { renderJson, renderMarkdown, renderStat } from '../diff/index.ts';
import { getVersionDiff, getVersionPatch } from '../services/version-diff.ts';
import { oneOf, parseCommandArgs } from './args.ts';
import { type Command, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

const FORMATS = ['stat', 'json', 'patch', 'markdown'] as const;

/** git's `--find-renames=<n>`: a whole percentage; 100 means exact renames only. */
function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,3})%?$/.exec(value.trim());
  const percent = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(percent) || percent > 100) throw new UsageError(`--find-renames takes a percentage from 0 to 100; got ${JSON.stringify(value)}`);
  return percent;
}

export const diffCommand: Command = {
  ...commandInfo('diff'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      package: { type: 'string' },
      path: { type: 'string' },
      format: { type: 'string' },
      'find-renames': { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError('expected two versions: FROM TO');
    const format = oneOf(values.format, FORMATS, '--format', 'stat');
    const request = {
      package: values.package,
      from: positionals[0]!,
      to: positionals[1]!,
      path: values.path,
      renameThreshold: parseThreshold(values['find-renames']),
    };
    const ctx = await env.context();
    if (format === 'patch') {
      env.io.stdout.write(await getVersionPatch(ctx, request));
      return 0;
    }
    const diff = await getVersionDiff(ctx, request);
    const output = format === 'json' ? renderJson(diff) : format === 'markdown' ? renderMarkdown(diff) : renderStat(diff);
    env.io.stdout.write(output);
    return 0;
  },
};
