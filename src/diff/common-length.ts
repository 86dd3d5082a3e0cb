// The length of the longest common subsequence of two id sequences: all a line count needs.
//
// `git diff --minimal --numstat` counts `a.length - LCS` deletions and `b.length - LCS` additions,
// whichever of the equally short edit scripts is printed, so the counts never need the script
// itself. Myers' greedy search finds the edit distance D = a + b - 2·LCS keeping one row of
// furthest-reaching points (no trace to walk back), on integer ids rather than strings. Two
// preparations that cannot change the LCS keep it small:
// - the common prefix and suffix are always part of some LCS, so they are counted and set aside;
// - an id that occurs nowhere in the other sequence can never be matched, so it is left out.

/** Ids in `ids[start, end)` that occur in `other` (marked in `present`), in order. */
function keptIds(ids: Int32Array, start: number, end: number, present: Uint8Array): Int32Array {
  const kept = new Int32Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const id = ids[i]!;
    if (present[id] === 1) kept[n++] = id;
  }
  return kept.subarray(0, n);
}

function mark(ids: Int32Array, start: number, end: number, idCount: number): Uint8Array {
  const present = new Uint8Array(idCount);
  for (let i = start; i < end; i++) present[ids[i]!] = 1;
  return present;
}

/** Myers' forward search for the shortest edit script's length (insertions + deletions). */
function editDistance(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (n === 0 || m === 0) return max;
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k (y = x - k) with the current D.
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}

/**
 * LCS length of `a` and `b`, whose ids are below `idCount` (ids are equal exactly when the records
 * they stand for are).
 */
export function commonLength(a: Int32Array, b: Int32Array, idCount: number): number {
  let prefix = 0;
  const shorter = Math.min(a.length, b.length);
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const endA = a.length - suffix;
  const endB = b.length - suffix;
  const shared = prefix + suffix;
  if (prefix === endA || prefix === endB) return shared;
  const keptA = keptIds(a, prefix, endA, mark(b, prefix, endB, idCount));
  const keptB = keptIds(b, prefix, endB, mark(a, prefix, endA, idCount));
  const distance = editDistance(keptA, keptB);
  return shared + (keptA.length + keptB.length - distance) / 2;
}
