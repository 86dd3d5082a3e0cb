// Git-style unified patches (`diff --git` headers, rename and new/deleted-file lines, 3-line hunks),
// written so that `git apply` on the old tree reproduces the new one. Modes are not tracked by
// docdelta, so every file is a regular 100644 file; the optional `index` line is left out.
import { isUtf8 } from 'node:buffer';
import { invalidInput } from '../errors.ts';
import type { FileChange } from '../types.ts';
import { isBinaryContent } from './binary.ts';
import { buildHunks, type Hunk } from './hunks.ts';
import { alignRecords } from './line-align.ts';
import { recordToUtf8, splitRecords } from './line-records.ts';
import { quotePath } from './quote-path.ts';

/** The bytes of one side of a change; null for the missing side of an add or a removal. */
export type PatchSide = { bytes: Uint8Array } | null;

const NO_NEWLINE = '\\ No newline at end of file\n';

/** `a/x`, quoted as a whole when git would quote it. */
function prefixed(prefix: 'a/' | 'b/', path: string): string {
  return quotePath(prefix + path);
}

/** Git ends `---`/`+++` names containing a space with a tab, so the name's end is unambiguous. */
function fileLine(marker: '---' | '+++', name: string): string {
  return `${marker} ${name}${name.includes(' ') ? '\t' : ''}\n`;
}

function range(start: number, end: number): string {
  const length = end - start;
  // An empty range names the line before it; a one-line range omits its length.
  if (length === 0) return `${start},0`;
  return length === 1 ? `${start + 1}` : `${start + 1},${length}`;
}

/** Records of both sides, and how one is shown as text. */
interface Records {
  old: string[];
  new: string[];
  /** Latin1 records (one character per byte) are decoded for display; UTF-8 ones already are text. */
  latin1: boolean;
}

function renderLine(marker: ' ' | '-' | '+', record: string, latin1: boolean): string {
  if (!latin1) return record.endsWith('\n') ? marker + record : `${marker}${record}\n${NO_NEWLINE}`;
  if (record.endsWith('\n')) return `${marker}${recordToUtf8(record.slice(0, -1))}\n`;
  return `${marker}${recordToUtf8(record)}\n${NO_NEWLINE}`;
}

function renderHunk(hunk: Hunk, records: Records): string {
  const { old: oldRecords, new: newRecords, latin1 } = records;
  let out = `@@ -${range(hunk.oldStart, hunk.oldEnd)} +${range(hunk.newStart, hunk.newEnd)} @@\n`;
  let oldPos = hunk.oldStart;
  for (const block of hunk.blocks) {
    for (; oldPos < block.oldStart; oldPos++) out += renderLine(' ', oldRecords[oldPos]!, latin1);
    for (let i = block.oldStart; i < block.oldEnd; i++) out += renderLine('-', oldRecords[i]!, latin1);
    for (let i = block.newStart; i < block.newEnd; i++) out += renderLine('+', newRecords[i]!, latin1);
    oldPos = block.oldEnd;
  }
  for (; oldPos < hunk.oldEnd; oldPos++) out += renderLine(' ', oldRecords[oldPos]!, latin1);
  return out;
}

/**
 * Both sides as records. Text that is valid UTF-8 on both sides (nearly every doc) is split as UTF-8
 * text: no per-line decoding when shown, which was most of a large patch's time and garbage.
 */
function recordsOf(oldBytes: Uint8Array, newBytes: Uint8Array): Records {
  const latin1 = !(isUtf8(oldBytes) && isUtf8(newBytes));
  const encoding = latin1 ? 'latin1' : 'utf8';
  return { old: splitRecords(oldBytes, encoding), new: splitRecords(newBytes, encoding), latin1 };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// A patch built from a missing side would silently delete content, so that is refused.
function required(side: PatchSide, path: string, which: string): Uint8Array {
  if (!side) throw invalidInput(`no ${which} content given for ${JSON.stringify(path)}`);
  return side.bytes;
}

export function renderFilePatch(change: FileChange, oldFile: PatchSide, newFile: PatchSide): string {
  const oldPath = change.status === 'renamed' ? change.oldPath : change.path;
  const oldBytes = change.status === 'added' ? new Uint8Array(0) : required(oldFile, oldPath, 'old');
  const newBytes = change.status === 'removed' ? new Uint8Array(0) : required(newFile, change.path, 'new');
  const oldName = change.status === 'added' ? '/dev/null' : prefixed('a/', oldPath);
  const newName = change.status === 'removed' ? '/dev/null' : prefixed('b/', change.path);

  let out = `diff --git ${prefixed('a/', oldPath)} ${prefixed('b/', change.path)}\n`;
  if (change.status === 'added') out += 'new file mode 100644\n';
  if (change.status === 'removed') out += 'deleted file mode 100644\n';
  if (change.status === 'renamed') {
    out += `similarity index ${Math.round(change.similarity * 100)}%\n`;
    out += `rename from ${quotePath(oldPath)}\nrename to ${quotePath(change.path)}\n`;
  }
  if (sameBytes(oldBytes, newBytes)) return out;
  if (isBinaryContent(oldBytes) || isBinaryContent(newBytes)) return `${out}Binary files ${oldName} and ${newName} differ\n`;

  const records = recordsOf(oldBytes, newBytes);
  const hunks = buildHunks(alignRecords(records.old, records.new), records.old.length, records.new.length);
  out += fileLine('---', oldName) + fileLine('+++', newName);
  for (const hunk of hunks) out += renderHunk(hunk, records);
  return out;
}
