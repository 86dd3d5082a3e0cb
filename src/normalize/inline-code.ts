// Code spans on one line, so `[a](b)` and `href="x"` inside backticks are not read as links.

/** [start, end) ranges of code spans, backticks included. Linear: each run is looked at a bounded number of times. */
export function inlineCodeSpans(line: string): Array<[number, number]> {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let at = line.indexOf('`'); at !== -1; ) {
    let end = at;
    while (end < line.length && line[end] === '`') end++;
    // An escaped backtick is literal; the rest of its run can still open a span.
    const escaped = at > 0 && line[at - 1] === '\\';
    if (!escaped || end - at > 1) {
      starts.push(escaped ? at + 1 : at);
      lengths.push(escaped ? end - at - 1 : end - at);
    }
    at = line.indexOf('`', end);
  }
  if (starts.length < 2) return [];
  // A run closes at the next run of its length: found for every run in one pass from the right.
  const closerOf = new Array<number>(starts.length);
  const nearestOfLength: number[] = [];
  for (let index = starts.length - 1; index >= 0; index--) {
    closerOf[index] = nearestOfLength[lengths[index]!] ?? -1;
    nearestOfLength[lengths[index]!] = index;
  }
  const spans: Array<[number, number]> = [];
  for (let index = 0; index < starts.length; index++) {
    const closer = closerOf[index]!;
    if (closer === -1) continue;
    spans.push([starts[index]!, starts[closer]! + lengths[closer]!]);
    index = closer;
  }
  return spans;
}
