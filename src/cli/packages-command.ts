// `docdelta packages`: what is tracked, where its versions come from, how many are stored, and
// when it was last synced.
import { packageOverview, type PackageOverview } from '../services/packages.ts';
import { noMorePositionals, parseCommandArgs } from './args.ts';
import { type Command, outputOf } from './command.ts';
import { commandInfo } from './commands.ts';

function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return iso.slice(0, 10);
}

function where(entry: PackageOverview): string {
  return entry.location ? `${entry.source} ${entry.location}` : entry.source;
}

export const packagesCommand: Command = {
  ...commandInfo('packages'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } });
    noMorePositionals(positionals, 'no arguments');
    const overview = await packageOverview(await env.context());
    const out = outputOf(env);
    if (values.json) {
      out.write(`${JSON.stringify(overview, null, 2)}\n`);
      return 0;
    }
    if (overview.length === 0) {
      out.write('no package is tracked; try `docdelta track npm NAME` or `docdelta sync NAME`\n');
      return 0;
    }
    const now = Date.now();
    const rows = overview.map((entry) => [entry.name, where(entry), String(entry.versions), entry.latest ?? '-', ago(entry.lastSyncedAt, now)]);
    const header = ['PACKAGE', 'SOURCE', 'VERSIONS', 'LATEST', 'LAST SYNC'];
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
    out.write(`${out.paint.meta(line(header))}\n${rows.map(line).join('\n')}\n`);
    return 0;
  },
};
