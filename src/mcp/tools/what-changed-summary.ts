// what_changed's detail "summary": the answer an agent reads first. Counts, every folder move,
// pages added and removed grouped by folder with their titles, pages renamed on their own, the
// most-changed pages with their section and frontmatter changes, then the narrower calls that give
// the rest — all of them lists of the shared doc summary, so the digest and the changelog agree.
//
// It must stay within ANSWER_BUDGET.summary whatever the release, so it is rendered at decreasing
// levels of detail (fewer titles per folder, fewer pages) until one fits; every level names every
// folder move.
import { isRename, type RenameChange } from '../../diff/index.ts';
import { docSummaryOf } from '../../services/doc-summary.ts';
import type { FileChange } from '../../types.ts';
import { ANSWER_BUDGET, BudgetedText, code, codeList, nameList, prose, value } from '../format.ts';
import type { ToolAnswer } from '../tool.ts';
import type { DiffView } from './what-changed.ts';
import {
  baseOutput,
  busiestFolders,
  callText,
  docOut,
  type FolderGroup,
  fileOut,
  groupByFolder,
  headerLines,
  lineCounts,
  moveLines,
  type PairArgs,
  pageLabel,
  type WhatChangedOutput,
} from './what-changed-parts.ts';

interface Shape {
  folders: number;
  titlesPerFolder: number;
  renamed: number;
  mostChanged: number;
  sectionNames: number;
  otherFiles: number;
}

/** From most to least detailed; the first that fits the budget is used. */
const SHAPES: Shape[] = [
  { folders: 12, titlesPerFolder: 4, renamed: 10, mostChanged: 8, sectionNames: 4, otherFiles: 8 },
  { folders: 10, titlesPerFolder: 3, renamed: 8, mostChanged: 6, sectionNames: 3, otherFiles: 6 },
  { folders: 8, titlesPerFolder: 2, renamed: 6, mostChanged: 5, sectionNames: 2, otherFiles: 4 },
  { folders: 8, titlesPerFolder: 2, renamed: 4, mostChanged: 4, sectionNames: 2, otherFiles: 3 },
  { folders: 6, titlesPerFolder: 1, renamed: 4, mostChanged: 4, sectionNames: 2, otherFiles: 3 },
  { folders: 5, titlesPerFolder: 0, renamed: 3, mostChanged: 3, sectionNames: 1, otherFiles: 2 },
  { folders: 3, titlesPerFolder: 0, renamed: 0, mostChanged: 2, sectionNames: 0, otherFiles: 0 },
];

const titleOf = (change: FileChange) => change.title ?? change.path.split('/').pop() ?? change.path;

interface Sections {
  added: FolderGroup[];
  removed: FolderGroup[];
  renamed: readonly RenameChange[];
  mostChanged: readonly FileChange[];
  other: readonly FileChange[];
}

/** The lists of the shared doc summary, pages added and removed grouped by folder. */
function sectionsOf(view: DiffView): Sections {
  const summary = docSummaryOf(view.diff);
  return {
    added: groupByFolder(summary.addedPages, view.paths.show),
    removed: groupByFolder(summary.removedPages, view.paths.show),
    renamed: summary.renamedPages,
    mostChanged: summary.editedPages,
    other: summary.otherFiles,
  };
}

function groupLines(title: string, groups: FolderGroup[], shape: Shape): string[] {
  const total = groups.reduce((sum, group) => sum + group.changes.length, 0);
  if (total === 0) return [];
  const lines = [`## ${title} (${total})`];
  for (const group of groups.slice(0, shape.folders)) {
    const folder = code(group.folder || './');
    const titles = shape.titlesPerFolder > 0 ? `: ${nameList(group.changes.map(titleOf), shape.titlesPerFolder)}` : '';
    lines.push(`- ${folder} (${group.changes.length})${titles}`);
  }
  const rest = groups.slice(shape.folders);
  if (rest.length > 0) {
    lines.push(`- ${rest.length} more folders (${rest.reduce((sum, group) => sum + group.changes.length, 0)} pages)`);
  }
  lines.push('');
  return lines;
}

