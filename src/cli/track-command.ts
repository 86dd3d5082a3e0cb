// `docdelta track npm|git|local …`: register a package whose versions come from the npm registry, a
// repository's tags, or a folder or .tgz on this machine. The first `docdelta sync` reads it.
import type { PackageRow } from '../services/catalog.ts';
import { trackGitPackage, trackLocalPackage, type TrackResult } from '../services/track.ts';
import { trackNpmPackage } from '../services/packages.ts';
import { closest, didYouMean } from '../suggest.ts';
import { parseCommandArgs } from './args.ts';
import { type Command, type CommandEnv, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

function describeOutcome(result: TrackResult, what: string): string {
  const verb = result.outcome === 'created' ? 'tracking' : result.outcome === 'updated' ? 'updated' : 'already tracking';
  return `${verb} ${what}`;
}

function writeResult(env: CommandEnv, json: boolean, result: TrackResult, fields: Record<string, unknown>, text: string): number {
  const pkg: PackageRow = result.package;
  if (json) {
    env.io.stdout.write(`${JSON.stringify({ package: pkg.name, outcome: result.outcome, source: pkg.source, location: pkg.location, ...fields }, null, 2)}\n`);
  } else {
    env.io.stdout.write(`${describeOutcome(result, text)}\nrun \`docdelta sync ${pkg.name}\` to ingest ${pkg.source === 'git' ? 'its tags' : 'it'}\n`);
  }
  return 0;
}

export const trackCommand: Command = {
  ...commandInfo('track'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      docs: { type: 'string' },
      tags: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [kind, location, ...extra] = positionals;
    if (kind !== 'git' && kind !== 'local' && kind !== 'npm') {
      const near = kind ? didYouMean(closest(kind, ['npm', 'git', 'local'])) : '';
      throw new UsageError(kind ? `cannot track a ${JSON.stringify(kind)} source${near}; sources are npm, git or local` : 'expected `npm NAME`, `git <url-or-path>` or `local <folder-or-.tgz>`');
    }
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (kind === 'npm') {
      if (!location) throw new UsageError('expected the package NAME after `npm`');
      if (values.docs || values.tags || values.version || values.name) throw new UsageError('--docs, --tags, --version and --name are for git and local sources');
      const result = await trackNpmPackage(await env.context(), location);
      const text = `${result.package.name} from the npm registry (${result.versions} version${result.versions === 1 ? '' : 's'} published)`;
      return writeResult(env, values.json, result, { published: result.versions }, text);
    }
    if (kind === 'local') {
      if (!location) throw new UsageError('expected the folder or .tgz after `local`');
      if (values.docs || values.tags) throw new UsageError('--docs and --tags are for git sources');
      const result = await trackLocalPackage(await env.context(), { path: location, name: values.name, version: values.version });
      const pkg = result.package;
      const version = (pkg.options as { version?: string | null }).version ?? null;
      const text = `${pkg.name}: ${pkg.location}, ${version ? `as version ${version}` : "its package.json's version at each sync"}`;
      return writeResult(env, values.json, result, { version }, text);
    }
    if (!location) throw new UsageError('expected the repository URL or folder after `git`');
    if (values.version) throw new UsageError('--version is for local sources; a git source takes its versions from tags');
    if (!values.docs) throw new UsageError('--docs <folder> is required: the folder of the repository that holds the pages');
    const result = await trackGitPackage(await env.context(), { location, docs: values.docs, tags: values.tags, name: values.name });
    const pkg = result.package;
    const tags = (pkg.options as { tags?: string | null }).tags ?? null;
    const text = `${pkg.name}: ${pkg.location}, pages under ${pkg.docsRoot}/, ${tags ? `tags matching ${tags}` : 'every tag'}`;
    return writeResult(env, values.json, result, { docs: pkg.docsRoot, tags }, text);
  },
};
