// Changes nobody can see: a space that became a non-breaking space (U+00A0), a trailing tab, an
// indent of three spaces instead of two. They look identical in every rendering, so docdelta says
// so, and `-w` hides them the way `git diff -w` does.
//
// The rule is git's `-w` (`--ignore-all-space`), widened to Unicode: two lines are equal when they
// are equal once every whitespace character is removed — JavaScript's `\s`, which covers NBSP,
// U+202F, the U+2000..U+200A spaces, U+3000 and U+FEFF as well as ASCII space, tab, CR, VT and FF.
// Line breaks still count, as in git: an added blank line is an added line, and a paragraph
// reflowed onto other lines is a change.
import { Buffer } from 'node:buffer';
import type { DiffSummary, FileChange, FolderMove, FrontmatterChange } from '../types.ts';
import { findFolderMoves } from './folder-moves.ts';
import { commonHead, commonTail, countLineChanges } from './line-counts.ts';
import { summarize } from './summary.ts';

const WHITESPACE = /[\s\u200b]+/g;

/** The text with every whitespace character removed (the zero-width space too: it is as invisible). */
export function withoutWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Each line's bytes with whitespace removed, line breaks kept: what `-w` compares. */
function squeezeLines(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return Buffer.from(text.split('\n').map(withoutWhitespace).join('\n'), 'utf8');
}

export interface WhitespaceCounts {
  additions: number;
  deletions: number;
}

/**
 * The line counts `git diff -w --numstat` would give for a text file pair (0/0 when the only
 * changes are whitespace). Callers pass only pairs whose bytes differ and are not binary.
 */
export function countIgnoringWhitespace(oldBytes: Uint8Array, newBytes: Uint8Array): WhitespaceCounts {
  // Lines equal as bytes are equal squeezed too, so only the differing middle needs squeezing.
  const head = commonHead(oldBytes, newBytes);
  const tail = commonTail(oldBytes, newBytes, head);
  const oldMiddle = oldBytes.subarray(head, oldBytes.length - tail);
  const newMiddle = newBytes.subarray(head, newBytes.length - tail);
  const counts = countLineChanges(squeezeLines(oldMiddle), squeezeLines(newMiddle));
  return { additions: counts.additions, deletions: counts.deletions };
}

/** JSON with every string's whitespace removed, so `"a b"` and `"a\u00a0b"` compare equal. */
function squeezedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? withoutWhitespace(inner) : inner)) ?? 'undefined';
}

/** True when two frontmatter values differ only in whitespace inside their strings. */
export function valuesDifferOnlyInWhitespace(before: unknown, after: unknown): boolean {
  if (before === undefined || after === undefined || before === null || after === null) return false;
  return squeezedJson(before) === squeezedJson(after);
}

type DiffView = { files: FileChange[]; moves: FolderMove[]; summary: DiffSummary };

function withoutWhitespaceFields(fields: FrontmatterChange[]): FrontmatterChange[] {
  return fields.filter((field) => field.whitespaceOnly !== true);
}

/**
 * `git diff -w`: files whose only changes are whitespace disappear (a rename stays, as a rename
 * with nothing changed inside), other files count their lines ignoring whitespace, frontmatter
 * fields that changed only in whitespace are dropped; totals and folder moves are recomputed.
 */
export function ignoreWhitespace<T extends DiffView>(diff: T): T {
  const files: FileChange[] = [];
  for (const change of diff.files) {
    if (change.whitespaceOnly && change.status === 'modified') continue;
    const next: FileChange = { ...change };
    if (change.ignoringWhitespace) {
      next.additions = change.ignoringWhitespace.additions;
      next.deletions = change.ignoringWhitespace.deletions;
      delete next.ignoringWhitespace;
    }
    delete next.whitespaceOnly;
    if (change.doc) next.doc = { ...change.doc, frontmatter: withoutWhitespaceFields(change.doc.frontmatter) };
    files.push(next);
  }
  return { ...diff, files, moves: findFolderMoves(files), summary: summarize(files) };
}

/** How many of these files changed only in whitespace (for summary lines). */
export function whitespaceOnlyCount(files: readonly FileChange[]): number {
  return files.filter((change) => change.whitespaceOnly === true).length;
}
