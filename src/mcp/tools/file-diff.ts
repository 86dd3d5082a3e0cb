import { z } from 'zod';
import { getFileDiff, resolvePair } from '../../services/version-diff.ts';
import { candidatePaths, pathView } from '../format/display-paths.ts';
import { docChangeLines } from '../format/doc-change-lines.ts';
import { fenced } from '../format/fenced.ts';
import { code, prose } from '../format/inline-text.ts';
import { pagePatch } from '../format/patch-pages.ts';
import { packageField, pathField, versionField } from '../input-fields.ts';
import { ANSWER_BUDGET, INPUT_LIMITS } from '../limits.ts';
import { firstFound } from '../path-attempts.ts';
import { defineTool } from '../tool-definition.ts';
import { lineCounts } from '../what-changed/markdown-parts.ts';
import { callText } from '../what-changed/next-calls.ts';
import { docChangesOut, fileOut as fileOutSchema } from '../what-changed/output-schema.ts';
import { docOut, fileOut } from '../what-changed/structured-parts.ts';

const input = z.strictObject({
  package: packageField.optional(),
  from: versionField('Older version'),
  to: versionField('Newer version'),
  path: pathField.describe(
    'The file, relative to the docs root or the package root, e.g. "authkit/sso.mdx". Either side of a rename works: the old path finds the page under its new name and vice versa.',
  ),
  page: z.number().int().min(1).max(INPUT_LIMITS.page).describe('Page of a long patch (default 1); the answer says how many there are.').optional(),
});

const output = z.object({
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
  input,
  output,
  errorHints: {
    NOT_FOUND:
      'what_changed with detail "files" lists every changed file of the pair. For a page\'s URL rather than its file, use resolve_route.',
  },
  async run(ctx, args) {
    const pair = await resolvePair(ctx, args);
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
