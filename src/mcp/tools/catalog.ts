// list_packages and list_versions: what is stored, so a model can pick `package`, `from` and `to`
// for the other tools. When a list is long, the newest versions are the ones worth showing.
import { z } from 'zod';
import { listPackages, listVersions, type VersionSummary } from '../../services/catalog.ts';
import { ANSWER_BUDGET, BudgetedText, code, prose } from '../format.ts';
import { plural } from '../../plural.ts';
import { defineTool } from '../tool.ts';
import { packageField } from '../tool-inputs.ts';

const packagesOutput = z.object({
  packages: z.array(
    z.object({ name: z.string(), source: z.string(), versions: z.number(), latest: z.string().nullable() }),
  ),
  total: z.number(),
  truncated: z.boolean(),
});

export const listPackagesTool = defineTool({
  name: 'list_packages',
  title: 'Tracked packages',
  description:
    'The packages whose documentation docdelta tracks, with how many versions of each are stored and the latest. ' +
    'Call it to find the `package` argument the other tools take (they need it only when more than one package is tracked).',
  input: z.strictObject({}),
  output: packagesOutput,
  async run(ctx) {
    const packages = await listPackages(ctx);
    const text = new BudgetedText(ANSWER_BUDGET.list);
    text.add(`# Tracked packages (${packages.length})`);
    if (packages.length === 0) text.add('None yet: the server operator adds one with `docdelta sync PACKAGE`.');
    let shown = 0;
    for (const pkg of packages) {
      const latest = pkg.latest ? `, latest ${prose(pkg.latest)}` : '';
      if (!text.tryAdd(`- ${code(pkg.name)} (${prose(pkg.source)}): ${plural(pkg.versions, 'version')} stored${latest}`)) break;
      shown++;
    }
    if (shown < packages.length) text.add(`${packages.length - shown} more not shown.`);
    return {
      markdown: text.toString(),
      structured: {
        packages: packages.slice(0, shown).map(({ name, source, versions, latest }) => ({ name, source, versions, latest })),
        total: packages.length,
        truncated: shown < packages.length,
      },
    };
  },
});

const versionsOutput = z.object({
  package: z.string(),
  versions: z.array(
    z.object({ version: z.string(), publishedAt: z.string().nullable(), files: z.number(), deprecated: z.string().nullable() }),
  ),
  total: z.number(),
  truncated: z.boolean(),
});

function versionLine(version: VersionSummary, isLatest: boolean): string {
  const date = version.publishedAt ? version.publishedAt.slice(0, 10) : 'date unknown';
  const flags = [isLatest ? 'latest' : null, version.deprecated ? `deprecated: ${prose(version.deprecated, 60)}` : null].filter(Boolean);
  return `- ${code(version.version)} — ${date}, ${plural(version.files, 'file')}${flags.length ? ` (${flags.join('; ')})` : ''}`;
}

export const listVersionsTool = defineTool({
  name: 'list_versions',
  title: 'Stored versions of a package',
  description:
    'The versions of a package docdelta has stored, oldest first, with publish dates and file counts. ' +
    'Use it to pick `from` and `to` for what_changed or file_diff ("latest" and "previous" also work there).',
  input: z.strictObject({ package: packageField.optional() }),
  output: versionsOutput,
  async run(ctx, args) {
    const listed = await listVersions(ctx, args.package);
    const all = listed.versions;
    const text = new BudgetedText(ANSWER_BUDGET.list - 200);
    text.add(`# ${prose(listed.package)}: ${plural(all.length, 'version')} stored, oldest first`);
    if (all.length === 0) text.add('None yet: the server operator fetches them with `docdelta sync`.');
    // When the list is long, the newest versions are the ones worth showing.
    const lines = all.map((version, index) => versionLine(version, index === all.length - 1));
    let first = all.length;
    let room = text.remaining;
    while (first > 0 && room - (lines[first - 1]!.length + 1) >= 0) {
      room -= lines[first - 1]!.length + 1;
      first--;
    }
    if (first > 0) text.add(`(${first} older versions not shown; the oldest is ${code(all[0]!.version)}.)`);
    for (const line of lines.slice(first)) text.add(line);
    if (all.length >= 2) text.add(`what_changed compares ${code(all.at(-2)!.version)} → ${code(all.at(-1)!.version)} unless told otherwise.`);
    return {
      markdown: text.toString(),
      structured: {
        package: listed.package,
        versions: all.slice(first).map(({ version, publishedAt, files, deprecated }) => ({ version, publishedAt, files, deprecated })),
        total: all.length,
        truncated: first > 0,
      },
    };
  },
});
