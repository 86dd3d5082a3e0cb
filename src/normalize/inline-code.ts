// Code spans on one line, so `[a](b)` and `href="x"` inside backticks are not read as links.

/** [start, end) ranges of code spans, backticks included. Linear: each run is looked at a bounded number of times. */
export function inlineCodeSpans(line: string): Array<[number, number]> {
  const runs: Array<{ start: number; length: number }> = [];
  for (let at = line.indexOf('`'); at !== -1; ) {
    let end = at;
    while (line[end] === '`') end++;
    // An escaped backtick is literal; the rest of its run can still open a span.
    const escaped = at > 0 && line[at - 1] === '\\';
    if (!escaped || end - at > 1) runs.push({ start: escaped ? at + 1 : at, length: escaped ? end - at - 1 : end - at });
    at = line.indexOf('`', end);
  }
  // For each length, the run indices in order; a pointer per length walks forward only.
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length);
    if (list) list.push(index);
    else byLength.set(run.length, [index]);
  });
  const cursor = new Map<number, number>();
  const spans: Array<[number, number]> = [];
  for (let index = 0; index < runs.length; index++) {
    const opener = runs[index]!;
    const list = byLength.get(opener.length)!;
    let position = cursor.get(opener.length) ?? 0;
    while (position < list.length && list[position]! <= index) position++;
    cursor.set(opener.length, position);
    if (position === list.length) continue;
    const closerIndex = list[position]!;
    const closer = runs[closerIndex]!;
    spans.push([opener.start, closer.start + closer.length]);
    index = closerIndex;
  }
  return spans;
}