function pageDetails(change: FileChange, shape: Shape): string {
  const doc = change.doc;
  if (!doc) return '';
  const parts: string[] = [];
  if (doc.titleBefore !== doc.titleAfter) parts.push(`title ${value(doc.titleBefore)} → ${value(doc.titleAfter)}`);
  if (shape.sectionNames > 0) {
    if (doc.sections.added.length) parts.push(`sections added: ${nameList(doc.sections.added, shape.sectionNames)}`);
    if (doc.sections.removed.length) parts.push(`removed: ${nameList(doc.sections.removed, shape.sectionNames)}`);
    if (doc.sections.changed.length) parts.push(`changed: ${nameList(doc.sections.changed, shape.sectionNames)}`);
  } else {
    const { added, removed, changed } = doc.sections;
    if (added.length + removed.length + changed.length > 0) parts.push(`sections +${added.length} −${removed.length} ~${changed.length}`);
  }
  if (doc.frontmatter.length) parts.push(`frontmatter: ${nameList(doc.frontmatter.map((field) => field.field), 4, 30)}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

function mostChangedLine(change: FileChange, view: DiffView, shape: Shape): string {
  const show = view.paths.show;
  const where = isRename(change) ? `${code(show(change.oldPath))} → ${code(show(change.path))}` : code(show(change.path));
  const title = change.title ? `**${prose(change.title, 60)}** ` : '';
  return `- ${title}${where} ${lineCounts(change)}${pageDetails(change, shape)}`;
}

function render(view: DiffView, sections: Sections, shape: Shape, footer: string[]): string {
  const show = view.paths.show;
  const lines = [...headerLines(view), ...moveLines(view)];
  lines.push(...groupLines('Pages added', sections.added, shape));
  lines.push(...groupLines('Pages removed', sections.removed, shape));
  if (sections.renamed.length > 0 && shape.renamed > 0) {
    lines.push(`## Pages renamed outside folder moves (${sections.renamed.length})`);
    for (const change of sections.renamed.slice(0, shape.renamed)) {
      lines.push(`- ${pageLabel({ ...change, path: change.oldPath }, show, 50)} → ${code(show(change.path))}`);
    }
    if (sections.renamed.length > shape.renamed) lines.push(`- ${sections.renamed.length - shape.renamed} more`);
    lines.push('');
  }
  if (sections.mostChanged.length > 0 && shape.mostChanged > 0) {
    lines.push('## Most-changed pages');
    for (const change of sections.mostChanged.slice(0, shape.mostChanged)) lines.push(mostChangedLine(change, view, shape));
    lines.push('');
  }
  if (sections.other.length > 0) {
    const names = sections.other.map((change) => show(change.path));
    const listed = shape.otherFiles > 0 ? `: ${codeList(names, shape.otherFiles, 60)}` : '';
    lines.push(`Other files changed (${sections.other.length})${listed}.`, '');
  }
  lines.push(...footer);
  return `${lines.join('\n').trimEnd()}\n`;
}

function leftOut(sections: Sections, shape: Shape): boolean {
  const groupsCut = (groups: FolderGroup[]) =>
    groups.length > shape.folders || groups.some((group) => group.changes.length > shape.titlesPerFolder);
  return (
    groupsCut(sections.added) ||
    groupsCut(sections.removed) ||
    sections.renamed.length > shape.renamed ||
    sections.mostChanged.length > shape.mostChanged ||
    sections.other.length > shape.otherFiles
  );
}

function followUps(view: DiffView, pair: PairArgs): { text: string[]; calls: string[] } {
  const folders = busiestFolders(view.diff.files, view.paths.show, 4, view.path);
  const filesCall = callText('what_changed', { ...pair, ...(view.path !== null ? { path: view.paths.show(view.path) } : {}), detail: 'files' });
  const calls = [filesCall, ...folders.map((entry) => callText('what_changed', { ...pair, path: entry.folder }))];
  const narrow = folders.length > 0 ? ` Narrow with \`path\`: ${folders.map((entry) => `${code(entry.folder)} (${entry.changes})`).join(', ')}.` : '';
  return {
    text: [`More: \`${filesCall}\` lists every changed file.${narrow} \`file_diff\` shows one page's patch.`],
    calls,
  };
}

export function summaryAnswer(view: DiffView, pair: PairArgs): ToolAnswer<WhatChangedOutput> {
  const sections = sectionsOf(view);
  const base = baseOutput(view, 'summary');

  let chosen = SHAPES[SHAPES.length - 1]!;
  let markdown = '';
  for (const shape of SHAPES) {
    const truncated = leftOut(sections, shape);
    const more = truncated ? followUps(view, pair) : { text: [], calls: [] };
    markdown = render(view, sections, shape, more.text);
    chosen = shape;
    if (markdown.length <= ANSWER_BUDGET.summary) break;
  }
  const truncated = base.truncated || leftOut(sections, chosen) || markdown.length > ANSWER_BUDGET.summary;
  const more = truncated ? followUps(view, pair) : { text: [], calls: [] };
  if (markdown.length > ANSWER_BUDGET.summary) markdown = hardCut(markdown, more.text);

  const groupOut = (groups: FolderGroup[]) =>
    groups.slice(0, chosen.folders).map((group) => ({
      folder: view.paths.root + group.folder,
      pages: group.changes.length,
      titles: group.changes.slice(0, chosen.titlesPerFolder).map(titleOf),
    }));
  return {
    markdown,
    structured: {
      ...base,
      addedPages: groupOut(sections.added),
      removedPages: groupOut(sections.removed),
      renamedPages: sections.renamed.slice(0, chosen.renamed).map(fileOut),
      mostChanged: sections.mostChanged.slice(0, chosen.mostChanged).map((change) => ({
        ...fileOut(change),
        ...(change.doc ? { doc: docOut(change.doc) } : {}),
      })),
      otherFiles: sections.other.slice(0, chosen.otherFiles).map(fileOut),
      truncated,
      more: more.calls,
    },
  };
}

/** Only when even the leanest shape is too long (hundreds of folder moves): cut, then say how to get the rest. */
function hardCut(markdown: string, footer: string[]): string {
  const note = ['', '(Cut to fit; the calls below give the rest.)', ...footer].join('\n');
  const text = new BudgetedText(ANSWER_BUDGET.summary - note.length - 1);
  for (const line of markdown.split('\n')) if (!text.tryAdd(line)) break;
  return `${text.toString().trimEnd()}\n${note}\n`;
}
