import { z } from 'zod';
import { listVersions, type VersionSummary } from '../../services/catalog.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { code, plural, prose } from '../format/inline-text.ts';
import { packageField } from '../input-fields.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import { defineTool } from '../tool-definition.ts';

const output = z.object({
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
  output,
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
