import { listVersions } from '../services/catalog.ts';
import { parseCommandArgs } from './args.ts';
import type { Command } from './command.ts';
import { commandInfo } from './commands.ts';

export const versionsCommand: Command = {
  ...commandInfo('versions'),
  async run(args, env) {
    const { values } = parseCommandArgs(args, { package: { type: 'string' }, json: { type: 'boolean', default: false } });
    const result = await listVersions(await env.context(), values.package, { docs: true });
    if (values.json) {
      env.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    env.io.stdout.write(`${result.package}\n`);
    for (const version of result.versions) {
      const date = version.publishedAt ? version.publishedAt.slice(0, 10) : 'unknown date';
      const flag = version.deprecated ? '  (deprecated)' : '';
      const pages = version.docs ? `  ${String(version.docs.pages).padStart(6)} pages` : '';
      env.io.stdout.write(`  ${version.version.padEnd(16)} ${date}  ${String(version.files).padStart(6)} files${pages}${flag}\n`);
      for (const root of version.docs?.roots ?? []) env.io.stdout.write(`      ${root.folder || '(package root)'} → ${root.route}  ${root.pages} pages: ${root.why}\n`);
      if (version.docs?.baseUrl) env.io.stdout.write(`      published at ${version.docs.baseUrl}${version.docs.baseUrlWhy ? `: ${version.docs.baseUrlWhy}` : ''}\n`);
      for (const warning of version.docs?.warnings ?? []) env.io.stdout.write(`      warning: ${warning}\n`);
    }
    if (result.versions.length === 0) env.io.stdout.write('  no versions stored yet; run `docdelta sync`\n');
    return 0;
  },
};
