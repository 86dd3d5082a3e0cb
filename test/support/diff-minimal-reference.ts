// An independent, obviously-correct (and slow) minimal line diff: counts from the longest common
// subsequence by dynamic programming. Used to prove docdelta's counts minimal where an old git's
// `--minimal` is not.
function records(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function minimalCounts(oldBytes: Uint8Array, newBytes: Uint8Array): { additions: number; deletions: number } {
  const a = records(oldBytes);
  const b = records(newBytes);
  let previous = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const row = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  const common = previous[b.length]!;
  return { additions: b.length - common, deletions: a.length - common };
}
