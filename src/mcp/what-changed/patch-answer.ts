// detail "patch": unified patches (git's format) of the view's files, in path order, until the
// budget. A single patch larger than the whole budget is cut, and file_diff pages through it.
import type { ServiceContext } from '../../services/context.ts';
import { fenced } from '../format/fenced.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { code } from '../format/inline-text.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import type { ToolAnswer } from '../tool-definition.ts';
import { remainderNote } from './files-answer.ts';
import type { DiffView } from './load-diff-view.ts';
import { headerLines, lineCounts, moveLines } from './markdown-parts.ts';
import { callText, type PairArgs } from './next-calls.ts';
import type { WhatChangedOutput } from './output-schema.ts';
import { patchLoader } from './patch-loader.ts';
import { baseOutput, fileOut } from './structured-parts.ts';

const NOTE_RESERVE = 700;

export async function patchAnswer(ctx: ServiceContext, view: DiffView, pair: PairArgs): Promise<ToolAnswer<WhatChangedOutput>> {
  const { files } = view.diff;
  const show = view.paths.show;
  const text = new BudgetedText(ANSWER_BUDGET.patch - NOTE_RESERVE);
  for (const line of [...headerLines(view), ...moveLines(view)]) text.add(line);
  const loader = await patchLoader(ctx, view.pair);
  const shownFiles: WhatChangedOutput['files'] = [];
  const calls: string[] = [];
  let shown = 0;
  for (const change of files) {
    const patch = await loader.patchOf(change);
    const heading = `### ${change.status} ${code(show(change.path))} ${lineCounts(change)}`;
    const block = `${heading}\n${fenced(patch, 'diff')}\n`;
    if (text.tryAdd(block)) {
      shownFiles.push({ ...fileOut(change), patch });
      shown++;
      continue;
    }
    if (shown === 0) {
      // Even the first patch is too long: show its start and point at file_diff's pages.
      const room = Math.max(0, text.remaining - heading.length - 200);
      const cut = patch.slice(0, patch.lastIndexOf('\n', room) + 1);
      const next = callText('file_diff', { ...pair, path: show(change.path) });
      text.add(`${heading}\n${fenced(cut, 'diff')}\n(Patch cut at ${cut.length} of ${patch.length} characters; \`${next}\` gives all of it, page by page.)\n`);
      shownFiles.push({ ...fileOut(change), patch: cut });
      calls.push(next);
      shown++;
    }
    break;
  }
  const base = baseOutput(view, 'patch');
  if (shown === files.length && calls.length === 0) {
    return { markdown: text.toString(), structured: { ...base, files: shownFiles } };
  }
  if (shown < files.length) {
    const note = remainderNote(view, pair, files.slice(shown), 'patch');
    text.add(note.text);
    calls.push(...note.calls);
  }
  return { markdown: text.toString(), structured: { ...base, files: shownFiles, truncated: true, more: calls } };
}
