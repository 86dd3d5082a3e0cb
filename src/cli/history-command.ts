import { getFileHistory } from '../services/version-diff.ts';
import { parseCommandArgs } from './args.ts';
import { type Command, outputOf, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

export const historyCommand: Command = {
  ...commandInfo('history'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, { package: { type: 'string' }, json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new UsageError('expected one PATH');
    const history = await getFileHistory(await env.context(), { package: values.package, path: positionals[0]! });
    const out = outputOf(env);
    if (values.json) {
      out.write(`${JSON.stringify(history, null, 2)}\n`);
      return 0;
    }
    if (history.entries.length === 0) {
      out.write(`${history.path}: unchanged in every stored version pair\n`);
      return 0;
    }
    for (const entry of history.entries) {
      const where = entry.status === 'renamed' ? `${entry.oldPath} → ${entry.path}` : entry.path;
      out.write(`${entry.previous} → ${entry.version}  ${entry.status.padEnd(8)} ${where} +${entry.additions} -${entry.deletions}\n`);
    }
    return 0;
  },
};
