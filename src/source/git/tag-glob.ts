// Glob matching for tag patterns (`v*`, `docs-?.*`), in time bounded by pattern length × tag length.
//
// Patterns come from users and tags from repositories, so neither is trusted. The earlier matcher
// compiled the pattern to a regular expression, which backtracks: `*a*a…*b` (33 a's) took 46 s on a
// 44-character tag. picomatch and minimatch compile globs to backtracking expressions as well
// (picomatch 4.0.7 took 0.1–0.8 s on that pattern at 40 characters and 2.9 s at 42, measured here),
// so no library is used: matching is the classic two-pointer algorithm. On a mismatch only the most
// recent `*` is widened by one character, never an earlier one, because a later `*` can absorb
// anything an earlier one could.

/**
 * Whether `text` matches `pattern`, where `*` is any run of characters (`/` included, as in git's
 * for-each-ref patterns) and `?` is exactly one character. Every other character is literal.
 * Characters are Unicode code points, so `?` matches one whatever its UTF-16 length.
 */
export function matchGlob(pattern: string, text: string): boolean {
  const p = Array.from(pattern);
  const t = Array.from(text);
  let pi = 0;
  let ti = 0;
  // Where the last `*` was, and the text position it currently stretches to.
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] !== '*' && (p[pi] === '?' || p[pi] === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi;
      pi += 1;
      resume = ti;
    } else if (star >= 0) {
      pi = star + 1;
      resume += 1;
      ti = resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}
