import { z } from 'zod';
import { packageField, pathField, versionField } from '../input-fields.ts';
import { defineTool } from '../tool-definition.ts';
import { emptyAnswer } from '../what-changed/empty-answer.ts';
import { filesAnswer } from '../what-changed/files-answer.ts';
import { loadDiffView } from '../what-changed/load-diff-view.ts';
import { pairArgs } from '../what-changed/next-calls.ts';
import { DETAILS, whatChangedOutput } from '../what-changed/output-schema.ts';
import { patchAnswer } from '../what-changed/patch-answer.ts';
import { summaryAnswer } from '../what-changed/summary-answer.ts';

const input = z.strictObject({
  package: packageField.optional(),
  from: versionField('Older version (default: the one before `to`)').optional(),
  to: versionField('Newer version (default: "latest")').optional(),
  path: pathField
    .describe(
      'Only changes under this folder or file, or matching this glob ("authkit/", "authkit/sso.mdx", "**/sso*"); relative to the docs root or to the package root.',
    )
    .optional(),
  detail: z
    .enum(DETAILS)
    .describe('"summary" (default): counts, folder moves, pages added/removed, most-changed pages. "files": every changed file. "patch": unified diffs.')
    .optional(),
});

export const whatChangedTool = defineTool({
  name: 'what_changed',
  title: 'What changed in the docs',
  description:
    'What changed in a package\'s documentation between two versions — use it when your knowledge of these docs may be out of date. ' +
    'Gives counts, folder moves (whole sections that moved, e.g. user-management/ → authkit/), pages added and removed with their titles, ' +
    'and the most-changed pages with their section and frontmatter changes. Defaults: the only tracked package, from the previous to the latest version. ' +
    'Answers are short; narrow with `path` or ask for `detail: "files"` / `"patch"` to see more.',
  input,
  output: whatChangedOutput,
  async run(ctx, args) {
    const view = await loadDiffView(ctx, args);
    const pair = pairArgs(view, args.package);
    const detail = args.detail ?? 'summary';
    if (view.diff.files.length === 0) return emptyAnswer(view, pair, detail);
    switch (detail) {
      case 'files':
        return filesAnswer(view, pair);
      case 'patch':
        return patchAnswer(ctx, view, pair);
      default:
        return summaryAnswer(view, pair);
    }
  },
});
