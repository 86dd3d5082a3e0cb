// Per-file `+`/`-` line counts, equal to `git diff --minimal --numstat`.
//
// Most changed files differ in a few places, so the common head and tail are found on the raw
// bytes and only counted; just the differing middle is split into records, each record given an
// id (equal bytes, equal id; record-ids.ts), and the counts come from the ids' longest common
// subsequence (common-length.ts).
import { Buffer } from 'node:buffer';
import { isBinaryContent } from './binary.ts';
import { commonLength } from './common-length.ts';
import { internRecords, recordCount, type RecordIds } from './record-ids.ts';

export interface LineCounts {
  additions: number;
  deletions: number;
  binary: boolean;
}

const LF = 0x0a;

const BLOCK = 256;

function sameBlock(a: Uint8Array, b: Uint8Array, at: number): boolean {
  return Buffer.compare(a.subarray(at, at + BLOCK), b.subarray(at, at + BLOCK)) === 0;
}

/** Length of the common head, cut back to a record boundary. */
export function commonHead(a: Uint8Array, b: Uint8Array): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  // Whole blocks first with a native compare; the byte loop only finishes the last block.
  while (i + BLOCK <= limit && sameBlock(a, b, i)) i += BLOCK;
  while (i < limit && a[i] === b[i]) i++;
  while (i > 0 && a[i - 1] !== LF) i--;
  return i;
}

/** Length of the common tail that starts a record in both files and leaves `head` alone. */
export function commonTail(a: Uint8Array, b: Uint8Array, head: number): number {
  const limit = Math.min(a.length, b.length) - head;
  let n = 0;
  while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  const startsRecord = (bytes: Uint8Array, length: number) => length === bytes.length || bytes[bytes.length - length - 1] === LF;
  while (n > 0 && !(startsRecord(a, n) && startsRecord(b, n))) n--;
  return n;
}

/** The differing middles of a text pair (between the common head and tail), record by record. */
export interface LineMiddles {
  oldMiddle: Uint8Array;
  newMiddle: Uint8Array;
  /** One id per record of each middle (record-ids.ts): equal ids, equal bytes. */
  ids: RecordIds;
}

export function lineMiddles(oldBytes: Uint8Array, newBytes: Uint8Array): LineMiddles {
  const head = commonHead(oldBytes, newBytes);
  const tail = commonTail(oldBytes, newBytes, head);
  const oldMiddle = oldBytes.subarray(head, oldBytes.length - tail);
  const newMiddle = newBytes.subarray(head, newBytes.length - tail);
  return { oldMiddle, newMiddle, ids: internRecords(oldMiddle, newMiddle) };
}

/** Deletions and additions between two id sequences (records dropped from `a`, added in `b`). */
export function countIds(a: Int32Array, b: Int32Array, idCount: number): { additions: number; deletions: number } {
  if (a.length === 0 || b.length === 0) return { additions: b.length, deletions: a.length };
  const common = commonLength(a, b, idCount);
  return { additions: b.length - common, deletions: a.length - common };
}

/** A text pair's counts and the middles they came from (null for binary pairs), for `-w` to reuse. */
export interface LineComparison {
  counts: LineCounts;
  middles: LineMiddles | null;
}

export function compareLines(oldBytes: Uint8Array, newBytes: Uint8Array): LineComparison {
  // Git prints `-\t-` for binary pairs; docdelta counts them as 0/0 and flags them.
  if (isBinaryContent(oldBytes) || isBinaryContent(newBytes)) return { counts: { additions: 0, deletions: 0, binary: true }, middles: null };
  const middles = lineMiddles(oldBytes, newBytes);
  const { oldIds, newIds, idCount } = middles.ids;
  return { counts: { ...countIds(oldIds, newIds, idCount), binary: false }, middles };
}

export function countLineChanges(oldBytes: Uint8Array, newBytes: Uint8Array): LineCounts {
  if (isBinaryContent(oldBytes) || isBinaryContent(newBytes)) return { additions: 0, deletions: 0, binary: true };
  // A file only on one side (or a pure insertion or deletion) has nothing to align: count records.
  if (oldBytes.length === 0 || newBytes.length === 0) return { additions: recordCount(newBytes), deletions: recordCount(oldBytes), binary: false };
  return compareLines(oldBytes, newBytes).counts;
}
