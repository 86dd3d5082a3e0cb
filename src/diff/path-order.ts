// Git orders the diff queue by the bytes of each path (strcmp on UTF-8). JavaScript compares UTF-16
// code units, which disagrees for characters above U+FFFF versus U+E000..U+FFFF; this comparator
// fixes that case so ties in rename pairing break exactly as git breaks them.

function codeUnitRank(unit: number): number {
  // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF, so they must sort after
  // U+E000..U+FFFF; shifting both ranges gives code point (= UTF-8 byte) order.
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in git's bytewise path order. */
export function compareGitPaths(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}
