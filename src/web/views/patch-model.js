// A unified patch as data, so the viewer can change what it shows without asking the server again:
// reveal hidden unchanged lines between hunks (from the new text, which the file diff carries), and
// hide whitespace-only edits the way `git diff -w` does. Pure functions over plain objects.

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

/** { header: string[], hunks: [{ oldStart, oldLines, newStart, newLines, section, lines }] } */
export function parsePatch(patch) {
  const header = [];
  const hunks = [];
  const lines = patch.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const match = HUNK_HEADER.exec(line);
    if (match) {
      hunks.push({
        oldStart: Number(match[1]),
        oldLines: match[2] === undefined ? 1 : Number(match[2]),
        newStart: Number(match[3]),
        newLines: match[4] === undefined ? 1 : Number(match[4]),
        section: match[5],
        lines: [],
      });
    } else if (hunks.length) hunks[hunks.length - 1].lines.push(line);
    else header.push(line);
  }
  return { header, hunks };
}

export function formatPatch(model) {
  const out = [...model.header];
  for (const hunk of model.hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@${hunk.section}`, ...hunk.lines);
  }
  return `${out.join('\n')}\n`;
}

/** The lines of a text as the patch numbers them (a final newline ends the last line). */
export function textLines(text) {
  if (!text) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const hunkNewEnd = (hunk) => hunk.newStart + hunk.newLines; // first new line after the hunk

/**
 * Unchanged new-text lines hidden before hunk `index` (index = hunks.length: after the last one).
 * Returns { first, count } with `first` 1-based.
 */
export function gapAt(model, index, newLineCount) {
  const previous = model.hunks[index - 1];
  const next = model.hunks[index];
  const first = previous ? Math.max(1, hunkNewEnd(previous)) : 1;
  const end = next ? next.newStart : newLineCount + 1;
  // A hunk of a file that is empty on one side starts at line 0; nothing hides before it.
  return { first, count: Math.max(0, end - first) };
}

/**
 * Reveals up to `amount` hidden lines of gap `index`: the ones next to the hunk below (or, after
 * the last hunk, the ones next to it). A gap shown whole joins its two hunks into one.
 */
export function expandGap(model, index, newLines, amount) {
  const { first, count } = gapAt(model, index, newLines.length);
  if (count === 0) return model;
  const shown = Math.min(amount, count);
  const hunks = model.hunks.map((hunk) => ({ ...hunk, lines: [...hunk.lines] }));
  const context = (from, n) => newLines.slice(from - 1, from - 1 + n).map((line) => ` ${line}`);
  if (index === hunks.length) {
    const last = hunks[hunks.length - 1];
    last.lines.push(...context(first, shown));
    last.oldLines += shown;
    last.newLines += shown;
    return { ...model, hunks };
  }
  const next = hunks[index];
  next.lines.unshift(...context(next.newStart - shown, shown));
  next.oldStart -= shown;
  next.newStart -= shown;
  next.oldLines += shown;
  next.newLines += shown;
  const previous = hunks[index - 1];
  if (shown === count && previous) {
    previous.lines.push(...next.lines);
    previous.oldLines += next.oldLines;
    previous.newLines += next.newLines;
    hunks.splice(index, 1);
  }
  return { ...model, hunks };
}

const squash = (line) => line.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();

/** Pairs of equal items (by `same`) in order, as index pairs: a longest common subsequence. */
function commonPairs(a, b, same) {
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = same(a[i], b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const pairs = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (same(a[i], b[j])) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Splits a hunk's lines into context lines and change blocks (removed lines, then added). */
function blocks(lines) {
  const out = [];
  for (const line of lines) {
    const kind = line[0];
    const last = out[out.length - 1];
    if (kind === '-' || kind === '+') {
      if (!last || last.kind !== 'change' || (kind === '-' && last.added.length)) out.push({ kind: 'change', removed: [], added: [] });
      out[out.length - 1][kind === '-' ? 'removed' : 'added'].push(line.slice(1));
    } else out.push({ kind: 'line', line });
  }
  return out;
}

const MAX_BLOCK = 400; // lines per side compared for whitespace; bigger blocks stay as they are

/** `git diff -w`: edits that only change whitespace become context; hunks left unchanged go. */
export function ignoreWhitespace(model) {
  const hunks = [];
  for (const hunk of model.hunks) {
    const lines = [];
    for (const block of blocks(hunk.lines)) {
      if (block.kind === 'line') {
        lines.push(block.line);
        continue;
      }
      const { removed, added } = block;
      const pairs = removed.length <= MAX_BLOCK && added.length <= MAX_BLOCK ? commonPairs(removed, added, (x, y) => squash(x) === squash(y)) : [];
      let i = 0;
      let j = 0;
      for (const [pi, pj] of [...pairs, [removed.length, added.length]]) {
        while (i < pi) lines.push(`-${removed[i++]}`);
        while (j < pj) lines.push(`+${added[j++]}`);
        if (pi < removed.length) {
          lines.push(` ${added[pj]}`);
          i++;
          j++;
        }
      }
    }
    if (!lines.some((line) => line[0] === '-' || line[0] === '+')) continue;
    const oldLines = lines.filter((line) => line[0] === ' ' || line[0] === '-').length;
    const newLines = lines.filter((line) => line[0] === ' ' || line[0] === '+').length;
    hunks.push({ ...hunk, lines, oldLines, newLines });
  }
  return { ...model, hunks };
}

/** How many changed lines differ from their counterpart only in no-break spaces. */
export function nbspOnlyChanges(model) {
  let count = 0;
  for (const hunk of model.hunks) {
    for (const block of blocks(hunk.lines)) {
      if (block.kind !== 'change') continue;
      const n = Math.min(block.removed.length, block.added.length);
      for (let k = 0; k < n; k++) {
        const before = block.removed[k];
        const after = block.added[k];
        if (before !== after && (before.includes('\u00a0') || after.includes('\u00a0')) && before.replace(/\u00a0/g, ' ') === after.replace(/\u00a0/g, ' ')) count++;
      }
    }
  }
  return count;
}
