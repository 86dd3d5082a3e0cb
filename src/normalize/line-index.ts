// Links are found by offset in the whole page; this turns offsets back into the 1-based lines people read.

export interface LineIndex {
  starts: number[];
}

/** From the page's lines (its text split on `\n`), which the mask has split already: no second pass over the text. */
export function buildLineIndex(lines: readonly string[]): LineIndex {
  const starts = new Array<number>(lines.length);
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    starts[index] = offset;
    offset += lines[index]!.length + 1;
  }
  return { starts };
}

export function lineAt(index: LineIndex, offset: number): number {
  const { starts } = index;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
