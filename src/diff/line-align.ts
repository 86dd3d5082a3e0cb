// A minimal line alignment of two record lists, i.e. the edit script behind
// `git diff --minimal`. jsdiff's Myers search finds a shortest edit script; two preparations keep
// it fast without changing the result:
// - the common prefix and suffix are set aside (always part of some shortest script);
// - lines that occur nowhere in the other file can never match, so they are left out of the
//   search and put back as deletions/insertions afterwards. The longest common subsequence, and so
//   the counts, stay the same; the search space shrinks sharply on rewrites.
import { diffArrays } from 'diff';

export const EQUAL = 0;
export const DELETE = 1;
export const INSERT = 2;
export type OpKind = typeof EQUAL | typeof DELETE | typeof INSERT;

/** A run of `count` records: equal in both files, only in the old one, or only in the new one. */
export interface LineOp {
  kind: OpKind;
  count: number;
}

class OpList {
  readonly ops: LineOp[] = [];
  push(kind: OpKind, count: number): void {
    if (count <= 0) return;
    const last = this.ops[this.ops.length - 1];
    if (last && last.kind === kind) last.count += count;
    else this.ops.push({ kind, count });
  }
}

function internMiddle(a: string[], b: string[], start: number, endA: number, endB: number) {
  const ids = new Map<string, number>();
  const intern = (lines: string[], end: number) => {
    const out = new Int32Array(end - start);
    for (let i = start; i < end; i++) {
      const line = lines[i]!;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i - start] = id;
    }
    return out;
  };
  const idsA = intern(a, endA);
  const idsB = intern(b, endB);
  return { idsA, idsB, idCount: ids.size };
}

function presentIn(ids: Int32Array, idCount: number): Uint8Array {
  const present = new Uint8Array(idCount);
  for (const id of ids) present[id] = 1;
  return present;
}

function keptIndices(ids: Int32Array, otherHas: Uint8Array): number[] {
  const kept: number[] = [];
  for (let i = 0; i < ids.length; i++) if (otherHas[ids[i]!]) kept.push(i);
  return kept;
}

export function alignRecords(a: string[], b: string[]): LineOp[] {
  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const endA = a.length - suffix;
  const endB = b.length - suffix;

  const out = new OpList();
  out.push(EQUAL, prefix);
  if (prefix === endA || prefix === endB) {
    out.push(DELETE, endA - prefix);
    out.push(INSERT, endB - prefix);
  } else {
    alignMiddle(a, b, prefix, endA, endB, out);
  }
  out.push(EQUAL, suffix);
  return out.ops;
}

function alignMiddle(a: string[], b: string[], start: number, endA: number, endB: number, out: OpList): void {
  const { idsA, idsB, idCount } = internMiddle(a, b, start, endA, endB);
  const keepA = keptIndices(idsA, presentIn(idsB, idCount));
  const keepB = keptIndices(idsB, presentIn(idsA, idCount));
  const changes = diffArrays(
    keepA.map((i) => idsA[i]!),
    keepB.map((i) => idsB[i]!),
  );

  // Walk the kept-line alignment; every gap before a matched pair is a changed region.
  let posA = 0;
  let posB = 0;
  let ka = 0;
  let kb = 0;
  for (const change of changes) {
    if (change.removed) ka += change.count;
    else if (change.added) kb += change.count;
    else {
      for (let n = 0; n < change.count; n++, ka++, kb++) {
        out.push(DELETE, keepA[ka]! - posA);
        out.push(INSERT, keepB[kb]! - posB);
        out.push(EQUAL, 1);
        posA = keepA[ka]! + 1;
        posB = keepB[kb]! + 1;
      }
    }
  }
  out.push(DELETE, idsA.length - posA);
  out.push(INSERT, idsB.length - posB);
}
