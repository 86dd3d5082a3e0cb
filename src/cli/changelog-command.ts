import { getChangelog, MAX_CHANGELOG_LIMIT, renderAtomFeed, renderChangelogMarkdown } from '../changelog/index.ts';
import { oneOf, parseCommandArgs } from './args.ts';
import { type Command, outputOf, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

const FORMATS = ['markdown', 'atom', 'json'] as const;

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHANGELOG_LIMIT) {
    throw new UsageError(`--limit takes a whole number from 1 to ${MAX_CHANGELOG_LIMIT}; got ${JSON.stringify(value)}`);
  }
  return limit;
}

export const changelogCommand: Command = {
  ...commandInfo('changelog'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      package: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
    const format = oneOf(values.format, FORMATS, '--format', 'markdown');
    const ctx = await env.context();
    const changelog = await getChangelog(ctx, { package: values.package, since: values.since, limit: parseLimit(values.limit) });
    if (format === 'json') outputOf(env).write(`${JSON.stringify(changelog, null, 2)}\n`);
    else if (format === 'atom') {
      const base = env.config.publicBaseUrl;
      const query = values.package ? `?package=${encodeURIComponent(values.package)}` : '';
      outputOf(env).write(renderAtomFeed(changelog, { selfUrl: `${base}/changelog.xml${query}`, siteUrl: `${base}/` }));
    } else outputOf(env).write(renderChangelogMarkdown(changelog));
    return 0;
  },
};
