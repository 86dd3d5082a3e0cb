// what_changed's answers that list files rather than summarize pages: "files" (every changed file,
// one line each, in path order, until the budget; then how many were left out and which `path`
// narrows to them), "patch" (unified patches in git's format until the budget; a single patch
// larger than the whole budget is cut, and file_diff pages through it), and the answer for a view
// where nothing changed (saying where changes are when a `path` matched nothing).
import { foldRenamePath, renderFilePatch } from '../../diff/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { loadPatchInputs, sidesOf } from '../../services/patch-inputs.ts';
import type { ResolvedPair } from '../../services/version-diff.ts';
import type { FileChange } from '../../types.ts';
import { ANSWER_BUDGET, BudgetedText, code, fenced, prose } from '../format.ts';
import type { ToolAnswer } from '../tool.ts';
import type { DiffView } from './what-changed.ts';
import {
  baseOutput,
  busiestFolders,
  callText,
  type Detail,
  fileOut,
  headerLines,
  lineCounts,
  moveLines,
  type PairArgs,
  type WhatChangedOutput,
} from './what-changed-parts.ts';

/** Room kept for the closing note that says what was left out. */
const NOTE_RESERVE = 700;

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


export function fileLine(change: FileChange, show: (path: string) => string): string {
  const name = change.status === 'renamed' ? code(foldRenamePath(show(change.oldPath), show(change.path))) : code(show(change.path));
  const similarity = change.status === 'renamed' ? ` ${Math.round(change.similarity * 100)}%` : '';
  const title = change.title ? ` — ${prose(change.title, 60)}` : '';
  const invisible = change.whitespaceOnly ? ' (whitespace only)' : '';
  return `- ${change.status} ${name}${similarity} ${lineCounts(change)}${invisible}${title}`;
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

/**
 * Patches of a view's changes, in order, read through the shared patch-inputs service a few files
 * at a time: the answer stops at its budget after a handful of files, so a release's worth of blobs
 * is never loaded for it, and each batch costs the same few queries.
 */
const PATCH_BATCH = 8;

function patchReader(ctx: ServiceContext, pair: ResolvedPair, changes: readonly FileChange[]): { next(index: number): Promise<string> } {
  const rendered = new Map<number, string>();
  return {
    async next(index) {
      if (!rendered.has(index)) {
        const batch = changes.slice(index, index + PATCH_BATCH);
        const { oldFiles, newFiles } = await loadPatchInputs(ctx, pair, batch);
        const oldByPath = new Map(oldFiles.map((file) => [file.path, file]));
        const newByPath = new Map(newFiles.map((file) => [file.path, file]));
        batch.forEach((change, offset) => {
          const { oldPath, newPath } = sidesOf(change);
          const before = oldPath ? (oldByPath.get(oldPath) ?? null) : null;
          const after = newPath ? (newByPath.get(newPath) ?? null) : null;
          rendered.set(index + offset, renderFilePatch(change, before, after));
        });
      }
      return rendered.get(index)!;
    },
  };
}

export async function patchAnswer(ctx: ServiceContext, view: DiffView, pair: PairArgs): Promise<ToolAnswer<WhatChangedOutput>> {
  const { files } = view.diff;
  const show = view.paths.show;
  const text = new BudgetedText(ANSWER_BUDGET.patch - NOTE_RESERVE);
  for (const line of [...headerLines(view), ...moveLines(view)]) text.add(line);
  const patches = patchReader(ctx, view.pair, files);
  const shownFiles: WhatChangedOutput['files'] = [];
  const calls: string[] = [];
  let shown = 0;
  for (const [index, change] of files.entries()) {
    const patch = await patches.next(index);
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
