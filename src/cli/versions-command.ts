import { listVersions } from '../services/catalog.ts';
import { parseCommandArgs } from './args.ts';
import type { Command } from './command.ts';
import { commandInfo } from './commands.ts';

export const versionsCommand: Command = {
  ...commandInfo('versions'),
  async run(args, env) {
    const { values } = parseCommandArgs(args, { package: { type: 'string' }, json: { type: 'boolean', default: false } });
    const result = await listVersions(await env.context(), values.package);
    if (values.json) {
      env.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    env.io.stdout.write(`${result.package}\n`);
    for (const version of result.versions) {
      const date = version.publishedAt ? version.publishedAt.slice(0, 10) : 'unknown date';
      const flag = version.deprecated ? '  (deprecated)' : '';
      env.io.stdout.write(`  ${version.version.padEnd(16)} ${date}  ${String(version.files).padStart(6)} files${flag}\n`);
    }
    if (result.versions.length === 0) env.io.stdout.write('  no versions stored yet; run `docdelta sync`\n');
    return 0;
  },
};
