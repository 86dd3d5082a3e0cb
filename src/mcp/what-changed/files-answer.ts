// detail "files": every changed file of the view, one line each, in path order, until the budget;
// then how many were left out and which `path` narrows to them.
import { foldRenamePath } from '../../diff/index.ts';
import type { FileChange } from '../../types.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { code, prose } from '../format/inline-text.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import type { ToolAnswer } from '../tool-definition.ts';
import type { DiffView } from './load-diff-view.ts';
import { headerLines, lineCounts, moveLines } from './markdown-parts.ts';
import { busiestFolders, callText, type PairArgs } from './next-calls.ts';
import type { WhatChangedOutput } from './output-schema.ts';
import { baseOutput, fileOut } from './structured-parts.ts';

/** Room kept for the closing note that says what was left out. */
const NOTE_RESERVE = 700;

export function fileLine(change: FileChange, show: (path: string) => string): string {
  const name = change.status === 'renamed' ? code(foldRenamePath(show(change.oldPath), show(change.path))) : code(show(change.path));
  const similarity = change.status === 'renamed' ? ` ${Math.round(change.similarity * 100)}%` : '';
  const title = change.title ? ` — ${prose(change.title, 60)}` : '';
  return `- ${change.status} ${name}${similarity} ${lineCounts(change)}${title}`;
}

/** The note closing a cut list: how many are missing and the calls that show them. */
export function remainderNote(
  view: DiffView,
  pair: PairArgs,
  remaining: readonly FileChange[],
  detail: 'files' | 'patch',
): { text: string; calls: string[] } {
  const folders = busiestFolders(remaining, view.paths.show, 5, view.path);
  const calls = folders.map((entry) => callText('what_changed', { ...pair, path: entry.folder, detail }));
  const where = folders.length > 0 ? ` Narrow with \`path\`, e.g. ${folders.map((entry) => `${code(entry.folder)} (${entry.changes})`).join(', ')}.` : '';
  const first = remaining[0];
  if (first) calls.push(callText('file_diff', { ...pair, path: view.paths.show(first.path) }));
  return {
    text: `${remaining.length} more ${remaining.length === 1 ? 'file' : 'files'} not shown.${where} \`file_diff\` gives one file's patch.`,
    calls,
  };
}

export function filesAnswer(view: DiffView, pair: PairArgs): ToolAnswer<WhatChangedOutput> {
  const { files } = view.diff;
  const text = new BudgetedText(ANSWER_BUDGET.files - NOTE_RESERVE);
  for (const line of [...headerLines(view), ...moveLines(view)]) text.add(line);
  text.add(`## Changed files (${files.length})`);
  let shown = 0;
  while (shown < files.length && text.tryAdd(fileLine(files[shown]!, view.paths.show))) shown++;
  const base = baseOutput(view, 'files');
  if (shown === files.length) {
    return { markdown: text.toString(), structured: { ...base, files: files.map(fileOut) } };
  }
  const note = remainderNote(view, pair, files.slice(shown), 'files');
  text.add('');
  text.add(note.text);
  return {
    markdown: text.toString(),
    structured: { ...base, files: files.slice(0, shown).map(fileOut), truncated: true, more: note.calls },
  };
}
