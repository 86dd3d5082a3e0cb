// file_diff and file_history: one page across two versions (its patch, paged, with its title,
// frontmatter and section changes) and across all stored versions (when it changed, following
// renames back). Both take a path relative to the docs root or to the package root, either name of
// a renamed page.
import { z } from 'zod';
import { resolvePackage, resolveVersion } from '../../services/catalog.ts';
import { getFileDiff, getFileHistory, type HistoryEntry, resolvePair } from '../../services/version-diff.ts';
import { ANSWER_BUDGET, BudgetedText, candidatePaths, code, docChangeLines, fenced, pagePatch, pathView, prose } from '../format.ts';
import { defineTool } from '../tool.ts';
import { firstFound, INPUT_LIMITS, packageField, pathField, versionField } from '../tool-inputs.ts';
import { callText, docChangesOut, docOut, fileOut, fileOutSchema, lineCounts } from './what-changed-parts.ts';
import { readPages, readPairPages } from '../../services/page-reading.ts';

const fileDiffInput = z.strictObject({
  package: packageField.optional(),
  from: versionField('Older version'),
  to: versionField('Newer version'),
  path: pathField.describe(
    'The file, relative to the docs root or the package root, e.g. "authkit/sso.mdx". Either side of a rename works: the old path finds the page under its new name and vice versa.',
  ),
  page: z.number().int().min(1).max(INPUT_LIMITS.page).describe('Page of a long patch (default 1); the answer says how many there are.').optional(),
});

const fileDiffOutput = z.object({
  package: z.string(),
  from: z.string(),
  to: z.string(),
  change: fileOutSchema.extend({ doc: docChangesOut.optional() }),
  page: z.number(),
  pages: z.number(),
  patch: z.string(),
  more: z.array(z.string()),
});

export const fileDiffTool = defineTool({
  name: 'file_diff',
  title: 'One page\'s diff between two versions',
  description:
    'How one page (or any file) changed between two versions: whether it was added, removed, edited or renamed (renames are followed ' +
    'either way), its title, frontmatter and section changes, anchors that disappeared, and the unified diff, paged when long. ' +
    'Use after what_changed names a page you care about.',
  input: fileDiffInput,
  output: fileDiffOutput,
  errorHints: {
    NOT_FOUND:
      'what_changed with detail "files" lists every changed file of the pair. For a page\'s URL rather than its file, use resolve_route.',
  },
  async run(ctx, args) {
    const pair = await readPairPages(ctx, await resolvePair(ctx, args));
    const paths = pathView([pair.from.docsRoot, pair.to.docsRoot]);
    const request = { package: args.package, from: pair.from.version, to: pair.to.version };
    const diff = await firstFound(candidatePaths(args.path, paths.root).reverse(), (path) => getFileDiff(ctx, { ...request, path }));
    const { change } = diff;
    const show = paths.show;
    const pages = pagePatch(diff.patch, ANSWER_BUDGET.filePatch);
    const page = Math.min(args.page ?? 1, pages.length);

    const lines = [`# ${code(show(change.path))} ${prose(diff.from)} → ${prose(diff.to)} (${prose(diff.package)})`, ''];
    if (paths.root) lines.push(`Paths are relative to the docs root ${code(paths.root)}.`);
    const what =
      change.status === 'renamed'
        ? `renamed from ${code(show(change.oldPath))} (${Math.round(change.similarity * 100)}% similar)`
        : change.status;
    lines.push(`${what}, ${lineCounts(change)} lines.${change.title ? ` Title: **${prose(change.title)}**.` : ''}`);
    if (change.doc) lines.push(...docChangeLines(change.doc));
    lines.push('');
    if (pages.length > 1) lines.push(`Patch page ${page} of ${pages.length}:`);
    lines.push(fenced(pages[page - 1] ?? '', 'diff'));
    const more: string[] = [];
    if (page < pages.length) {
      const next = callText('file_diff', { ...(args.package ? { package: diff.package } : {}), from: diff.from, to: diff.to, path: show(change.path), page: page + 1 });
      more.push(next);
      lines.push('', `More: \`${next}\`.`);
    }
    return {
      markdown: `${lines.join('\n')}\n`,
      structured: {
        package: diff.package,
        from: diff.from,
        to: diff.to,
        change: { ...fileOut(change), ...(change.doc ? { doc: docOut(change.doc) } : {}) },
        page,
        pages: pages.length,
        patch: pages[page - 1] ?? '',
        more,
      },
    };
  },
});

const fileHistoryInput = z.strictObject({
  path: pathField.describe('The page\'s file, relative to the docs root or the package root, under its newest or any older name.'),
  package: packageField.optional(),
});

const fileHistoryOutput = z.object({
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
  input: fileHistoryInput,
  output: fileHistoryOutput,
  errorHints: { NOT_FOUND: 'what_changed with detail "files" lists changed files; list_versions shows the stored versions.' },
  async run(ctx, args) {
    const pkg = await resolvePackage(ctx, args.package);
    const latest = await readPages(ctx, pkg, await resolveVersion(ctx, pkg, 'latest'));
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
