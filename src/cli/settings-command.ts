import { getPackageSettings, updatePackageSettings } from '../services/package-settings.ts';
import { parseCommandArgs } from './args.ts';
import { type Command, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

/** `docs.roots=[{"folder":".docs/raw"}]`: the value is JSON, or a bare word taken as a string. */
function parseAssignment(text: string): [string, unknown] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`expected KEY=VALUE, such as docs.routeGroups=false; got ${JSON.stringify(text.slice(0, 60))}`);
  const raw = text.slice(equals + 1);
  try {
    return [text.slice(0, equals), JSON.parse(raw)];
  } catch {
    return [text.slice(0, equals), raw];
  }
}

export const settingsCommand: Command = {
  ...commandInfo('settings'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      package: { type: 'string' },
      unset: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    });
    const set = Object.fromEntries(positionals.map(parseAssignment));
    const ctx = await env.context();
    const changing = positionals.length > 0 || (values.unset ?? []).length > 0;
    const result = changing
      ? await updatePackageSettings(ctx, values.package ?? null, { set, unset: values.unset ?? [] })
      : await getPackageSettings(ctx, values.package ?? null);
    if (values.json) {
      env.io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const lines = [`${result.package}${changing ? ': settings saved' : ''}`];
    const entries = Object.entries(result.settings).flatMap(([group, fields]) => Object.entries(fields ?? {}).map(([field, value]) => `  ${group}.${field} = ${JSON.stringify(value)}`));
    lines.push(...(entries.length > 0 ? entries : ['  nothing set: pages and routes are detected (see `docdelta versions`)']));
    env.io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
