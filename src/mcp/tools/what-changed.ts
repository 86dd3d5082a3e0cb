// what_changed: what changed in a package's docs between two versions, at three levels of detail —
// "summary" (what-changed-summary.ts), "files" and "patch" (what-changed-lists.ts). This file is the
// tool itself and the diff it describes: a resolved pair (defaults: the one tracked package,
// `previous` → `latest`), narrowed to a path given relative to the package root or the docs root.
import { z } from 'zod';
import { filterChanges, ignoreWhitespace } from '../../diff/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { diffPair, type ResolvedPair, resolvePair } from '../../services/version-diff.ts';
import type { VersionDiff } from '../../types.ts';
import { candidatePaths, type PathView, pathView } from '../format.ts';
import { defineTool } from '../tool.ts';
import { packageField, pathField, versionField } from '../tool-inputs.ts';
import { DETAILS, pairArgs, whatChangedOutput } from './what-changed-parts.ts';
import { emptyAnswer, filesAnswer, patchAnswer } from './what-changed-lists.ts';
import { summaryAnswer } from './what-changed-summary.ts';
import { readPairPages } from '../../services/page-reading.ts';

export interface DiffViewRequest {
  package?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  path?: string | undefined;
  /** Like `git diff -w`: changes that are only whitespace (NBSP included) are left out. */
  ignoreWhitespace?: boolean | undefined;
}

export interface DiffView {
  pair: ResolvedPair;
  /** Narrowed to `path` when one was given. */
  diff: VersionDiff;
  /** The whole pair's diff, for pointing at where changes are when `path` matched nothing. */
  whole: VersionDiff;
  /** The pattern that was applied (package-root relative), or null for the whole pair. */
  path: string | null;
  paths: PathView;
}

export async function loadDiffView(ctx: ServiceContext, request: DiffViewRequest): Promise<DiffView> {
  const pair = await readPairPages(ctx, await resolvePair(ctx, { package: request.package, from: request.from ?? 'previous', to: request.to ?? 'latest' }));
  const full = await diffPair(ctx, pair);
  const whole = request.ignoreWhitespace ? ignoreWhitespace(full) : full;
  const paths = pathView([pair.from.docsRoot, pair.to.docsRoot]);
  if (!request.path) return { pair, diff: whole, whole, path: null, paths };
  const candidates = candidatePaths(request.path, paths.root);
  for (const candidate of candidates) {
    const narrowed = filterChanges(whole, candidate);
    if (narrowed.files.length > 0) return { pair, diff: narrowed, whole, path: candidate, paths };
  }
  return { pair, diff: filterChanges(whole, candidates[0]!), whole, path: candidates[0]!, paths };
}

const input = z.strictObject({
  package: packageField.optional(),
  from: versionField('Older version (default: the one before `to`)').optional(),
  to: versionField('Newer version (default: "latest")').optional(),
  path: pathField
    .describe(
      'Only changes under this folder or file, or matching this glob ("authkit/", "authkit/sso.mdx", "**/sso*"); relative to the docs root or to the package root.',
    )
    .optional(),
  ignoreWhitespace: z
    .boolean()
    .describe('Like `git diff -w`: leave out changes that are only whitespace (a space that became a non-breaking space, re-indented lines). Default false: such files are listed and marked "whitespace only".')
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
