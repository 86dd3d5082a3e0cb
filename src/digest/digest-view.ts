// What a digest talks about, read from the shared doc summary (diff/doc-summary.ts decides which
// files are pages, which renames a move explains, which pages changed most), with paths shown
// relative to the docs root, where readers know them from; and the two or three overview lines at
// the top of the message, led by the change that matters most to readers whose links and bookmarks
// point into the docs: a folder that moved, then pages that went away; pages added or edited after.
// Pure.
import type { DocSummary } from '../diff/index.ts';
import type { DiffSummary, FileChange } from '../types.ts';
import { bold, code, plain } from './mrkdwn.ts';
import { plural } from '../plural.ts';

export interface DigestPage {
  /** Path relative to the docs root (the package root for files outside it). */
  shownPath: string;
  /** Full path in the package, as the diff viewer names the file. */
  path: string;
  title: string | null;
  change: FileChange;
}

export interface DigestMove {
  from: string;
  to: string;
  files: number;
  edited: number;
}

export interface DigestView {
  moves: DigestMove[];
  /** Pages added and removed; other files (images, package.json, navigation data) only counted. */
  added: DigestPage[];
  removed: DigestPage[];
  otherFilesAdded: number;
  otherFilesRemoved: number;
  /** Renames that no folder move explains. */
  movedAlone: (DigestPage & { oldShownPath: string })[];
  /** Pages whose text changed (modified, or renamed with edits), most lines changed first. */
  mostChanged: DigestPage[];
  /** How many pages changed text in all, of which `mostChanged` lists the top. */
  editedPages: number;
}

export function relativeToRoot(path: string, docsRoot: string | null): string {
  if (!docsRoot || docsRoot === '.') return path;
  const root = docsRoot.replace(/\/+$/, '');
  if (path === root) return '.';
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

export function digestView(summary: DocSummary, docsRoot: string | null): DigestView {
  const page = (change: FileChange): DigestPage => ({
    shownPath: relativeToRoot(change.path, docsRoot),
    path: change.path,
    title: change.title ?? null,
    change,
  });
  const others = (status: FileChange['status']) => summary.otherFiles.filter((change) => change.status === status).length;
  return {
    moves: summary.moves.map((move) => ({
      from: relativeToRoot(move.from, docsRoot),
      to: relativeToRoot(move.to, docsRoot),
      files: move.files,
      edited: move.edited,
    })),
    added: summary.addedPages.map(page),
    removed: summary.removedPages.map(page),
    otherFilesAdded: others('added'),
    otherFilesRemoved: others('removed'),
    movedAlone: summary.renamedPages.map((change) => ({ ...page(change), oldShownPath: relativeToRoot(change.oldPath, docsRoot) })),
    mostChanged: summary.editedPages.map(page),
    editedPages: summary.editedPages.length,
  };
}

export interface OverviewFacts {
  view: DigestView;
  summary: DiffSummary;
  /** Versions after `from` up to `to`, oldest first. */
  releases: string[];
  to: string;
  brokenLinks: number | null;
  /** Set when the link check could not check: said instead of a count. */
  linkWarning?: string | null;
}


export function folderName(folder: string): string {
  return folder === '.' ? '(package root)' : `${folder}/`;
}

/** Up to three titles, then how many more. */
function someTitles(pages: readonly DigestPage[]): string {
  const names = pages.slice(0, 3).map((page) => plain(page.title ?? page.shownPath, 60));
  const more = pages.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
}

function releaseList(releases: readonly string[]): string {
  const shown = (version: string) => plain(version, 40);
  if (releases.length <= 5) return releases.map(shown).join(', ');
  return `${shown(releases[0]!)} … ${shown(releases.at(-1)!)}`;
}

export function overviewLines(facts: OverviewFacts): string[] {
  const { view } = facts;
  const clauses = {
    removed: view.removed.length > 0 ? `${plural(view.removed.length, 'page')} removed (${someTitles(view.removed)})` : null,
    added: view.added.length > 0 ? `${plural(view.added.length, 'new page')} (${someTitles(view.added)})` : null,
    edited: view.editedPages > 0 ? `${plural(view.editedPages, 'page')} edited` : null,
  };
  const lines: string[] = [];
  const used = new Set<keyof typeof clauses>();

  const top = view.moves[0];
  if (top) {
    const others = view.moves.length - 1;
    const edited = top.edited > 0 ? `, ${top.edited} of them edited` : '';
    const more = others > 0 ? ` ${plural(others, 'more folder')} moved too.` : '';
    lines.push(`${bold(`${code(folderName(top.from))} moved to ${code(folderName(top.to))}`)}: ${plural(top.files, 'file')}${edited}.${more}`);
  } else if (view.removed.length > 0) {
    lines.push(`${bold(`${plural(view.removed.length, 'page')} removed`)}: ${someTitles(view.removed)}.`);
    used.add('removed');
  } else if (view.added.length > 0 && view.added.length >= view.editedPages) {
    lines.push(`${bold(plural(view.added.length, 'new page'))}: ${someTitles(view.added)}.`);
    used.add('added');
  } else if (view.editedPages > 0) {
    const first = view.mostChanged[0]!;
    const name = plain(first.title ?? first.shownPath, 60);
    lines.push(`${bold(`${plural(view.editedPages, 'page')} edited`)}, most of all ${name} (+${first.change.additions} −${first.change.deletions}).`);
    used.add('edited');
  } else {
    const files = facts.summary.added + facts.summary.removed + facts.summary.modified + facts.summary.renamed;
    lines.push(`${bold('No page changed')}; ${plural(files, 'other file')} did.`);
  }

  const rest = (['removed', 'added', 'edited'] as const).filter((key) => !used.has(key)).map((key) => clauses[key]).filter((clause): clause is string => clause !== null);
  if (rest.length > 0) lines.push(`${top ? '' : 'Also '}${joinClauses(rest)}.`.replace(/^./, (first) => first.toUpperCase()));

  const notes: string[] = [];
  if (facts.releases.length > 1) notes.push(`Covers ${plural(facts.releases.length, 'release')}: ${releaseList(facts.releases)}.`);
  if (facts.linkWarning) notes.push(`:warning: Links not checked: ${plain(facts.linkWarning, 300)}`);
  else if (facts.brokenLinks !== null) {
    notes.push(
      facts.brokenLinks > 0
        ? `:warning: ${plural(facts.brokenLinks, 'broken link')} in ${plain(facts.to, 40)}.`
        : `No broken links in ${plain(facts.to, 40)}.`,
    );
  }
  if (notes.length > 0) lines.push(notes.join(' '));
  return lines;
}
