// Collects what the scenarios measured into the results.json shape, computing medians, ratios and
// whether each goal was met in one place, so every scenario reports the same way.
import type { BenchResults, Comparison, Figure, ScaleRun } from './results-schema.ts';
import { ratioOf, round, summarize } from './stats.ts';

/** A goal on a median: at most `max`, or at least `min`. */
export interface Goal {
  text: string;
  max?: number;
  min?: number;
}

export interface ComparisonInput {
  name: string;
  ours: string;
  theirs: string;
  oursSamples: readonly number[];
  theirsSamples: readonly number[];
  /** A goal on the ratio (ours / theirs). */
  goal?: Goal;
  notes?: string;
}

export interface FigureInput {
  section: string;
  name: string;
  unit: string;
  samples: readonly number[];
  goal?: Goal;
  notes?: string;
}

function meets(goal: Goal | undefined, value: number): boolean | null {
  if (!goal) return null;
  if (goal.max !== undefined && value > goal.max) return false;
  if (goal.min !== undefined && value < goal.min) return false;
  return true;
}

const roundStats = (stats: ReturnType<typeof summarize>, digits = 2) => ({
  median: round(stats.median, digits),
  min: round(stats.min, digits),
  max: round(stats.max, digits),
  runs: stats.runs,
});

export function toComparison(input: ComparisonInput): Comparison {
  const ours = summarize(input.oursSamples);
  const theirs = summarize(input.theirsSamples);
  const ratio = ratioOf(ours, theirs);
  return {
    name: input.name,
    ours: input.ours,
    ours_ms: round(ours.median),
    theirs: input.theirs,
    theirs_ms: round(theirs.median),
    ratio: round(ratio, 3),
    ours_runs: roundStats(ours),
    theirs_runs: roundStats(theirs),
    goal: input.goal?.text ?? null,
    met: meets(input.goal, ratio),
    notes: input.notes ?? null,
  };
}

export function toFigure(input: FigureInput): Figure {
  const stats = summarize(input.samples);
  return {
    section: input.section,
    name: input.name,
    unit: input.unit,
    value: roundStats(stats, 3),
    goal: input.goal?.text ?? null,
    met: meets(input.goal, stats.median),
    notes: input.notes ?? null,
  };
}

export class BenchReport {
  readonly comparisons: Comparison[] = [];
  readonly figures: Figure[] = [];
  readonly gaps: string[] = [];
  readonly notes: string[] = [];
  scale: ScaleRun[] | null = null;

  compare(input: ComparisonInput): Comparison {
    const comparison = toComparison(input);
    this.comparisons.push(comparison);
    return comparison;
  }

  figure(input: FigureInput): Figure {
    const figure = toFigure(input);
    this.figures.push(figure);
    return figure;
  }

  gap(text: string): void {
    this.gaps.push(text);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  results(meta: Pick<BenchResults, 'generatedAt' | 'mode' | 'durationMs' | 'machine' | 'tools'>): BenchResults {
    return {
      schema: 1,
      ...meta,
      durationMs: round(meta.durationMs, 0),
      comparisons: this.comparisons,
      figures: this.figures,
      scale: this.scale,
      gaps: this.gaps,
      notes: this.notes,
    };
  }
}
