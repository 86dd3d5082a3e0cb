// How MCP answers are written. An agent's context is small and every character of an answer
// displaces something else, so each kind of answer has a budget (ANSWER_BUDGET) and says how to
// get the rest. Doc text (titles, headings, frontmatter values) is untrusted: it may carry newlines
// that would start a new Markdown block, control characters, markup, or simply be very long, so
// everything a doc author wrote passes through oneLine/prose/code/value before it lands in an answer.
// Paths are shown relative to the docs root (`.docs/organized/docs/`), which is said once: over a
// release's worth of pages that saves a fifth of the answer; tools accept a path either way.
import { fileCandidates } from '../diff/path-readings.ts';
import { normalizeDocsRoot } from '../normalize/index.ts';
import type { DocChanges, FrontmatterChange } from '../types.ts';

/** Characters of Markdown per answer, by what the caller asked for. */
export const ANSWER_BUDGET = {
  /** what_changed's default; the goal is under 4,000 for a 568-file release. */
  summary: 3_800,
  files: 12_000,
  patch: 16_000,
  /** One page of one file's patch (file_diff). */
  filePatch: 14_000,
  /** Lists: versions, packages, history. */
  list: 8_000,
  /** check_links: counts, redirects, broken links. */
  links: 6_000,
} as const;

/** Folder moves carried in what_changed's JSON; past this the answer says it is truncated. */
export const STRUCTURED_MOVES_MAX = 100;

/** Longest title, heading or value shown inline before it is cut with an ellipsis. */
export const INLINE_TEXT_MAX = 100;

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;

/** One line, whitespace collapsed, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max = INLINE_TEXT_MAX): string {
  const flat = text.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Prose: one line with Markdown's active characters escaped, so a title cannot add structure. */
export function prose(text: string, max = INLINE_TEXT_MAX): string {
  return oneLine(text, max).replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

/** A code span; a backtick inside would end it, so it becomes a quote. */
export function code(text: string, max = 300): string {
  return `\`${oneLine(text, max).replace(/`/g, "'")}\``;
}

/** A frontmatter value, shown compactly: strings as they are, anything else as JSON. */
export function value(input: unknown, max = 60): string {
  if (input === null || input === undefined) return '(none)';
  return code(typeof input === 'string' ? input : JSON.stringify(input) ?? String(input), max);
}

/** `a, b, c (+4 more)`: the first `shown` names of a list. */
export function nameList(names: readonly string[], shown: number, max = 40): string {
  const head = names.slice(0, shown).map((name) => prose(name, max));
  const rest = names.length - head.length;
  return rest > 0 ? `${head.join(', ')} (+${rest} more)` : head.join(', ');
}

/** Like nameList, for paths and other literal names: code spans, nothing escaped. */
export function codeList(names: readonly string[], shown: number, max = 80): string {
  const head = names.slice(0, shown).map((name) => code(name, max));
  const rest = names.length - head.length;
  return rest > 0 ? `${head.join(', ')} (+${rest} more)` : head.join(', ');
}

/**
 * Markdown written against a character budget: lines are added while they fit, and the writer
 * remembers that something was left out so the answer can say how to get it.
 */
export class BudgetedText {
  private readonly lines: string[] = [];
  private used = 0;

  constructor(private readonly budget: number) {}

  get length(): number {
    return this.used;
  }

  get remaining(): number {
    return this.budget - this.used;
  }

  /** Adds the line if it fits; returns whether it did. */
  tryAdd(line: string): boolean {
    const cost = line.length + 1;
    if (this.used + cost > this.budget) return false;
    this.lines.push(line);
    this.used += cost;
    return true;
  }

  /** Adds the line whatever the budget (headers, the note that says what was left out). */
  add(line: string): void {
    this.lines.push(line);
    this.used += line.length + 1;
  }

  toString(): string {
    return `${this.lines.join('\n').trimEnd()}\n`;
  }
}

/**
 * A fenced code block that doc text cannot close early: the fence is longer than any run of
 * backticks inside (CommonMark closes a fence only with one at least as long).
 */
export function fenced(text: string, language = ''): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}

/**
 * A long patch split into pages of at most `budget` characters, at hunk boundaries where it can be
 * (a hunk larger than a page is split between lines). Page 1 keeps the `diff --git` header.
 */
