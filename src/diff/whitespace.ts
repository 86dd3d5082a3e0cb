// Changes nobody can see: a space that became a non-breaking space (U+00A0), a trailing tab, an
// indent of three spaces instead of two. They look identical in every rendering, so docdelta says
// so, and `-w` hides them the way `git diff -w` does.
//
// The rule is git's `-w` (`--ignore-all-space`), widened to Unicode: two lines are equal when they
// are equal once every whitespace character is removed — JavaScript's `\s`, which covers NBSP,
// U+202F, the U+2000..U+200A spaces, U+3000 and U+FEFF as well as ASCII space, tab, CR, VT and FF.
// Line breaks still count, as in git: an added blank line is an added line, and a paragraph
// reflowed onto other lines is a change.
import { Buffer, isUtf8 } from 'node:buffer';
import type { DiffSummary, FileChange, FolderMove, FrontmatterChange } from '../types.ts';
import { findFolderMoves } from './folder-moves.ts';
import { isPlainJson, plainJsonEqual } from './json-compare.ts';
import { compareLines, countIds, countLineChanges, type LineComparison, lineMiddles } from './line-counts.ts';
import { regroupIds } from './record-ids.ts';
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
 * Length of the whitespace character at `bytes[i]` in valid UTF-8 (0 when it is none): exactly the
 * characters `WHITESPACE` matches (test/diff/whitespace-bytes.test.ts checks every code point).
 */
export function whitespaceLength(bytes: Uint8Array, i: number, end: number): number {
  const c = bytes[i]!;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 1 : 0;
  if (c === 0xc2) return i + 1 < end && bytes[i + 1] === 0xa0 ? 2 : 0; // U+00A0
  if (c < 0xe1 || c > 0xef || i + 2 >= end) return 0;
  const b1 = bytes[i + 1]!;
  const b2 = bytes[i + 2]!;
  switch (c) {
    case 0xe1: // U+1680
      return b1 === 0x9a && b2 === 0x80 ? 3 : 0;
    case 0xe2: // U+2000..U+200B, U+2028, U+2029, U+202F; U+205F
      if (b1 === 0x80) return b2 <= 0x8b || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0;
      return b1 === 0x81 && b2 === 0x9f ? 3 : 0;
    case 0xe3: // U+3000
      return b1 === 0x80 && b2 === 0x80 ? 3 : 0;
    case 0xef: // U+FEFF
      return b1 === 0xbb && b2 === 0xbf ? 3 : 0;
    default:
      return 0;
  }
}

const LF = 0x0a;

/** A record's content end: before its LF, if it has one. */
const contentEnd = (bytes: Uint8Array, start: number, end: number) => (end > start && bytes[end - 1] === LF ? end - 1 : end);

/** FNV-1a over a record's bytes without whitespace, and whether it ends with LF. */
function squeezedHash(bytes: Uint8Array, start: number, end: number): number {
  const last = contentEnd(bytes, start, end);
  let hash = 0x811c9dc5;
  for (let i = start; i < last; ) {
    const c = bytes[i]!;
    // ASCII inline (most bytes); the multi-byte spaces through whitespaceLength.
    const skip = c < 0x80 ? (c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 1 : 0) : whitespaceLength(bytes, i, last);
    if (skip > 0) i += skip;
    else hash = Math.imul(hash ^ bytes[i++]!, 0x01000193);
  }
  return last < end ? Math.imul(hash ^ LF, 0x01000193) : hash;
}

/** Two records equal once whitespace is removed (and both with LF or both without). */
function squeezedEqual(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  const aLast = contentEnd(a, aStart, aEnd);
  const bLast = contentEnd(b, bStart, bEnd);
  if (aLast < aEnd !== bLast < bEnd) return false;
  let i = aStart;
  let j = bStart;
  for (;;) {
    while (i < aLast && whitespaceLength(a, i, aLast) > 0) i += whitespaceLength(a, i, aLast);
    while (j < bLast && whitespaceLength(b, j, bLast) > 0) j += whitespaceLength(b, j, bLast);
    if (i === aLast || j === bLast) return i === aLast && j === bLast;
    if (a[i++] !== b[j++]) return false;
  }
}

/**
 * A middle's records as squeezed ids. A last line without LF that squeezes to nothing is no record
 * at all (it is the empty end of the file). Returns whether such a line was dropped.
 */
function squeezedSequence(middle: Uint8Array, ids: Int32Array, groupOf: Int32Array): { ids: Int32Array; dropped: boolean } {
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = groupOf[ids[i]!]!;
  if (ids.length > 0 && middle[middle.length - 1] !== LF) {
    const start = middle.lastIndexOf(LF) + 1;
    let i = start;
    while (i < middle.length && whitespaceLength(middle, i, middle.length) > 0) i += whitespaceLength(middle, i, middle.length);
    if (i === middle.length) return { ids: out.subarray(0, ids.length - 1), dropped: true };
  }
  return { ids: out, dropped: false };
}

/**
 * The line counts `git diff -w --numstat` would give for a text file pair (0/0 when the only
 * changes are whitespace). Callers pass only pairs whose bytes differ and are not binary; a caller
 * that already compared the pair's lines passes that comparison, whose middles are reused.
 */
export function countIgnoringWhitespace(oldBytes: Uint8Array, newBytes: Uint8Array, known: LineComparison = compareLines(oldBytes, newBytes)): WhitespaceCounts {
  // Lines equal as bytes are equal squeezed too, so only the differing middle needs squeezing.
  const middles = known.middles ?? lineMiddles(oldBytes, newBytes);
  const { oldMiddle, newMiddle, ids } = middles;
  if (oldMiddle.includes(0) || newMiddle.includes(0) || !isUtf8(oldMiddle) || !isUtf8(newMiddle)) {
    // Invalid UTF-8 reads as U+FFFD (different bytes, one character), and a NUL past git's 8000-byte
    // sniff can make a squeezed middle binary: both keep the text path.
    const counts = countLineChanges(squeezeLines(oldMiddle), squeezeLines(newMiddle));
    return { additions: counts.additions, deletions: counts.deletions };
  }
  const { groupOf, groupCount } = regroupIds([oldMiddle, newMiddle], ids, squeezedHash, squeezedEqual);
  const before = squeezedSequence(oldMiddle, ids.oldIds, groupOf);
  const after = squeezedSequence(newMiddle, ids.newIds, groupOf);
  // No two different records read alike and none vanished: -w sees exactly the plain lines.
  if (groupCount === ids.idCount && !before.dropped && !after.dropped && known.middles) {
    return { additions: known.counts.additions, deletions: known.counts.deletions };
  }
  return countIds(before.ids, after.ids, groupCount);
}

/** JSON with every string's whitespace removed, so `"a b"` and `"a\u00a0b"` compare equal. */
export function squeezedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? withoutWhitespace(inner) : inner)) ?? 'undefined';
}

const sameSqueezed = (a: string, b: string) => withoutWhitespace(a) === withoutWhitespace(b);

/** True when two frontmatter values differ only in whitespace inside their strings. */
export function valuesDifferOnlyInWhitespace(before: unknown, after: unknown): boolean {
  if (before === undefined || after === undefined || before === null || after === null) return false;
  if (isPlainJson(before) && isPlainJson(after)) return plainJsonEqual(before, after, { anyKeyOrder: false, sameString: sameSqueezed });
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
