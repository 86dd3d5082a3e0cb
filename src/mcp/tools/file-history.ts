import { z } from 'zod';
import { resolvePackage, resolveVersion } from '../../services/catalog.ts';
import { getFileHistory, type HistoryEntry } from '../../services/version-diff.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { candidatePaths, pathView } from '../format/display-paths.ts';
import { code, prose } from '../format/inline-text.ts';
import { packageField, pathField } from '../input-fields.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import { firstFound } from '../path-attempts.ts';
import { defineTool } from '../tool-definition.ts';

const input = z.strictObject({
  path: pathField.describe('The page\'s file, relative to the docs root or the package root, under its newest or any older name.'),
  package: packageField.optional(),
});

const output = z.object({
  package: z.string(),
  path: z.string(),
  entries: z.array(
    z.object({
      version: z.string(),
      previous: z.string(),
      status: z.enum(['added', 'removed', 'modified', 'renamed']),
      path: z.string(),
      oldPath: z.string().optional(),
      additions: z.number(),
      deletions: z.number(),
    }),
  ),
  total: z.number(),
  truncated: z.boolean(),
});

function entryLine(entry: HistoryEntry, show: (path: string) => string): string {
  const where =
    entry.status === 'renamed' && entry.oldPath
      ? `renamed ${code(show(entry.oldPath))} → ${code(show(entry.path))}`
      : `${entry.status} ${code(show(entry.path))}`;
  return `- ${code(entry.version)} (from ${code(entry.previous)}): ${where} +${entry.additions} −${entry.deletions}`;
}

export const fileHistoryTool = defineTool({
  name: 'file_history',
  title: 'Versions that changed a page',
  description:
    'The stored versions in which one page (or any file) changed, newest first, following it back through renames: when it was added, ' +
    'edited, moved or removed. Use it to learn how current your knowledge of a page is; file_diff then shows any one change.',
  input,
  output,
  errorHints: { NOT_FOUND: 'what_changed with detail "files" lists changed files; list_versions shows the stored versions.' },
  async run(ctx, args) {
    const pkg = await resolvePackage(ctx, args.package);
    const latest = await resolveVersion(ctx, pkg, 'latest');
    const paths = pathView([latest.docsRoot]);
    const history = await firstFound(candidatePaths(args.path, paths.root).reverse(), (path) =>
      getFileHistory(ctx, { package: pkg.name, path }),
    );
    const text = new BudgetedText(ANSWER_BUDGET.list - 200);
    text.add(`# History of ${code(paths.show(history.path))} in ${prose(history.package)}, newest first`);
    if (paths.root) text.add(`Paths are relative to the docs root ${code(paths.root)}.`);
    if (history.entries.length === 0) text.add('It is in the stored versions but did not change between any two of them.');
    let shown = 0;
    for (const entry of history.entries) {
      if (!text.tryAdd(entryLine(entry, paths.show))) break;
      shown++;
    }
    if (shown < history.entries.length) text.add(`${history.entries.length - shown} older changes not shown.`);
    return {
      markdown: text.toString(),
      structured: {
        package: history.package,
        path: history.path,
        entries: history.entries.slice(0, shown).map((entry) => ({
          version: entry.version,
          previous: entry.previous,
          status: entry.status,
          path: entry.path,
          ...(entry.oldPath !== undefined ? { oldPath: entry.oldPath } : {}),
          additions: entry.additions,
          deletions: entry.deletions,
        })),
        total: history.entries.length,
        truncated: shown < history.entries.length,
      },
    };
  },
});
