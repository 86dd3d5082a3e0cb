import { listVersions } from '../services/catalog.ts';
import { noMorePositionals, parseCommandArgs } from './args.ts';
import { type Command, outputOf } from './command.ts';
import { commandInfo } from './commands.ts';

export const versionsCommand: Command = {
  ...commandInfo('versions'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, { package: { type: 'string' }, json: { type: 'boolean', default: false } });
    noMorePositionals(positionals, 'no arguments (name the package with --package)');
    const result = await listVersions(await env.context(), values.package, { docs: true });
    const out = outputOf(env);
    if (values.json) {
      out.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    out.write(`${result.package}\n`);
    for (const version of result.versions) {
      const date = version.publishedAt ? version.publishedAt.slice(0, 10) : 'unknown date';
      const flag = version.deprecated ? '  (deprecated)' : '';
      const pages = version.docs ? `  ${String(version.docs.pages).padStart(6)} pages` : '';
      out.write(`  ${version.version.padEnd(16)} ${date}  ${String(version.files).padStart(6)} files${pages}${flag}\n`);
      for (const root of version.docs?.roots ?? []) out.write(`      ${root.folder || '(package root)'} → ${root.route}  ${root.pages} pages: ${root.why}\n`);
      if (version.docs?.baseUrl) out.write(`      published at ${version.docs.baseUrl}${version.docs.baseUrlWhy ? `: ${version.docs.baseUrlWhy}` : ''}\n`);
      for (const warning of version.docs?.warnings ?? []) out.write(`      warning: ${warning}\n`);
    }
    if (result.versions.length === 0) out.write('  no versions stored yet; run `docdelta sync`\n');
    return 0;
  },
};
