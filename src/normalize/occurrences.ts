// Scanners that jump between a few marker strings find each with indexOf (a memchr-speed search) instead of
// a pattern like /[\\[]/g, which V8 walks one character at a time: on prose pages that is ten times slower.

/**
 * `next(from)` is the first occurrence of `needle` at or after `from`, or -1. `from` must not go back:
 * the last answer is kept while it is still ahead, so the text is searched once in all, however many
 * times it is asked and however the searches for other markers interleave with it.
 */
export function occurrences(text: string, needle: string): { next: (from: number) => number } {
  let found = text.indexOf(needle);
  return {
    next(from: number): number {
      if (found !== -1 && found < from) found = text.indexOf(needle, from);
      return found;
    },
  };
}

/** The nearer of two occurrences, either of which may be -1 (none). */
export function nearer(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}