export function pagePatch(patch: string, budget: number): string[] {
  if (patch.length <= budget) return [patch];
  const lines = patch.split(/(?<=\n)/);
  const pages: string[] = [];
  let page = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const startsHunk = line.startsWith('@@');
    // Start a new page at a hunk header once this page is at least half full, so pages stay useful.
    if (page.length > 0 && ((startsHunk && page.length >= budget / 2) || page.length + line.length > budget)) {
      pages.push(page);
      page = '';
    }
    page += line.length > budget ? `${line.slice(0, budget - 2)}…\n` : line;
  }
  if (page) pages.push(page);
  return pages;
}

export interface PathView {
  /** The folder prefix stripped from shown paths (`a/b/`), or '' when paths are shown whole. */
  root: string;
  show(path: string): string;
}

/** One view for both versions of a pair; if their docs roots differ, paths are shown whole. */
export function pathView(docsRoots: readonly (string | null)[]): PathView {
  const roots = new Set(docsRoots.map((root) => (root === null ? '' : (normalizeDocsRoot(root) ?? ''))));
  const root = roots.size === 1 ? [...roots][0]! : '';
  return {
    root,
    show: (path) => (root && path.startsWith(root) ? path.slice(root.length) : path),
  };
}

/** A user-given path with `./` and surplus slashes removed. */
export function cleanPath(input: string): string {
  return input.trim().replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

/** The paths a user may have meant, in the order to try them: as given, then under the docs root. */
export function candidatePaths(input: string, root: string): string[] {
  const path = cleanPath(input);
  if (!root || path.startsWith(root)) return [path];
  const readings = [path, `${root}${path.replace(/^\/+/, '')}`];
  // A route (`/authkit/sso`) also names the page file that serves it, as in the CLI and HTTP.
  if (input.trim().startsWith('/') && !/\.[a-z0-9]+$/i.test(path)) readings.push(...fileCandidates(input, root).filter((candidate) => !readings.includes(candidate)));
  return readings;
}

const SECTION_NAMES = 12;

/** NBSP ↔ space and the like: a real change, but not one a reader needs to look at. */
function whitespaceOnly(field: FrontmatterChange): boolean {
  const squash = (input: unknown) => (typeof input === 'string' ? input.replace(/\s+/g, ' ').trim() : JSON.stringify(input));
  return typeof field.before === 'string' && typeof field.after === 'string' && squash(field.before) === squash(field.after);
}

/**
 * A page's changes beyond its lines, one Markdown bullet each: title, frontmatter fields (with
 * values), sections, and anchors that inbound links may still point at.
 */
export function docChangeLines(doc: DocChanges): string[] {
  const lines: string[] = [];
  if (doc.titleBefore !== doc.titleAfter) lines.push(`title: ${value(doc.titleBefore, 100)} → ${value(doc.titleAfter, 100)}`);
  for (const field of doc.frontmatter.slice(0, 12)) {
    const name = code(field.field, 60);
    lines.push(field.whitespaceOnly || whitespaceOnly(field) ? `${name}: whitespace only` : `${name}: ${value(field.before, 100)} → ${value(field.after, 100)}`);
  }
  if (doc.frontmatter.length > 12) lines.push(`${doc.frontmatter.length - 12} more frontmatter fields changed`);
  const { added, removed, changed } = doc.sections;
  if (added.length) lines.push(`sections added: ${nameList(added, SECTION_NAMES, 60)}`);
  if (removed.length) lines.push(`sections removed: ${nameList(removed, SECTION_NAMES, 60)}`);
  if (changed.length) lines.push(`sections changed: ${nameList(changed, SECTION_NAMES, 60)}`);
  if (doc.removedAnchors.length) {
    const anchors = doc.removedAnchors.slice(0, SECTION_NAMES).map((slug) => code(`#${slug}`, 60)).join(', ');
    const more = doc.removedAnchors.length > SECTION_NAMES ? ` (+${doc.removedAnchors.length - SECTION_NAMES} more)` : '';
    lines.push(`anchors gone (links to them now land at the top of the page): ${anchors}${more}`);
  }
  return lines.map((line) => `- ${line}`);
}
