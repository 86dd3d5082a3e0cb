import type { BenchEnv } from '../bench-env.ts';

/** One part of the bench; it writes its comparisons, figures, notes and gaps into env.report. */
export interface Scenario {
  name: string;
  /** Skipped by `--quick`. */
  fullOnly?: boolean;
  run(env: BenchEnv): Promise<void>;
}
