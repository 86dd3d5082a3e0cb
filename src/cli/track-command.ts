import { trackGitPackage } from '../source/git/index.ts';
import { parseCommandArgs } from './args.ts';
import { type Command, UsageError } from './command.ts';

export const trackCommand: Command = {
  name: 'track',
  usage: "docdelta track git <url-or-path> --docs <folder> [--tags 'v*'] [--name my-docs] [--json]",
  summary: "track docs in a git repository: its tags are the versions (then run `docdelta sync`)",
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      docs: { type: 'string' },
      tags: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [kind, location, ...extra] = positionals;
    if (kind !== 'git') throw new UsageError(kind ? `cannot track a ${JSON.stringify(kind)} source; only git` : 'expected `git <url-or-path>`');
    if (!location) throw new UsageError('expected the repository URL or folder after `git`');
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (!values.docs) throw new UsageError('--docs <folder> is required: the folder of the repository that holds the pages');
    const result = await trackGitPackage(await env.context(), { location, docs: values.docs, tags: values.tags, name: values.name });
    const pkg = result.package;
    if (values.json) {
      const options = pkg.options as { tags?: string | null };
      env.io.stdout.write(`${JSON.stringify({ package: pkg.name, outcome: result.outcome, source: pkg.source, location: pkg.location, docs: pkg.docsRoot, tags: options.tags ?? null }, null, 2)}\n`);
      return 0;
    }
    const tags = (pkg.options as { tags?: string | null }).tags;
    const what = `${pkg.name}: ${pkg.location}, pages under ${pkg.docsRoot}/, ${tags ? `tags matching ${tags}` : 'every tag'}`;
    const verb = result.outcome === 'created' ? 'tracking' : result.outcome === 'updated' ? 'updated' : 'already tracking';
    env.io.stdout.write(`${verb} ${what}\nrun \`docdelta sync ${pkg.name}\` to ingest its tags\n`);
    return 0;
  },
};
