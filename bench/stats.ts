// Figures over repeated runs: the median is what we compare, min–max shows how noisy the machine was.

export interface RunStats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(samples: readonly number[]): RunStats {
  if (samples.length === 0) throw new Error('no samples to summarize');
  if (samples.some((value) => !Number.isFinite(value))) throw new Error('samples must be finite numbers');
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** ours / theirs of the medians; below 1 means docdelta is faster. */
export function ratioOf(ours: RunStats, theirs: RunStats): number {
  if (theirs.median <= 0) throw new Error('the reference side took no time; a ratio would be meaningless');
  return ours.median / theirs.median;
}

/** Rounds for display and JSON, so results do not carry float noise like 12.300000000000001. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
