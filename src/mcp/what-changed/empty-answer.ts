// Nothing changed in the view: say so, and when a `path` matched nothing, say where changes are.
import { code, prose } from '../format/inline-text.ts';
import type { ToolAnswer } from '../tool-definition.ts';
import type { DiffView } from './load-diff-view.ts';
import { headerLines } from './markdown-parts.ts';
import { busiestFolders, callText, type PairArgs } from './next-calls.ts';
import type { Detail, WhatChangedOutput } from './output-schema.ts';
import { baseOutput } from './structured-parts.ts';

export function emptyAnswer(view: DiffView, pair: PairArgs, detail: Detail): ToolAnswer<WhatChangedOutput> {
  const base = { ...baseOutput(view, detail), ...(detail === 'summary' ? {} : { files: [] }) };
  const lines = headerLines(view);
  const between = `between ${prose(view.diff.from)} and ${prose(view.diff.to)}`;
  if (view.path === null) {
    lines.push(`Nothing changed ${between}.`);
    return { markdown: `${lines.join('\n')}\n`, structured: base };
  }
  lines.push(`Nothing under ${code(view.paths.show(view.path))} changed ${between}.`);
  const folders = busiestFolders(view.whole.files, view.paths.show, 6);
  if (folders.length > 0) {
    lines.push(`Folders with changes: ${folders.map((entry) => `${code(entry.folder)} (${entry.changes})`).join(', ')}.`);
  }
  const calls = folders.map((entry) => callText('what_changed', { ...pair, path: entry.folder, detail }));
  return { markdown: `${lines.join('\n')}\n`, structured: { ...base, more: calls } };
}
