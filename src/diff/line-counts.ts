// Per-file `+`/`-` line counts, equal to `git diff --minimal --numstat`.
//
// Most changed files differ in a few places, so the common head and tail are found on the raw
// bytes and only counted; just the differing middle is split into records and aligned.
import { Buffer } from 'node:buffer';
import { isBinaryContent } from './binary.ts';
import { alignRecords, DELETE, INSERT } from './line-align.ts';
import { splitRecords } from './line-records.ts';

export interface LineCounts {
  additions: number;
  deletions: number;
  binary: boolean;
}

const LF = 0x0a;

/** Records in `bytes[start, end)`: one per LF, plus a final one without LF. */
function recordCount(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end <= start) return 0;
  let count = bytes[end - 1] === LF ? 0 : 1;
  const region = bytes.subarray(start, end);
  for (let at = region.indexOf(LF); at !== -1; at = region.indexOf(LF, at + 1)) count++;
  return count;
}

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

export function countLineChanges(oldBytes: Uint8Array, newBytes: Uint8Array): LineCounts {
  // Git prints `-\t-` for binary pairs; docdelta counts them as 0/0 and flags them.
  if (isBinaryContent(oldBytes) || isBinaryContent(newBytes)) return { additions: 0, deletions: 0, binary: true };
  const head = commonHead(oldBytes, newBytes);
  const tail = commonTail(oldBytes, newBytes, head);
  const oldMiddle = oldBytes.subarray(head, oldBytes.length - tail);
  const newMiddle = newBytes.subarray(head, newBytes.length - tail);
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    return { additions: recordCount(newMiddle), deletions: recordCount(oldMiddle), binary: false };
  }
  let additions = 0;
  let deletions = 0;
  for (const op of alignRecords(splitRecords(oldMiddle), splitRecords(newMiddle))) {
    if (op.kind === INSERT) additions += op.count;
    else if (op.kind === DELETE) deletions += op.count;
  }
  return { additions, deletions, binary: false };
}
